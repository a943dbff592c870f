import { describe, expect, it } from 'vitest';
import { parseRedirectsFile, redirectFor } from './redirectsFile.ts';

describe('_redirects', () => {
  const rules = parseRedirectsFile(`# comment
/kpi   /kpi/activity/  301
/old/* /new/:splat     308
/people/:name/ /reps/:name/
/teams/ /#teams 302
/kpi   /elsewhere/     301
/broken
/rewrite /index.html 200
https://example.org/* /x 301
/a /b 302 extra
`);

  it('keeps the rules it can follow, in order', () => {
    expect(rules.map((r) => [r.to, r.status])).toEqual([
      ['/kpi/activity/', 301],
      ['/new/:splat', 308],
      ['/reps/:name/', 302],
      ['/#teams', 302],
      ['/elsewhere/', 301],
    ]);
  });

  it('redirects with the first matching rule, filling splats and placeholders', () => {
    expect(redirectFor(rules, '/kpi')).toEqual({ location: '/kpi/activity/', status: 301 });
    expect(redirectFor(rules, '/old/a/b.html')).toEqual({ location: '/new/a/b.html', status: 308 });
    expect(redirectFor(rules, '/people/ann/')).toEqual({ location: '/reps/ann/', status: 302 });
    expect(redirectFor(rules, '/people/ann/x/')).toBeNull();
    expect(redirectFor(rules, '/kpi/')).toBeNull();
  });

  it('keeps the query, before a fragment', () => {
    expect(redirectFor(rules, '/kpi', '?period=2026-10')?.location).toBe('/kpi/activity/?period=2026-10');
    expect(redirectFor(rules, '/teams/', '?a=1')?.location).toBe('/?a=1#teams');
  });
});
