import { describe, expect, it } from 'vitest';
import { parsePeriod, type Period } from '../kpi/periods.ts';
import { isoToDay } from '../ingest/values.ts';
import { attainmentStatus, coverageStatus, daysLeft, dealsStatus, elapsedShare, forecastStatus, nextStepStatus, worst } from './status.ts';

const november = parsePeriod('2026-11') as Period;
const day = (iso: string) => isoToDay(iso) as number;

describe('elapsedShare and daysLeft', () => {
  it('count the as-of day as elapsed: 27 November is 27 of 30 days, 3 left', () => {
    expect(elapsedShare(november, day('2026-11-27'))).toBeCloseTo(0.9, 12);
    expect(daysLeft(november, day('2026-11-27'))).toBe(3);
    expect(elapsedShare(november, day('2026-12-02'))).toBe(1);
    expect(daysLeft(november, day('2026-12-02'))).toBe(0);
    expect(elapsedShare(november, day('2026-10-31'))).toBe(0);
    expect(elapsedShare(parsePeriod('2026-Q4') as Period, day('2026-11-15'))).toBeCloseTo(46 / 92, 12);
  });
});

describe('attainment against the pace', () => {
  it('is green at or over the elapsed share, amber from 0.8 of it, red below', () => {
    expect(attainmentStatus(0.9, 0.9)).toEqual({ level: 'good' });
    expect(attainmentStatus(0.72, 0.9).level).toBe('warn'); // 0.8 x 0.9 = 0.72
    expect(attainmentStatus(0.719, 0.9).level).toBe('bad');
    expect(attainmentStatus(1.2, 1)).toEqual({ level: 'good', note: 'done' });
    expect(attainmentStatus(0.85, 1).level).toBe('warn');
    expect(attainmentStatus(null, 0.5)).toEqual({ level: 'neutral', note: 'noQuota' });
  });
});

describe('forecast against the quota', () => {
  it('is green when expected reaches it, amber when only the high end does, red otherwise', () => {
    expect(forecastStatus({ expected: 100, high: 120 }, 100).level).toBe('good');
    expect(forecastStatus({ expected: 90, high: 100 }, 100).level).toBe('warn');
    expect(forecastStatus({ expected: 90, high: 99 }, 100).level).toBe('bad');
    expect(forecastStatus({ expected: 90, high: 99 }, 0)).toEqual({ level: 'neutral', note: 'noQuota' });
  });
});

describe('coverage against the threshold', () => {
  it('is green from the threshold or when nothing is left, amber from half of it, red below', () => {
    expect(coverageStatus({ coverage: 3, gap: 10, quota: 20 }, 3).level).toBe('good');
    expect(coverageStatus({ coverage: 1.5, gap: 10, quota: 20 }, 3).level).toBe('warn');
    expect(coverageStatus({ coverage: 1.49, gap: 10, quota: 20 }, 3).level).toBe('bad');
    expect(coverageStatus({ coverage: null, gap: 0, quota: 20 }, 3)).toEqual({ level: 'good', note: 'done' });
    expect(coverageStatus({ coverage: null, gap: 0, quota: 0 }, 3)).toEqual({ level: 'neutral', note: 'noQuota' });
  });
});

describe('next-step rate against the team', () => {
  it('is green within 5 points, amber within 15, red further; neutral on too few meetings', () => {
    expect(nextStepStatus(0.6, 0.64, false).level).toBe('good');
    expect(nextStepStatus(0.5, 0.64, false).level).toBe('warn');
    expect(nextStepStatus(0.04, 0.64, false).level).toBe('bad');
    expect(nextStepStatus(0.04, 0.64, true)).toEqual({ level: 'neutral', note: 'tooFew' });
    expect(nextStepStatus(0.5, null, false)).toEqual({ level: 'neutral', note: 'noTeam' });
  });
});

describe('overdue and stale deals', () => {
  it('are green at none, amber up to a tenth of the open deals, red above', () => {
    expect(dealsStatus(0, 40).level).toBe('good');
    expect(dealsStatus(4, 40).level).toBe('warn');
    expect(dealsStatus(5, 40).level).toBe('bad');
    expect(dealsStatus(1, 0).level).toBe('bad');
  });

  it('worst takes red over amber over green, and neutral only when all are', () => {
    expect(worst([{ level: 'good' }, { level: 'bad' }, { level: 'warn' }]).level).toBe('bad');
    expect(worst([{ level: 'neutral', note: 'tooFew' }, { level: 'good' }]).level).toBe('good');
    expect(worst([{ level: 'neutral', note: 'tooFew' }])).toEqual({ level: 'neutral', note: 'tooFew' });
  });
});
