// Progressive enhancement of /upload/: sends the form with XHR (for upload
// progress), shows the result inline — the problems table when rejected, the
// rebuild's progress after acceptance (polling /api/status) — in the words
// the page hands over in the form's data-words (the site's language). Every
// value is set with textContent: nothing from the server is parsed as HTML.
// A module script: its names stay out of the page's global scope.
var form = document.getElementById('upload-form');
var out = document.getElementById('upload-result');
var bar = document.getElementById('upload-progress');
var button = form && form.querySelector('button');
var words = JSON.parse((form && form.getAttribute('data-words')) || '{}');
function say(key, values) {
  return String(words[key] || key).replace(/\{(\w+)\}/g, function (whole, name) { return values && name in values ? String(values[name]) : whole; });
}

function el(tag, text, cls) {
  var node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (cls) node.className = cls;
  return node;
}
function show(cls, nodes) {
  out.textContent = '';
  var box = el('div', null, cls);
  nodes.forEach(function (n) { box.appendChild(n); });
  out.appendChild(box);
}
function problems(body) {
  var table = el('table');
  table.appendChild(el('caption', say('problems')));
  var head = table.appendChild(el('thead')).appendChild(el('tr'));
  (words.columns || []).forEach(function (h) { var th = el('th', h); th.scope = 'col'; head.appendChild(th); });
  var rows = table.appendChild(el('tbody'));
  (body.problems || []).forEach(function (p) {
    var tr = rows.appendChild(el('tr'));
    [p.file, p.line || '', p.column, p.value, p.rule].forEach(function (v, i) {
      var td = tr.appendChild(el('td'));
      td.appendChild(i === 3 ? el('code', v) : document.createTextNode(String(v)));
    });
  });
  var more = body.total > (body.problems || []).length ? [el('p', say('more', { n: body.total - body.problems.length }))] : [];
  return [el('p', say('rejected', { file: body.file, n: body.total })), table].concat(more, (body.knockOns || []).map(knockOns));
}
// Problems that only follow from another file's (references to its rejected deals): one count per file and rule.
function knockOns(k) {
  var box = el('div', null, 'knock-ons');
  box.appendChild(el('p', say('knockOns', { n: k.total, cause: k.cause })));
  var list = box.appendChild(el('ul'));
  (k.groups || []).forEach(function (g) {
    var lines = g.lines.join(', ') + (g.count > g.lines.length ? ', …' : '');
    list.appendChild(el('li', say(g.lines.length > 1 ? 'knockOn' : 'knockOnAt', { count: g.count, file: g.file, rule: g.rule, lines: lines })));
  });
  return box;
}
function poll(url, line) {
  var tries = 0;
  function tick() {
    var xhr = new XMLHttpRequest();
    xhr.open('GET', url);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.onload = function () {
      var body = {};
      try { body = JSON.parse(xhr.responseText); } catch (e) { /* keep polling */ }
      var build = body.build;
      if (build && build.state === 'succeeded') {
        line.textContent = say('rebuilt') + ' ';
        var link = el('a', say('openSite'));
        link.href = form.getAttribute('action').replace(/api\/upload$/, '');
        line.appendChild(link);
        return;
      }
      if (build && build.state === 'failed') { line.textContent = say('failed') + ' ' + (build.error || ''); return; }
      if (build && build.state === 'triggered') { line.textContent = say('triggered'); return; }
      line.textContent = say(build && build.state === 'running' ? 'rebuilding' : 'waiting');
      if (++tries < 300) setTimeout(tick, 2000);
    };
    xhr.onerror = function () { if (++tries < 300) setTimeout(tick, 4000); };
    xhr.send();
  }
  tick();
}

// The server reads the token before the file and stops at a wrong one: send it first, whatever the form's order.
function tokenFirst(data) {
  var ordered = new FormData();
  data.getAll('token').forEach(function (v) { ordered.append('token', v); });
  data.forEach(function (v, k) { if (k !== 'token') ordered.append(k, v); });
  return ordered;
}

function upload(event) {
  event.preventDefault();
  var xhr = new XMLHttpRequest();
  xhr.open('POST', form.getAttribute('action'));
  xhr.setRequestHeader('Accept', 'application/json');
  bar.hidden = false;
  bar.value = 0;
  button.disabled = true;
  show('', [el('p', say('sending'))]);
  xhr.upload.onprogress = function (e) { if (e.lengthComputable) bar.value = e.loaded / e.total; };
  xhr.onload = function () {
    button.disabled = false;
    bar.value = 1;
    var body = {};
    try { body = JSON.parse(xhr.responseText); } catch (e) { body = { error: say('answered', { status: xhr.status }) }; }
    if (xhr.status === 202) {
      var line = el('p', say('waiting'), 'rebuild');
      var notes = (body.notes || []).map(function (n) { return el('p', n); });
      show('ok', [el('p', say('accepted', { file: body.file, rows: body.rows, version: body.version }))].concat(notes, [line]));
      poll(body.status, line);
    } else if (xhr.status === 422) show('bad', problems(body));
    else show('bad', [el('p', body.error || say('refused', { status: xhr.status }))]);
  };
  xhr.onerror = function () {
    button.disabled = false;
    show('bad', [el('p', say('offline'))]);
  };
  xhr.send(tokenFirst(new FormData(form)));
}

if (form && out && bar && window.FormData && window.XMLHttpRequest) form.addEventListener('submit', upload);
