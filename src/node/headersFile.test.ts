import { describe, expect, it } from 'vitest';
import { headersFor, parseHeadersFile } from './headersFile.ts';

describe('_headers', () => {
  const rules = parseHeadersFile(`# site-wide
/*
  X-Frame-Options: SAMEORIGIN
  Link: </site.css>; rel=preload
https://example.org/*
  X-Robots-Tag: noindex
/reps/:slug/
  ! X-Frame-Options
  Link: </rep.css>
/api/*
  Cache-Control: no-store
`);

  it('applies every matching rule: a rule replaces the base, joins another rule, and detaches', () => {
    expect(headersFor(rules, '/', { 'X-Frame-Options': 'DENY', 'X-Content-Type-Options': 'nosniff' })).toEqual({
      'X-Frame-Options': 'SAMEORIGIN',
      'X-Content-Type-Options': 'nosniff',
      Link: '</site.css>; rel=preload',
    });
    expect(headersFor(rules, '/reps/ann/')).toEqual({ Link: '</site.css>; rel=preload, </rep.css>' });
    expect(headersFor(rules, '/reps/ann/x/')).toHaveProperty('X-Frame-Options');
    expect(headersFor(rules, '/api/kpis/2026-10.json')['Cache-Control']).toBe('no-store');
  });

  it('ignores rules for another host', () => {
    expect(headersFor(rules, '/x')).not.toHaveProperty('X-Robots-Tag');
  });
});
