import { describe, expect, it } from 'vitest';
import { parsePeriod, type Period } from '../core/kpi/periods.ts';
import { siteUrls } from './urls.ts';

const november = parsePeriod('2026-11') as Period;
const q4 = parsePeriod('2026-Q4') as Period;
const team = { kind: 'team', slug: null } as const;
const maria = { kind: 'rep', slug: 'maria-chen' } as const;
const enterprise = { kind: 'group', slug: 'enterprise' } as const;

describe('siteUrls', () => {
  const urls = siteUrls('/');

  it('gives the bookmarked pages (current period) and every period its own copy under /p/<period>/', () => {
    expect(urls.page('scope', team, null)).toBe('/');
    expect(urls.page('scope', maria, null)).toBe('/reps/maria-chen/');
    expect(urls.page('scope', enterprise, null)).toBe('/teams/enterprise/');
    expect(urls.page('scope', team, november)).toBe('/p/2026-11/');
    expect(urls.page('scope', maria, q4)).toBe('/p/2026-Q4/reps/maria-chen/');
    expect(urls.page('stages', team, null)).toBe('/kpi/stages/');
    expect(urls.page('winRate', maria, november)).toBe('/p/2026-11/kpi/win-rate/');
  });

  it('links the current month to the bookmarked pages', () => {
    const current = siteUrls('/', november);
    expect(current.page('scope', maria, november)).toBe('/reps/maria-chen/');
    expect(current.page('deals', team, november)).toBe('/deals/');
    expect(current.page('scope', maria, q4)).toBe('/p/2026-Q4/reps/maria-chen/');
    expect(current.at(november)).toBe('p/2026-11');
  });

  it('puts a scope’s deal lists under its page', () => {
    expect(urls.page('deals', team, null)).toBe('/deals/');
    expect(urls.page('deals', maria, november)).toBe('/p/2026-11/reps/maria-chen/deals/');
    expect(urls.page('deals', enterprise, q4)).toBe('/p/2026-Q4/teams/enterprise/deals/');
    expect(urls.dealList(maria, november, 'overdue')).toBe('/p/2026-11/reps/maria-chen/deals/#overdue');
    expect(urls.dealList(team, null, 'closingThisWeek')).toBe('/deals/#closing-this-week');
  });

  it('names the route parameter of a period, and the other addresses, under any base', () => {
    expect(urls.at(null)).toBeUndefined();
    expect(urls.at(q4)).toBe('p/2026-Q4');
    const sub = siteUrls('/kpis');
    expect(sub.page('scope', maria, november)).toBe('/kpis/p/2026-11/reps/maria-chen/');
    expect([sub.report('2026-10'), sub.reports, sub.data, sub.upload, sub.logout]).toEqual(['/kpis/reports/2026-10/', '/kpis/reports/', '/kpis/data/', '/kpis/upload/', '/kpis/logout/']);
    expect([sub.csv('reps-headline'), sub.kpiJson('2026-Q4'), sub.asset('site.css')]).toEqual(['/kpis/csv/reps-headline.csv', '/kpis/api/kpis/2026-Q4.json', '/kpis/site.css']);
  });
});
