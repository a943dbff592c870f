/**
 * What the real `astro build` of the tiny fixture says about who may read
 * the site: with no access mode (and deals listed, the default) a framed
 * warning in the build output and a warning on /data/, a logout link on
 * every page; with `public` (and deals hidden, as a team publishes one), a
 * plain line in the summary and on /data/, and no logout link.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { fixtureSite, openSite, type SharedSite } from '../siteBuilds.ts';

/** A shared build's output and two pages. */
function pages({ code, output, dir }: SharedSite) {
  expect(code, output).toBe(0);
  return { output, home: readFileSync(join(dir, 'index.html'), 'utf8'), data: readFileSync(join(dir, 'data/index.html'), 'utf8') };
}

it('warns loudly when the deployment set no access mode, in the build output and on /data/', { timeout: 170_000 }, async () => {
  const { output, home, data } = pages(await fixtureSite('tiny', { KEEPSCORE_ACCESS: undefined }));
  expect(output).toMatch(/^!{72}\n!! Warning: no access mode was set for this build \(KEEPSCORE_ACCESS\),\n!! and the site lists deals\./m);
  expect(data).toMatch(/<section class="access-notice warn"[^>]*data-access="unset"><h2 id="access">Who may read this site<\/h2><p role="alert">Warning: no access mode was set/);
  expect(home).toContain('<li class="logout"><a href="/logout/">Log out</a></li>');
});

it('says a public site is public, in the build summary and on /data/, and offers no logout', { timeout: 170_000 }, async () => {
  // A public site as a team publishes one: deals hidden (the run's shared build of it).
  const { output, home, data } = pages(await openSite());
  expect(output).toMatch(/\[keepscore:access\] Access: Public: Keepscore does not guard this site \(KEEPSCORE_ACCESS=public\)/);
  expect(output).not.toContain('!!!!');
  expect(data).toMatch(/<section class="access-notice note"[^>]*data-access="public">/);
  expect(home).not.toContain('/logout/');
});
