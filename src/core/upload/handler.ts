/**
 * The one upload handler, Request -> Response, for every edge: the Node
 * server and the Cloudflare Pages Functions. `POST …/upload` takes a CSV
 * (text/csv body or multipart field `file`); `GET …/status` shows the last
 * uploads and builds. Order matters: the token before the body is read, the
 * size before it is parsed, the whole data set validated before anything is
 * written. Web-standard APIs only (no node:), so it runs in workerd.
 */
import { exportDateInName } from '../ingest/importWarnings.ts';
import { dayToIso, isoToDay } from '../ingest/values.ts';
import { bearerToken, tokenMatches } from './auth.ts';
import { csvMediaType, csvText, readLimited, StoreError, UploadError } from './body.ts';
import { readForm } from './form.ts';
import type { GateTicket } from './limits.ts';
import { detectKind, headerOf, parseKind, UPLOAD_KINDS, type UploadKind } from './kinds.ts';
import { accepted, firstProblem, json, refusal, rejected } from './responses.ts';
import type { UploadDeps, UploadEntry } from './types.ts';
import { checkUpload } from './checkUpload.ts';

/** Routes by the last path segment: `upload` (POST) or `status` (GET). */
export async function handleUpload(request: Request, deps: UploadDeps, client = 'unknown'): Promise<Response> {
  const url = new URL(request.url);
  const route = url.pathname.split('/').filter(Boolean).pop();
  if (route === 'status') {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, 'use GET', false, { Allow: 'GET, HEAD' });
    return status(url, deps);
  }
  if (request.method !== 'POST') return refusal(405, 'upload with POST', false, { Allow: 'POST' });
  const started = deps.now().getTime();
  const html = wantsHtml(request);
  const entry: UploadEntry = { version: null, at: deps.now().toISOString(), kind: null, file: null, rows: null, outcome: 'rejected', status: 0, durationMs: 0, error: null };
  let response: Response;
  try {
    response = await upload(request, url, deps, html, entry, client);
  } catch (error) {
    response = failure(error, entry, html, deps);
  }
  entry.status = response.status;
  entry.durationMs = deps.now().getTime() - started;
  if (entry.status !== 202 && entry.outcome !== 'failed') entry.outcome = 'rejected';
  await deps.store.record(entry).catch(() => {});
  return response;
}

/**
 * The answer to an upload that did not get through, and its line in the
 * public status: what failed and where, never a value of the upload or a
 * path of the server (the full text of a fault goes to the server log).
 */
function failure(error: unknown, entry: UploadEntry, html: boolean, deps: UploadDeps): Response {
  if (error instanceof UploadError && error.status === 422) {
    // Rejected before the loader ran (an empty file, an unknown header): still one problem, like the loader's.
    const file = entry.kind ? `${entry.kind}.csv` : 'the upload';
    const line = error.message.startsWith('cannot tell') || error.message.startsWith('the header') ? 1 : 0;
    entry.error = `${file}${line ? `:${line}` : ''}: ${error.shown}`;
    return rejected(file, [{ file, line, column: '', value: '', rule: error.message }], 1, new Map([[error.shown, 1]]), html);
  }
  if (error instanceof UploadError) {
    entry.error = error.shown;
    return refusal(error.status, error.message, html, { ...error.headers });
  }
  // A fault of ours or of the store (disk full, GitHub down): the log has it all, the status its kind.
  deps.log(`upload failed: ${(error as Error)?.stack ?? String(error)}`);
  entry.outcome = 'failed';
  entry.error = storeFault(error);
  return refusal(500, 'the upload could not be stored; nothing was changed — try again, and see /api/status', html);
}

/** A store's fault as the status shows it: the system's error code, or GitHub's answer, never the message (it holds paths). */
function storeFault(error: unknown): string {
  if (error instanceof StoreError) return error.message;
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && /^E[A-Z0-9]+$/.test(code)) return `the data folder could not be written (${code})`;
  return 'the upload could not be stored (an internal error; the server log has the details)';
}

/** A browser's form post wants a page back; a script or API client asks for JSON. */
function wantsHtml(request: Request): boolean {
  const accept = request.headers.get('accept') ?? '';
  return accept.includes('text/html') && !accept.includes('application/json');
}

/** The CSV bytes and the form's fields, read within every limit: token first, then size, then the body. */
async function readUpload(request: Request, deps: UploadDeps, client: string, ticket: GateTicket): Promise<{ bytes: Uint8Array; fields: Map<string, string>; fileName: string }> {
  const { token, maxBytes } = deps.config;
  const { backoff } = deps.limits;
  if (!token) throw new UploadError(403, 'uploads are disabled on this site: no upload token is configured (KEEPSCORE_UPLOAD_TOKEN)');
  backoff.check(client, deps.now().getTime());
  const verify = async (given: string) => {
    if (!(await tokenMatches(given, token))) {
      backoff.failed(client, deps.now().getTime());
      throw new UploadError(401, given ? 'wrong upload token' : 'an upload token is required');
    }
    backoff.succeeded(client);
  };
  const bearer = bearerToken(request.headers.get('authorization'));
  if (bearer !== null) await verify(bearer);
  const type = request.headers.get('content-type') ?? '';
  const multipart = /^multipart\/form-data/i.test(type);
  // Without a bearer token only a form can carry one; anything else is refused before its body is read.
  if (bearer === null && !multipart) throw new UploadError(401, 'an upload token is required: Authorization: Bearer <token>, or the form\'s token field');
  if (!multipart) {
    if (!csvMediaType(type, true)) throw new UploadError(415, `a CSV file is expected (Content-Type text/csv), not ${type.split(';')[0]}`, { shown: 'a CSV file is expected (Content-Type text/csv)' });
    return { bytes: await readLimited(request, maxBytes, ticket.hold), fields: new Map(), fileName: '' };
  }
  const form = await readForm(request, type, { maxBytes, hold: ticket.hold, verify: bearer === null ? verify : null });
  if (!csvMediaType(form.file.type, true)) throw new UploadError(415, `a CSV file is expected, not ${form.file.type}`, { shown: 'a CSV file is expected' });
  return { bytes: form.file.bytes, fields: form.fields, fileName: form.file.name };
}

async function upload(request: Request, url: URL, deps: UploadDeps, html: boolean, entry: UploadEntry, client: string): Promise<Response> {
  const ticket = deps.limits.gate.enter();
  try {
    return await checkAndStore(url, deps, html, entry, await readUpload(request, deps, client, ticket));
  } finally {
    ticket.leave();
  }
}

async function checkAndStore(
  url: URL, deps: UploadDeps, html: boolean, entry: UploadEntry,
  { bytes, fields, fileName }: { bytes: Uint8Array; fields: Map<string, string>; fileName: string },
): Promise<Response> {
  const text = csvText(bytes);
  const field = (name: string) => url.searchParams.get(name) ?? fields.get(name) ?? null;

  const named = parseKind(url.searchParams.get('file') ?? fields.get('kind'));
  if (named === undefined) throw new UploadError(400, `unknown file kind; expected one of: ${UPLOAD_KINDS.join(', ')}`);
  const content = text.replace(/^\uFEFF/, '').trim();
  if (content === '') throw new UploadError(422, 'the file is empty');
  // A plain scan, not a regular expression: a pattern around the line break backtracks on one long line.
  if (!content.includes('\n') && !content.includes('\r')) throw new UploadError(422, 'no data rows: the file has a header and nothing under it');
  const kind: UploadKind | null = named ?? detectKind(headerOf(text));
  if (kind === null) {
    throw new UploadError(422, `cannot tell which file this is from its header (${headerOf(text).slice(0, 12).join(', ')}); choose the kind: ${UPLOAD_KINDS.join(', ')}`, {
      shown: 'cannot tell which file this is from its header',
    });
  }
  entry.kind = kind;
  const exported = field('exported')?.trim() || null;
  if (exported !== null && isoToDay(exported) === null) {
    throw new UploadError(400, `exported must be a date as YYYY-MM-DD, not ${JSON.stringify(exported.slice(0, 40))}`, { shown: 'exported must be a date as YYYY-MM-DD' });
  }
  const now = deps.now();
  const nameDay = exportDateInName(fileName);
  const date = exported ?? (nameDay === null ? null : dayToIso(nameDay)) ?? now.toISOString().slice(0, 10);

  return deps.store.exclusive(async () => {
    const version = newVersion(deps.now());
    const checked = await checkUpload(deps.store.source(), kind, text, date, version);
    if ('problems' in checked) {
      entry.file = checked.file;
      entry.error = firstProblem(checked.problems.kept, checked.problems.total);
      const { kept, ownTotal, countByRule, knockOns } = checked.problems;
      return rejected(checked.file, kept, ownTotal, countByRule, html, knockOns);
    }
    const { ok } = checked;
    await deps.store.commit({ version, at: now.toISOString(), kind, file: ok.file, rows: ok.rows, changes: ok.changes, snapshot: ok.snapshot });
    Object.assign(entry, { version, file: ok.file, rows: ok.rows, outcome: 'accepted', stageChanges: ok.stageChanges });
    await deps.rebuild.request(version);
    const statusUrl = new URL(`status?version=${encodeURIComponent(version)}`, url);
    return accepted(
      { version, kind, file: ok.file, rows: ok.rows, stageChanges: ok.stageChanges, notes: ok.notes, status: statusUrl.pathname + statusUrl.search },
      html,
    );
  });
}

/** Sortable, unique enough, and safe as a folder name: `20261127T063800123Z-3f9a1c`. */
export function newVersion(now: Date): string {
  const stamp = now.toISOString().replace(/[-:.]/g, '');
  const random = Array.from(crypto.getRandomValues(new Uint8Array(3)), (b) => b.toString(16).padStart(2, '0')).join('');
  return `${stamp}-${random}`;
}

/** `GET …/status[?version=v]`: the last uploads and builds; with a version, that upload and the build that carries it. */
async function status(url: URL, deps: UploadDeps): Promise<Response> {
  const [uploads, builds] = await Promise.all([deps.store.recent(), deps.rebuild.recent()]);
  const version = url.searchParams.get('version');
  const body: Record<string, unknown> = { uploadsEnabled: Boolean(deps.config.token), uploads: uploads.slice(0, 20), builds: builds.slice(0, 20) };
  if (version !== null) {
    body.version = version;
    body.upload = uploads.find((u) => u.version === version) ?? null;
    body.build = builds.find((b) => b.versions.includes(version)) ?? null;
  }
  return json(200, body);
}
