/**
 * The handler's answers: JSON for API clients, a small readable page for a
 * form posted without JavaScript. Every value shown in HTML is escaped, so
 * a hostile cell (`<script>`, quotes, RTL marks) reads as text. Every
 * response carries the security headers; the pages link the site's
 * stylesheet relatively (`../site.css` from `/api/upload`), so they work
 * under any base path and need no inline style or script.
 */
import type { KnockOnGroup, KnockOns, Problem } from '../ingest/problems.ts';

/** Sent with every response of the handler and the Node server. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy': "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'Cache-Control': 'no-store',
};

/** HTML-escapes text for element content and quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function json(status: number, body: unknown, extra: Record<string, string> = {}): Response {
  return new Response(`${JSON.stringify(body, null, 2)}\n`, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', ...extra },
  });
}

function page(status: number, title: string, body: string, extra: Record<string, string> = {}): Response {
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark">
<title>${escapeHtml(title)} — Keepscore</title><link rel="stylesheet" href="../site.css"></head>
<body><main id="main">
<h1>${escapeHtml(title)}</h1>
${body}
<p><a href="../upload/">Upload another file</a> · <a href="../">Back to the site</a></p>
</main></body></html>
`;
  return new Response(html, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8', ...extra } });
}

/** A refusal (401, 403, 413, 415, …): `{ error }` or a page saying why. */
export function refusal(status: number, message: string, html: boolean, extra: Record<string, string> = {}): Response {
  if (!html) return json(status, { error: message }, extra);
  return page(status, status === 401 || status === 403 ? 'Upload not allowed' : 'Upload refused', `<p>${escapeHtml(message)}</p>`, extra);
}

/** Shown at most in a rejection; the count says how many more there were. */
const SHOWN = 1000;

/** A value as echoed back: a 1 MB cell is not worth sending back whole. */
function clip(value: string): string {
  return value.length > 200 ? `${value.slice(0, 200)}… (${value.length} characters)` : value;
}

/** `lines 4, 7, 9, …` */
function linesOf(group: KnockOnGroup): string {
  return `line${group.lines.length > 1 ? 's' : ''} ${group.lines.join(', ')}${group.count > group.lines.length ? ', …' : ''}`;
}

/** The knock-on problems, by cause, as the page words them: `20 knock-on problems from deals.csv …`, then a count per file and rule. */
function knockOnHtml(knockOns: readonly KnockOns[]): string {
  return knockOns.map(({ cause, total, groups }) => {
    const items = groups.map((g) => `<li>${g.count} in ${escapeHtml(g.file)}: ${escapeHtml(g.rule)} (${linesOf(g)})</li>`).join('');
    return `<p>${total} knock-on problem${total === 1 ? '' : 's'} from ${escapeHtml(cause)}: references to deals that ${escapeHtml(cause)} would have defined, had its rows been read; they go away when it is fixed.</p>\n<ul>${items}</ul>`;
  }).join('\n');
}

/**
 * 422 with every problem of its own (the first SHOWN in full; `total` of
 * them), the count per rule, and the knock-on problems folded by cause, file
 * and rule (`knockOns`: they follow from those problems, ingest/problems.ts).
 */
export function rejected(file: string, all: Problem[], total: number, byRule: Map<string, number>, html: boolean, knockOns: readonly KnockOns[] = []): Response {
  const problems = all.slice(0, SHOWN).map((p) => (p.value.length > 200 ? { ...p, value: clip(p.value) } : p));
  const knockOnTotal = knockOns.reduce((sum, k) => sum + k.total, 0);
  const following = knockOnTotal > 0 ? ` (and ${knockOnTotal} knock-on problem${knockOnTotal === 1 ? '' : 's'} that follow from them)` : '';
  const message = `${file} was not accepted: ${total} problem${total === 1 ? '' : 's'} in the data${following}; nothing was changed`;
  if (!html) {
    return json(422, { error: message, file, total, problems, byRule: Object.fromEntries(byRule), knockOns });
  }
  const rows = problems
    .map((p) => `<tr><td>${escapeHtml(p.file)}</td><td>${p.line || ''}</td><td>${escapeHtml(p.column)}</td><td><code>${escapeHtml(p.value)}</code></td><td>${escapeHtml(p.rule)}</td></tr>`)
    .join('\n');
  const more = total > SHOWN ? `<p>… and ${total - SHOWN} more.</p>` : '';
  return page(
    422,
    'Upload rejected',
    `<p>${escapeHtml(message)}.</p>
<table><caption>Problems</caption><thead><tr><th scope="col">File</th><th scope="col">Line</th><th scope="col">Column</th><th scope="col">Value</th><th scope="col">Rule</th></tr></thead>
<tbody>
${rows}
</tbody></table>${more}
${knockOnHtml(knockOns)}`,
  );
}

export interface AcceptedBody {
  version: string;
  kind: string;
  file: string;
  rows: number;
  stageChanges: number;
  notes: string[];
  status: string;
}

/** 202: the version and where to follow its rebuild. */
export function accepted(body: AcceptedBody, html: boolean): Response {
  const location = { Location: body.status };
  if (!html) return json(202, { accepted: true, ...body }, location);
  const notes = body.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('');
  return page(
    202,
    'Upload accepted',
    `<p>${escapeHtml(body.file)}: ${body.rows} rows accepted as version <code>${escapeHtml(body.version)}</code>.
The site is being rebuilt; it shows the new numbers in a few minutes.</p>
${body.stageChanges > 0 ? `<p>${body.stageChanges} stage changes were added to the stage history.</p>` : ''}
${notes ? `<ul>${notes}</ul>` : ''}
<p><a href="${escapeHtml(body.status)}">Rebuild status</a></p>`,
    location,
  );
}

/**
 * One line for the status log: where the first problem is, its rule, and how
 * many in all. Not its value: /api/status is open on a public site, and a
 * cell may be a customer's name.
 */
export function firstProblem(problems: Problem[], total: number): string {
  if (problems.length === 0) return 'invalid data';
  const { file, line, column, rule } = problems[0];
  // A canonical column (close_date) is schema, not data; an export's own header is left out.
  const named = column.length <= 40 && [...column].every((c) => (c >= 'a' && c <= 'z') || c === '_') ? column : '';
  return `${file}${line > 0 ? `:${line}` : ''}${named ? ` ${named}` : ''}: ${publicRule(rule)}${total > 1 ? ` (and ${total - 1} more)` : ''}`;
}

/**
 * A rule without what it quotes of the data: rules put values after a `;`
 * (`missing required column; the header has: …`) or in parentheses
 * (`unreadable row (…)`), so both go. A plain scan (no backtracking).
 */
export function publicRule(rule: string): string {
  const head = rule.split(';')[0];
  let out = '';
  let depth = 0;
  for (const c of head) {
    if (c === '(') depth++;
    else if (c === ')' && depth > 0) depth--;
    else if (depth === 0) out += c;
  }
  return out.split(' ').filter(Boolean).join(' ');
}
