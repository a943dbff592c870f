/**
 * A stand-in for GitHub's REST API on 127.0.0.1, speaking its documented
 * format for what the github store calls (docs.github.com, REST, "Git
 * database" and "Repository contents", API version 2022-11-28):
 *
 *   GET   /repos/{o}/{r}/git/ref/heads/{branch}   { ref, object: { sha, type: "commit", url } }
 *   GET   /repos/{o}/{r}/git/commits/{sha}        { sha, tree: { sha, url }, parents: [{ sha, url }], message }
 *   POST  /repos/{o}/{r}/git/blobs                { content, encoding: "utf-8"|"base64" } -> 201 { sha, url }
 *   POST  /repos/{o}/{r}/git/trees                { base_tree, tree: [{ path, mode, type, sha }] } -> 201 { sha, url, tree, truncated }
 *   POST  /repos/{o}/{r}/git/commits              { message, tree, parents } -> 201 { sha, tree, parents, message }
 *   PATCH /repos/{o}/{r}/git/refs/heads/{branch}  { sha, force } -> 200 { ref, object }; 422 "Update is not a fast forward"
 *   GET   /repos/{o}/{r}/contents/{path}?ref=     { type, encoding: "base64", content, sha, size } (content empty
 *         and encoding "none" over 1 MB, where `Accept: application/vnd.github.raw+json` gives the bytes)
 *
 * Blob shas are git's (sha1 of "blob <size>\0<bytes>"); a tree is kept flat
 * (path -> blob sha), which is what the store sees of it. `files` is the
 * branch as it stands: a test that changes it directly has pushed a commit
 * of its own, which the next request finds on the branch.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Commit {
  sha: string;
  message: string;
  parents: string[];
  /** The paths this commit changed from its first parent. */
  paths: string[];
  /** True for a commit made through the API (not a test's own push). */
  api: boolean;
}

export interface FakeGithub {
  url: string;
  /** The branch's files as they stand. */
  files: Map<string, Buffer>;
  /** Commits made on the branch, oldest first. */
  commits: Commit[];
  requests: string[];
  /** Called before a ref update is applied: a test may push meanwhile (change `files`). */
  beforeRefUpdate: (() => void) | null;
  close(): Promise<void>;
}

export function blobSha(bytes: Buffer): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function fakeGithub(repo: string, token: string, branch = 'main'): Promise<FakeGithub> {
  const state: FakeGithub = { url: '', files: new Map(), commits: [], requests: [], beforeRefUpdate: null, close: async () => {} };
  const blobs = new Map<string, Buffer>();
  const trees = new Map<string, Map<string, string>>();
  const commits = new Map<string, { tree: string; parents: string[]; message: string }>();
  let head: string | null = null;

  const treeOf = (entries: Map<string, string>) => {
    const sha = sha1([...entries].sort().map(([p, s]) => `${p}\0${s}`).join('\n'));
    trees.set(sha, new Map(entries));
    return sha;
  };
  const filesOf = (commit: string) => new Map([...trees.get(commits.get(commit)!.tree)!].map(([p, s]) => [p, blobs.get(s)!]));
  const changed = (from: Map<string, string> | undefined, to: Map<string, string>) =>
    [...new Set([...(from?.keys() ?? []), ...to.keys()])].filter((p) => from?.get(p) !== to.get(p)).sort();
  const addCommit = (tree: string, parents: string[], message: string, api: boolean) => {
    const sha = sha1(`${tree}\0${parents.join(',')}\0${message}\0${commits.size}`);
    commits.set(sha, { tree, parents, message });
    return { sha, record: { sha, message, parents, paths: changed(parents[0] ? trees.get(commits.get(parents[0])!.tree) : undefined, trees.get(tree)!), api } };
  };
  /** A change a test made to `files` is a push: it becomes the branch's next commit. */
  const syncHead = () => {
    const entries = new Map([...state.files].map(([p, b]) => (blobs.set(blobSha(b), b), [p, blobSha(b)] as [string, string])));
    const tree = treeOf(entries);
    if (head !== null && commits.get(head)!.tree === tree) return;
    const { sha, record } = addCommit(tree, head ? [head] : [], 'pushed by the test', false);
    if (head !== null) state.commits.push(record);
    head = sha;
  };
  const isAncestor = (ancestor: string, of: string): boolean => of === ancestor || commits.get(of)!.parents.some((p) => isAncestor(ancestor, p));

  const prefix = `/repos/${repo}/`;
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const raw = req.headers.accept === 'application/vnd.github.raw+json';
    state.requests.push(`${req.method} ${url.pathname}${url.search}${raw ? ' (raw)' : ''}`);
    const send = (status: number, value: unknown) => res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(value));
    if (req.headers.authorization !== `Bearer ${token}`) return send(401, { message: 'Bad credentials' });
    if (!req.headers['user-agent']) return send(403, { message: 'User-Agent required' });
    if (!url.pathname.startsWith(prefix)) return send(404, { message: 'Not Found' });
    syncHead();
    const route = `${req.method} ${url.pathname.slice(prefix.length)}`;
    const api = (path: string) => `${state.url}${prefix}${path}`;
    const input = req.method === 'POST' || req.method === 'PATCH' ? (JSON.parse(await readBody(req)) as Record<string, unknown>) : {};

    if (route === `GET git/ref/heads/${branch}`) return send(200, { ref: `refs/heads/${branch}`, object: { sha: head, type: 'commit', url: api(`git/commits/${head}`) } });
    let m = /^GET git\/commits\/([0-9a-f]{40})$/.exec(route);
    if (m) {
      const commit = commits.get(m[1]);
      if (!commit) return send(404, { message: 'Not Found' });
      return send(200, { sha: m[1], message: commit.message, tree: { sha: commit.tree, url: api(`git/trees/${commit.tree}`) }, parents: commit.parents.map((sha) => ({ sha, url: api(`git/commits/${sha}`) })) });
    }
    if (route === 'POST git/blobs') {
      if (typeof input.content !== 'string' || (input.encoding !== 'base64' && input.encoding !== 'utf-8')) return send(422, { message: 'Invalid request.' });
      const bytes = Buffer.from(input.content, input.encoding === 'base64' ? 'base64' : 'utf8');
      blobs.set(blobSha(bytes), bytes);
      return send(201, { sha: blobSha(bytes), url: api(`git/blobs/${blobSha(bytes)}`) });
    }
    if (route === 'POST git/trees') {
      const base = typeof input.base_tree === 'string' ? trees.get(input.base_tree) : new Map<string, string>();
      const entries = input.tree as { path: string; mode: string; type: string; sha: string }[] | undefined;
      if (!base || !Array.isArray(entries) || entries.some((e) => e.mode !== '100644' || e.type !== 'blob' || !blobs.has(e.sha))) return send(422, { message: 'Invalid tree info' });
      const next = new Map(base);
      for (const e of entries) next.set(e.path, e.sha);
      const sha = treeOf(next);
      return send(201, { sha, url: api(`git/trees/${sha}`), truncated: false, tree: [...next].map(([path, s]) => ({ path, mode: '100644', type: 'blob', sha: s, size: blobs.get(s)!.length, url: api(`git/blobs/${s}`) })) });
    }
    if (route === 'POST git/commits') {
      const parents = input.parents as string[] | undefined;
      if (typeof input.message !== 'string' || typeof input.tree !== 'string' || !trees.has(input.tree) || !Array.isArray(parents) || parents.some((p) => !commits.has(p))) {
        return send(422, { message: 'Invalid request.' });
      }
      const { sha, record } = addCommit(input.tree, parents, input.message, true);
      pendingRecords.set(sha, record);
      return send(201, { sha, message: input.message, tree: { sha: input.tree, url: api(`git/trees/${input.tree}`) }, parents: parents.map((p) => ({ sha: p, url: api(`git/commits/${p}`) })) });
    }
    if (route === `PATCH git/refs/heads/${branch}`) {
      state.beforeRefUpdate?.();
      state.beforeRefUpdate = null;
      syncHead();
      const sha = input.sha as string;
      if (!commits.has(sha)) return send(422, { message: 'Object does not exist' });
      if (input.force !== true && !isAncestor(head!, sha)) return send(422, { message: 'Update is not a fast forward' });
      head = sha;
      state.commits.push(pendingRecords.get(sha)!);
      state.files = filesOf(sha);
      return send(200, { ref: `refs/heads/${branch}`, object: { sha, type: 'commit', url: api(`git/commits/${sha}`) } });
    }
    if (req.method === 'GET' && url.pathname.startsWith(`${prefix}contents/`)) {
      const ref = url.searchParams.get('ref') ?? branch;
      const commit = ref === branch ? head! : commits.has(ref) ? ref : null;
      if (commit === null) return send(404, { message: 'No commit found for the ref' });
      const path = decodeURIComponent(url.pathname.slice(`${prefix}contents/`.length));
      const bytes = filesOf(commit).get(path);
      if (!bytes) return send(404, { message: 'Not Found' });
      if (raw) return res.writeHead(200, { 'Content-Type': 'application/vnd.github.raw' }).end(bytes);
      const large = bytes.length > 1024 * 1024;
      const content = large ? '' : (bytes.toString('base64').match(/.{1,60}/g) ?? []).join('\n');
      return send(200, { type: 'file', name: path.split('/').pop(), path, sha: blobSha(bytes), size: bytes.length, encoding: large ? 'none' : 'base64', content });
    }
    send(404, { message: 'Not Found' });
  };
  const pendingRecords = new Map<string, Commit>();
  const server: Server = createServer((req, res) => void handle(req, res).catch((error) => res.writeHead(500).end(String(error))));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () => new Promise((resolve) => server.close(() => resolve()));
  return state;
}
