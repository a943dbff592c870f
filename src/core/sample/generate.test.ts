import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { csvLine } from './sampleCsv.ts';
import {
  BENCH_DEFAULTS, checkSampleOptions, generateConfig, generateRows, SAMPLE_DEFAULTS, SAMPLE_FILES, SAMPLE_HEADERS,
  type SampleFile, type SampleOptions,
} from './generate.ts';

const AS_OF = '2026-11-27';
const OPTIONS: SampleOptions = { ...SAMPLE_DEFAULTS, asOf: AS_OF };

type Row = Record<string, string>;

/** All rows of a run, by file, as header-keyed objects. */
function collect(opts: SampleOptions): Record<SampleFile, Row[]> {
  const byFile = Object.fromEntries(SAMPLE_FILES.map((f) => [f, [] as Row[]])) as Record<SampleFile, Row[]>;
  for (const { file, row } of generateRows(opts)) {
    const header = SAMPLE_HEADERS[file];
    expect(row).toHaveLength(header.length);
    byFile[file].push(Object.fromEntries(header.map((h, i) => [h, row[i]])));
  }
  return byFile;
}

const data = collect(OPTIONS);
const { 'deals.csv': deals, 'activities.csv': activities, 'stage_history.csv': history } = data;
const config = generateConfig(OPTIONS);
const isClosed = (d: Row) => d.stage === config.wonStage || d.stage === config.lostStage;
const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

describe('generateRows', () => {
  it('is deterministic: same options give the same rows, another seed other rows', () => {
    const text = (opts: SampleOptions) => Array.from(generateRows(opts), (r) => r.file + csvLine(r.row)).join('');
    const small: SampleOptions = { ...OPTIONS, deals: 300, activities: 4_000 };
    expect(text(small)).toBe(text(small));
    expect(text({ ...small, seed: 7 })).not.toBe(text(small));
  });

  it('meets the requested counts', () => {
    expect(deals).toHaveLength(3_000);
    expect(Math.abs(activities.length - 50_000)).toBeLessThan(100);
    expect(new Set(deals.map((d) => d.owner)).size).toBe(8);
    expect(Object.keys(config.teams)).toHaveLength(8);
    expect(new Set(Object.values(config.teams))).toEqual(new Set(['Enterprise', 'Mid-Market']));
    const periods = data['quotas.csv'].map((q) => q.period);
    expect(periods.some((p) => /^\d{4}-\d{2}$/.test(p))).toBe(true);
    expect(periods.some((p) => /^\d{4}-Q[1-4]$/.test(p))).toBe(true);
  });

  it('dates nothing after as-of except open deals\' expected close dates', () => {
    const happened = [
      ...activities.map((a) => a.date), ...deals.map((d) => d.created),
      ...deals.filter(isClosed).map((d) => d.close_date), ...history.map((h) => h.entered),
      ...data['customers.csv'].map((c) => c.churned),
    ];
    expect(happened.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && d <= AS_OF)).toBe(true);
    expect(happened.filter((d) => d === AS_OF).length).toBeGreaterThan(0);
    expect(happened.every((d) => d >= '2025-06-01')).toBe(true); // 18 months ending in November 2026
    const open = deals.filter((d) => !isClosed(d));
    expect(open.some((d) => d.close_date > AS_OF)).toBe(true);
    expect(open.some((d) => d.close_date < AS_OF)).toBe(true); // overdue
  });

  it('uses unique ids and consistent references', () => {
    expect(new Set(deals.map((d) => d.id)).size).toBe(deals.length);
    expect(new Set(activities.map((a) => a.id)).size).toBe(activities.length);
    expect(deals[0].id).toBe('D-00001');
    expect(activities[0].id).toBe('A-000001');
    const dealIds = new Set(deals.map((d) => d.id));
    expect(history.every((h) => dealIds.has(h.deal))).toBe(true);
    expect(activities.every((a) => /^L-\d{6}$/.test(a.lead) && (a.deal === '' || dealIds.has(a.deal)))).toBe(true);
    expect(activities.every((a) => ['call', 'email', 'meeting', 'event', 'social', 'other'].includes(a.type))).toBe(true);
    expect(deals.every((d) => /^\d+(\.\d{2})?$/.test(d.amount) && d.created <= d.close_date)).toBe(true);
    const leads = new Set(activities.map((a) => a.lead));
    expect(deals.every((d) => leads.has(d.lead))).toBe(true);
  });

  it('keeps stage history in order, ending in the final stage, with some backward moves', () => {
    const stages = [...config.stages.map((s) => s.name), config.wonStage];
    const byDeal = new Map<string, Row[]>();
    for (const h of history) byDeal.set(h.deal, [...(byDeal.get(h.deal) ?? []), h]);
    let backward = 0;
    for (const deal of deals) {
      const rows = byDeal.get(deal.id) ?? [];
      expect(rows[0].stage).toBe('Qualify');
      expect(rows.at(-1)?.stage).toBe(deal.stage);
      for (let i = 1; i < rows.length; i++) {
        expect(rows[i].entered >= rows[i - 1].entered).toBe(true);
        if (stages.indexOf(rows[i].stage) >= 0 && stages.indexOf(rows[i].stage) < stages.indexOf(rows[i - 1].stage)) backward++;
      }
    }
    expect(backward).toBeGreaterThan(10);
    const lost = deals.filter((d) => d.stage === config.lostStage);
    const blank = ratio(lost.filter((d) => d.lost_at_stage === '').length, lost.length);
    expect(blank).toBeGreaterThan(0.1);
    expect(blank).toBeLessThan(0.2);
  });

  it('churns 5-10 % of won accounts and quotes awkward names', () => {
    const won = new Set(deals.filter((d) => d.stage === config.wonStage && d.account).map((d) => d.account));
    const churned = data['customers.csv'];
    expect(churned.every((c) => won.has(c.account))).toBe(true);
    expect(ratio(churned.length, won.size)).toBeGreaterThan(0.05);
    expect(ratio(churned.length, won.size)).toBeLessThan(0.1);
    const awkward = deals.find((d) => d.account.includes(',') && d.account.includes('"'))
      ?? deals.find((d) => d.account.includes('"'));
    expect(awkward).toBeDefined();
    const text = csvLine(SAMPLE_HEADERS['deals.csv']) + csvLine(Object.values(awkward as Row));
    expect(Papa.parse<Row>(text, { header: true, skipEmptyLines: true }).data[0]).toEqual(awkward);
  });
});

describe('personas', () => {
  const reps = Object.keys(config.teams);
  const others = (name: string) => reps.filter((r) => r !== name);

  it('Alex Rivera books the most first meetings but rarely agrees a next step', () => {
    const firstMeeting = new Map<string, Row>();
    for (const a of activities) {
      const seen = firstMeeting.get(a.lead);
      if (a.type === 'meeting' && (!seen || a.date < seen.date || (a.date === seen.date && a.id < seen.id))) {
        firstMeeting.set(a.lead, a);
      }
    }
    const stats = (rep: string) => {
      const mine = [...firstMeeting.values()].filter((a) => a.owner === rep);
      return { count: mine.length, rate: ratio(mine.filter((a) => a.next_step !== '').length, mine.length) };
    };
    const alex = stats('Alex Rivera');
    for (const rep of others('Alex Rivera')) {
      expect(stats(rep).count).toBeLessThan(alex.count);
      expect(stats(rep).rate).toBeGreaterThan(alex.rate * 2.5);
    }
  });

  it('Priya Patel loses her deals at Proposal', () => {
    const entered = new Map<string, Set<string>>();
    for (const h of history) entered.set(h.deal, (entered.get(h.deal) ?? new Set()).add(h.stage));
    const proposalRate = (rep: string) => {
      const mine = deals.filter((d) => d.owner === rep && entered.get(d.id)?.has('Proposal') && isClosed(d));
      return ratio(mine.filter((d) => entered.get(d.id)?.has('Negotiation')).length, mine.length);
    };
    for (const rep of others('Priya Patel')) expect(proposalRate(rep)).toBeGreaterThan(proposalRate('Priya Patel') + 0.25);
  });

  it('Mid-Market is behind quota with a thin open pipeline; Maria Chen is the star', () => {
    const quota = new Map<string, number>();
    for (const q of data['quotas.csv']) {
      const team = config.teams[q.owner];
      if (q.period <= AS_OF.slice(0, 7) || q.period.includes('Q')) quota.set(team, (quota.get(team) ?? 0) + Number(q.amount));
    }
    const won = (team: string) => deals
      .filter((d) => d.stage === config.wonStage && config.teams[d.owner] === team)
      .reduce((sum, d) => sum + Number(d.amount), 0);
    const openCount = (team: string) => deals.filter((d) => !isClosed(d) && config.teams[d.owner] === team).length;
    expect(ratio(won('Mid-Market'), quota.get('Mid-Market') ?? 0)).toBeLessThan(0.7);
    expect(ratio(won('Enterprise'), quota.get('Enterprise') ?? 0)).toBeGreaterThan(0.85);
    expect(openCount('Mid-Market') * 2).toBeLessThan(openCount('Enterprise'));
    const winRate = (rep: string) => {
      const closed = deals.filter((d) => d.owner === rep && isClosed(d));
      return ratio(closed.filter((d) => d.stage === config.wonStage).length, closed.length);
    };
    for (const rep of others('Maria Chen')) expect(winRate('Maria Chen')).toBeGreaterThan(winRate(rep) + 0.08);
  });
});

describe('options and config', () => {
  it('rejects bad options with readable problems, before yielding', () => {
    expect(checkSampleOptions(OPTIONS)).toEqual([]);
    expect(checkSampleOptions({ ...OPTIONS, asOf: '2026-02-30' })[0]).toMatch(/as-of "2026-02-30"/);
    expect(checkSampleOptions({ ...OPTIONS, reps: 2, teams: 3 })).toHaveLength(1);
    expect(checkSampleOptions({ ...OPTIONS, deals: 1.5 })[0]).toMatch(/deals must be a whole number/);
    expect(() => generateRows({ ...OPTIONS, months: 0 }).next()).toThrow(RangeError);
  });

  it('writes exactly the config keys of KPI-SPEC, four stages with questions', () => {
    expect(Object.keys(config).sort()).toEqual(
      ['coverageThreshold', 'currency', 'locale', 'lostStage', 'stages', 'teams', 'window', 'wonStage'],
    );
    expect(config.stages.map((s) => [s.name, s.probability])).toEqual(
      [['Qualify', 0.1], ['Discovery', 0.25], ['Proposal', 0.5], ['Negotiation', 0.75]],
    );
    expect(config.stages.every((s) => s.definition && s.questions.length >= 2)).toBe(true);
  });

  it('scales to many reps and teams, every team staffed', () => {
    const opts = { ...BENCH_DEFAULTS, asOf: AS_OF, deals: 2_000, activities: 20_000 };
    const teams = generateConfig(opts).teams;
    expect(Object.keys(teams)).toHaveLength(60);
    expect(new Set(Object.values(teams)).size).toBe(6);
    const rows = collect(opts);
    expect(rows['deals.csv']).toHaveLength(2_000);
    expect(new Set(rows['deals.csv'].map((d) => d.owner)).size).toBe(60);
  });
});
