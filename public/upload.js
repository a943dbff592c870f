// Progressive enhancement of /upload/: sends the form with XHR (for upload
// progress), shows the result inline — the problems table when rejected, the
// rebuild's progress after acceptance (polling /api/status). Every value is
// set with textContent: nothing from the server is parsed as HTML.
(function () {
  var form = document.getElementById('upload-form');
  var out = document.getElementById('upload-result');
  var bar = document.getElementById('upload-progress');
  if (!form || !out || !window.FormData || !window.XMLHttpRequest) return;
  var button = form.querySelector('button');

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
    table.appendChild(el('caption', 'Problems'));
    var head = table.appendChild(el('thead')).appendChild(el('tr'));
    ['File', 'Line', 'Column', 'Value', 'Rule'].forEach(function (h) { var th = el('th', h); th.scope = 'col'; head.appendChild(th); });
    var rows = table.appendChild(el('tbody'));
    (body.problems || []).forEach(function (p) {
      var tr = rows.appendChild(el('tr'));
      [p.file, p.line || '', p.column, p.value, p.rule].forEach(function (v, i) {
        var td = tr.appendChild(el('td'));
        td.appendChild(i === 3 ? el('code', v) : document.createTextNode(String(v)));
      });
    });
    var more = body.total > (body.problems || []).length ? [el('p', '… and ' + (body.total - body.problems.length) + ' more.')] : [];
    return [el('p', body.error), table].concat(more);
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
          line.textContent = 'The site is rebuilt with this upload. ';
          var link = el('a', 'Open the site');
          link.href = form.getAttribute('action').replace(/api\/upload$/, '');
          line.appendChild(link);
          return;
        }
        if (build && build.state === 'failed') { line.textContent = 'The rebuild failed; the site still shows the previous data. ' + (build.error || ''); return; }
        if (build && build.state === 'triggered') { line.textContent = 'Handed to the deploy (CI or deploy hook): the site updates when it finishes.'; return; }
        line.textContent = build && build.state === 'running' ? 'Rebuilding the site…' : 'Waiting for the rebuild to start…';
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

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.getAttribute('action'));
    xhr.setRequestHeader('Accept', 'application/json');
    bar.hidden = false;
    bar.value = 0;
    button.disabled = true;
    show('', [el('p', 'Uploading…')]);
    xhr.upload.onprogress = function (e) { if (e.lengthComputable) bar.value = e.loaded / e.total; };
    xhr.onload = function () {
      button.disabled = false;
      bar.value = 1;
      var body = {};
      try { body = JSON.parse(xhr.responseText); } catch (e) { body = { error: 'The server answered ' + xhr.status + '.' }; }
      if (xhr.status === 202) {
        var line = el('p', 'Waiting for the rebuild to start…', 'rebuild');
        var notes = (body.notes || []).map(function (n) { return el('p', n); });
        show('ok', [el('p', body.file + ': ' + body.rows + ' rows accepted (version ' + body.version + ').')].concat(notes, [line]));
        poll(body.status, line);
      } else if (xhr.status === 422) show('bad', problems(body));
      else show('bad', [el('p', body.error || 'The upload failed (' + xhr.status + ').')]);
    };
    xhr.onerror = function () {
      button.disabled = false;
      show('bad', [el('p', 'The upload did not reach the server; check the connection and try again.')]);
    };
    xhr.send(tokenFirst(new FormData(form)));
  });
})();
