/**
 * The static side of the real server, on raw requests (node:http sends the
 * path exactly as written, as curl or a scanner would): the site's
 * _headers and _redirects files are never served, however the path is
 * spelled; no redirect ever leaves the site (a Location is always a path
 * of this host); a path that would climb out of dist/ is a 404.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/node/server.ts';
import { ROOT, tempDir, TOKEN } from './helpers.ts';

const dir = tempDir('upload-static');
let server: RunningServer;
beforeAll(async () => {
  const dist = join(dir, 'dist');
  for (const folder of ['reps/ann', 'kpi/activity', '.hidden']) mkdirSync(join(dist, folder), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<p>home</p>');
  writeFileSync(join(dist, '404.html'), '<p>not here</p>');
  writeFileSync(join(dist, 'reps/ann/index.html'), '<p>ann</p>');
  writeFileSync(join(dist, 'kpi/activity/index.html'), '<p>activity</p>');
  writeFileSync(join(dist, '.hidden/secret.txt'), 'secret');
  writeFileSync(join(dist, '_headers'), '/*\n  X-Test: yes\n');
  writeFileSync(join(dist, '_redirects'), '/kpi /kpi/activity/ 301\n/old/* /reps/:splat 301\n');
  server = await startServer({ root: ROOT, dataDir: join(dir, 'data'), distDir: dist, host: '127.0.0.1', port: 0, env: { KEEPSCORE_UPLOAD_TOKEN: TOKEN }, buildOnStart: false, log: () => {} });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** GET with the path sent byte for byte. */
function get(path: string): Promise<{ status: number; location: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(server.url, { path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static serving', () => {
  it('serves pages, and folders get their slash', async () => {
    expect((await get('/reps/ann/')).body).toBe('<p>ann</p>');
    expect(await get('/reps/ann')).toMatchObject({ status: 301, location: '/reps/ann/' });
  });

  it.each(['/_headers', '/%5Fheaders', '/%5fheaders', '/_redirects', '/%5Fredirects', '//_headers', '/x/../_headers', '/x/..%2F_redirects', '/.hidden/secret.txt', '/%2Ehidden/secret.txt', '/reps/%2e%2e/.hidden/secret.txt'])(
    '%s is a 404', async (path) => {
      const answer = await get(path);
      expect(answer.status).toBe(404);
      expect(answer.body).not.toMatch(/X-Test|secret|\/reps/);
    },
  );

  it.each(['/.//evil.example/..%2Freps', '//evil.example/..%2Freps', '/.//evil.example/%2E%2E/reps', '/%2F%2Fevil.example/..%2Freps', '/\\evil.example/..%2Freps', '/old//evil.example/'])(
    '%s never redirects off the site', async (path) => {
      const answer = await get(path);
      if (answer.location !== undefined) {
        expect(answer.location).toMatch(/^\/[^/\\]/);
        expect(new URL(answer.location, 'http://site.example/').host).toBe('site.example');
      }
      expect(answer.status).not.toBe(500);
    },
  );

  it('climbing out of the site is a 404, a broken escape too', async () => {
    for (const path of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2F..%2Fetc%2Fpasswd', '/%E0%A4%A', '/a%00b']) expect((await get(path)).status, path).toBe(404);
  });

  it('applies _redirects to the decoded path, once', async () => {
    expect(await get('/kpi')).toMatchObject({ status: 301, location: '/kpi/activity/' });
    expect(await get('/%6Bpi')).toMatchObject({ status: 301, location: '/kpi/activity/' });
  });
});
