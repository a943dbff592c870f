/**
 * A stand-in for GitHub's REST contents API on 127.0.0.1, speaking its
 * documented format: GET /repos/{owner}/{repo}/contents/{path}?ref= gives
 * { type, encoding: "base64", content, sha, size } (content empty and
 * encoding "none" over 1 MB, where `Accept: application/vnd.github.raw+json`
 * gives the bytes); PUT the same path with { message, content (base64),
 * sha, branch } answers 201 (created) or 200 (updated) with { content,
 * commit }, 409 for a stale sha, 422 for an existing file without one.
 * Blob shas are git's (sha1 of "blob <size>\0<bytes>").
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Commit {
  path: string;
  message: string;
  branch: string;
  created: boolean;
}

export interface FakeGithub {
  url: string;
  files: Map<string, Buffer>;
  commits: Commit[];
  requests: string[];
  /** Called before a PUT is applied: a test may change the file meanwhile. */
  beforePut: ((path: string) => void) | null;
  close(): Promise<void>;
}

export function blobSha(bytes: Buffer): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function fakeGithub(repo: string, token: string, branch = 'main'): Promise<FakeGithub> {
  const state: FakeGithub = { url: '', files: new Map(), commits: [], requests: [], beforePut: null, close: async () => {} };
  const prefix = `/repos/${repo}/contents/`;
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    state.requests.push(`${req.method} ${url.pathname}${url.search}${req.headers.accept === 'application/vnd.github.raw+json' ? ' (raw)' : ''}`);
    const send = (status: number, value: unknown) => res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(value));
    if (req.headers.authorization !== `Bearer ${token}`) return send(401, { message: 'Bad credentials' });
    if (!req.headers['user-agent']) return send(403, { message: 'User-Agent required' });
    if (!url.pathname.startsWith(prefix)) return send(404, { message: 'Not Found' });
    const path = decodeURIComponent(url.pathname.slice(prefix.length));
    if (req.method === 'GET') {
      if ((url.searchParams.get('ref') ?? branch) !== branch) return send(404, { message: 'No commit found for the ref' });
      const bytes = state.files.get(path);
      if (!bytes) return send(404, { message: 'Not Found' });
      if (req.headers.accept === 'application/vnd.github.raw+json') return res.writeHead(200, { 'Content-Type': 'application/vnd.github.raw' }).end(bytes);
      const large = bytes.length > 1024 * 1024;
      const content = large ? '' : (bytes.toString('base64').match(/.{1,60}/g) ?? []).join('\n');
      return send(200, { type: 'file', name: path.split('/').pop(), path, sha: blobSha(bytes), size: bytes.length, encoding: large ? 'none' : 'base64', content });
    }
    if (req.method === 'PUT') {
      const input = JSON.parse(await body(req)) as { message?: string; content?: string; sha?: string; branch?: string };
      if (!input.message || input.content === undefined) return send(422, { message: 'Invalid request.' });
      state.beforePut?.(path);
      const current = state.files.get(path);
      if (current && !input.sha) return send(422, { message: '"sha" wasn\'t supplied.' });
      if (current && input.sha !== blobSha(current)) return send(409, { message: `${path} does not match ${input.sha}` });
      const bytes = Buffer.from(input.content, 'base64');
      state.files.set(path, bytes);
      state.commits.push({ path, message: input.message, branch: input.branch ?? branch, created: !current });
      const sha = blobSha(bytes);
      return send(current ? 200 : 201, { content: { name: path.split('/').pop(), path, sha, size: bytes.length }, commit: { sha: blobSha(Buffer.from(input.message)), message: input.message } });
    }
    send(405, { message: 'Method not allowed' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () => new Promise((resolve) => server.close(() => resolve()));
  return state;
}
