/**
 * Properties of the KPI report over random small data sets (fast-check):
 * rates within [0,1], reps adding up to their teams, a rep's numbers
 * independent of other reps' rows (but for the forecast, which learns from
 * everyone's) and of row order, and ingestion that never rejects, whatever
 * the bytes.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { readDataset } from '../ingest/dataset.ts';
import { textSource } from '../ingest/textSource.ts';
import type { KpiReport, Kpis } from '../schema/kpiReport.ts';
import { kpiReport } from './report.ts';

const REPS = ['ann', 'bob', 'cid', 'dee'];
const STAGES = ['Qualify', 'Discovery', 'Proposal', 'Negotiation', 'Closed Won', 'Closed Lost'];
const TYPES = ['call', 'email', 'meeting', 'event', 'social', 'other'];
const CHANNELS = ['call', 'email', 'event', 'social'] as const;
const RUNS = { numRuns: 100 };

/** Day n of the range 2026-08-01 .. 2026-10-31. */
const day = fc.integer({ min: 0, max: 91 });
const iso = (n: number) => new Date(Date.UTC(2026, 7, 1 + n)).toISOString().slice(0, 10);

const modelArb = fc.record({
  nReps: fc.integer({ min: 1, max: 4 }),
  teamOf: fc.array(fc.constantFrom('T1', 'T2'), { minLength: 4, maxLength: 4 }),
  deals: fc.array(fc.record({
    owner: fc.nat(3), stage: fc.constantFrom(...STAGES), quarters: fc.integer({ min: 0, max: 40000 }),
    created: day, close: day, lostAt: fc.constantFrom('', ...STAGES.slice(0, 4)), account: fc.constantFrom('', 'Acme', 'Beta', 'Gamma'),
  }), { maxLength: 10 }),
  history: fc.array(fc.record({ deal: fc.nat(9), stage: fc.constantFrom(...STAGES), entered: day }), { maxLength: 12 }),
  activities: fc.uniqueArray(fc.record({
    id: fc.nat(20000), owner: fc.nat(3), type: fc.constantFrom(...TYPES), lead: fc.nat(5),
    source: fc.constantFrom('', 'web', 'referral'), next: fc.constantFrom('', 'demo'), date: day,
  }), { maxLength: 15, selector: (a) => a.id }),
  quotas: fc.array(fc.record({
    owner: fc.nat(3), period: fc.constantFrom('2026-08', '2026-09', '2026-10', '2026-Q3', '2026-Q4'), amount: fc.integer({ min: 0, max: 20000 }),
  }), { maxLength: 6 }),
  customers: fc.option(fc.array(fc.record({ account: fc.constantFrom('Acme', 'Beta', 'Gamma'), churned: day }), { maxLength: 4 }), { nil: null }),
  period: fc.constantFrom('2026-08', '2026-09', '2026-10', '2026-Q3', '2026-Q4', '2026', '2026-W36', '2026-W40'),
  asOf: day,
  seed: fc.integer(),
});
type Model = typeof modelArb extends fc.Arbitrary<infer M> ? M : never;

/** A CSV file as rows that remember whose they are. */
interface Row { text: string; owner?: string; deal?: string }
interface Tables { config: string; files: Record<string, { header: string; rows: Row[] }> }

/** Builds the files; with sharedLeads false every lead is touched by one rep only. */
function tables(m: Model, sharedLeads: boolean): Tables {
  const rep = (i: number) => REPS[i % m.nReps];
  const teams = Object.fromEntries(REPS.slice(0, m.nReps).map((r, i) => [r, m.teamOf[i]]));
  const dealIds = m.deals.map((_, i) => `D${i + 1}`);
  const files: Tables['files'] = {
    'deals.csv': {
      header: 'id,account,owner,stage,amount,created,close_date,lost_at_stage',
      rows: m.deals.map((d, i) => ({
        owner: rep(d.owner),
        text: [dealIds[i], d.account, rep(d.owner), d.stage, d.quarters / 4, iso(d.created), iso(d.close), d.stage === 'Closed Lost' ? d.lostAt : ''].join(','),
      })),
    },
    'stage_history.csv': {
      header: 'deal,stage,entered',
      rows: dealIds.length === 0 ? [] : m.history.map((h) => {
        const deal = dealIds[h.deal % dealIds.length];
        return { deal, owner: rep(m.deals[h.deal % dealIds.length].owner), text: `${deal},${h.stage},${iso(h.entered)}` };
      }),
    },
    'activities.csv': {
      header: 'id,date,owner,type,lead,source,next_step',
      rows: m.activities.map((a) => {
        const lead = sharedLeads ? `L${a.lead}` : `${rep(a.owner)}-L${a.lead}`;
        return { owner: rep(a.owner), text: [`A-${a.id}`, iso(a.date), rep(a.owner), a.type, lead, a.source, a.type === 'meeting' ? a.next : ''].join(',') };
      }),
    },
    'quotas.csv': { header: 'owner,period,amount', rows: m.quotas.map((q) => ({ owner: rep(q.owner), text: `${rep(q.owner)},${q.period},${q.amount}` })) },
  };
  if (m.customers) files['customers.csv'] = { header: 'account,churned', rows: m.customers.map((c) => ({ text: `${c.account},${iso(c.churned)}` })) };
  return { config: JSON.stringify({ teams }), files };
}

async function run(t: Tables, m: Model): Promise<KpiReport> {
  const texts: Record<string, string> = { 'keepscore.config.json': t.config };
  for (const [name, f] of Object.entries(t.files)) texts[name] = [f.header, ...f.rows.map((r) => r.text)].join('\n') + '\n';
  const { dataset, problems } = await readDataset(textSource(texts));
  expect(problems.kept).toEqual([]);
  return kpiReport(dataset, m.period, iso(m.asOf));
}

/** Keeps one rep's rows (customers have no owner and stay). */
function only(t: Tables, rep: string): Tables {
  const files = Object.fromEntries(Object.entries(t.files).map(([n, f]) => [n, { ...f, rows: f.rows.filter((r) => r.owner === undefined || r.owner === rep) }]));
  return { ...t, files };
}

/** Shuffles every file; stage_history keeps each deal's rows in their order (same-day rows follow file order). */
function shuffled(t: Tables, seed: number): Tables {
  let s = seed >>> 0;
  const rnd = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const shuffle = <T,>(xs: T[]) => {
    const a = [...xs];
    for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [a[i], a[j]] = [a[j], a[i]]; }
    return a;
  };
  const files = Object.fromEntries(Object.entries(t.files).map(([n, f]) => {
    let rows = shuffle(f.rows);
    if (n === 'stage_history.csv') {
      const queue = new Map<string, Row[]>();
      for (const r of f.rows) queue.set(r.deal!, [...(queue.get(r.deal!) ?? []), r]);
      rows = rows.map((r) => queue.get(r.deal!)!.shift()!);
    }
    return [n, { ...f, rows }];
  }));
  return { ...t, files };
}

/** Paths where two JSON values differ (numbers within 1e-9 relative). */
function differences(a: unknown, b: unknown, path = ''): string[] {
  if (typeof a === 'number' && typeof b === 'number') {
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)) ? [] : [`${path}: ${a} vs ${b}`];
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) => differences((a as never)[k], (b as never)[k], `${path}.${k}`));
  }
  return Object.is(a, b) ? [] : [`${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`];
}

const RATE_KEYS = new Set(['nextStepRate', 'rate', 'overall', 'valueRate', 'churnRate']);
/** Every rate anywhere is null or in [0,1]; every number is finite. */
function badNumbers(x: unknown, path = ''): string[] {
  if (typeof x === 'number') return Number.isFinite(x) ? [] : [`${path}: ${x}`];
  if (!x || typeof x !== 'object') return [];
  return Object.entries(x).flatMap(([k, v]) => {
    const bad = RATE_KEYS.has(k) && v !== null && !(typeof v === 'number' && v >= 0 && v <= 1) ? [`${path}.${k}: ${v}`] : [];
    return [...bad, ...badNumbers(v, `${path}.${k}`)];
  });
}

/** A scope's KPIs without outlook.forecast. */
function withoutForecast(k: Kpis) {
  const { forecast: _forecast, ...outlook } = k.outlook;
  return { ...k, outlook };
}

/** The additive numbers of one scope, by name. */
function additive(k: Kpis, perRepLeads: boolean): Record<string, number> {
  const out: Record<string, number> = {
    outreach: k.activity.outreach, firstMeetings: k.activity.firstMeetings, withNext: k.activity.firstMeetingsWithNextStep,
    won: k.winRate.won, lost: k.winRate.lost, wonAmount: k.winRate.wonAmount, lostAmount: k.winRate.lostAmount,
    quota: k.pipeline.quota, closedWon: k.pipeline.closedWon, openCount: k.pipeline.open.count, openAmount: k.pipeline.open.amount,
    openWeighted: k.pipeline.open.weighted, overdueCount: k.pipeline.overdue.count, overdueAmount: k.pipeline.overdue.amount,
    totalSales: k.lagging.totalSales,
    wonDeals: k.outlook.cycle.wonDeals, opportunities: k.outlook.velocity.opportunities,
    staleCount: k.outlook.stale.count, staleAmount: k.outlook.stale.amount,
    forecastDeals: k.outlook.forecast.deals, forecastExpected: k.outlook.forecast.expected,
  };
  for (const c of CHANNELS) {
    out[`touches.${c}`] = k.activity.byChannel[c].touches;
    if (perRepLeads) { out[`leads.${c}`] = k.activity.byChannel[c].leads; out[`met.${c}`] = k.activity.byChannel[c].met; }
  }
  for (const [s, v] of Object.entries(k.activity.bySource)) { out[`source.${s}.leads`] = v.leads; out[`source.${s}.met`] = v.met; }
  k.stages.transitions.forEach((t, i) => { out[`reached.${i}`] = t.reached; out[`advanced.${i}`] = t.advanced; });
  for (const [s, n] of Object.entries(k.stages.forward)) out[`forward.${s}`] = n;
  for (const [s, n] of Object.entries(k.stages.backward)) out[`backward.${s}`] = n;
  for (const [s, v] of Object.entries(k.pipeline.openByStage)) { out[`stage.${s}.count`] = v.count; out[`stage.${s}.amount`] = v.amount; }
  return out;
}

/** Adds the additive numbers of some scopes; missing keys count as 0 (zero entries may be omitted). */
function sum(scopes: Kpis[], perRepLeads: boolean): Record<string, number> {
  const total: Record<string, number> = {};
  for (const k of scopes) for (const [key, v] of Object.entries(additive(k, perRepLeads))) total[key] = (total[key] ?? 0) + v;
  return total;
}
function expectSameSums(parts: Record<string, number>, whole: Record<string, number>) {
  const keys = new Set([...Object.keys(parts), ...Object.keys(whole)]);
  const bad = [...keys].filter((key) => Math.abs((parts[key] ?? 0) - (whole[key] ?? 0)) > 1e-6);
  expect(bad.map((key) => `${key}: reps ${parts[key] ?? 0} vs scope ${whole[key] ?? 0}`)).toEqual([]);
}

describe('properties of random data sets', () => {
  test('(1) every rate is null or within [0,1], every number finite', async () => {
    await fc.assert(fc.asyncProperty(modelArb, fc.boolean(), async (m, shared) => {
      const r = await run(tables(m, shared), m);
      expect(badNumbers(r)).toEqual([]);
    }), RUNS);
  });

  test('(2) reps add up to the team and to each team of the config', async () => {
    await fc.assert(fc.asyncProperty(modelArb, fc.boolean(), async (m, shared) => {
      const r = await run(tables(m, shared), m);
      const perRep = !shared;
      expectSameSums(sum(Object.values(r.reps), perRep), sum([r.team], perRep));
      for (const [team, k] of Object.entries(r.teams)) {
        const members = Object.keys(r.reps).filter((rep) => REPS.indexOf(rep) >= 0 && m.teamOf[REPS.indexOf(rep)] === team);
        expectSameSums(sum(members.map((rep) => r.reps[rep]), perRep), sum([k], perRep));
      }
    }), RUNS);
  });

  test('(3a) a rep\'s KPIs do not change when the other reps\' rows are removed (each lead has one rep)', async () => {
    await fc.assert(fc.asyncProperty(modelArb, async (m) => {
      const t = tables(m, false);
      const full = await run(t, m);
      for (const rep of Object.keys(full.reps)) {
        const alone = await run(only(t, rep), m);
        // Except the forecast: its probabilities are learned from every rep's deals (KPI-SPEC §7).
        expect(differences(withoutForecast(alone.reps[rep]), withoutForecast(full.reps[rep]))).toEqual([]);
      }
    }), { numRuns: 60 });
  });

  test('(3b) the report does not change when the rows of every file are shuffled', async () => {
    await fc.assert(fc.asyncProperty(modelArb, fc.boolean(), async (m, shared) => {
      const t = tables(m, shared);
      const a = await run(t, m);
      const b = await run(shuffled(t, m.seed), m);
      expect(differences(b, a)).toEqual([]);
    }), RUNS);
  });
});

describe('(4) ingestion never rejects on arbitrary input', () => {
  const utf8 = fc.uint8Array({ maxLength: 300 }).map((b) => new TextDecoder().decode(b));
  const csvish = fc.array(fc.constantFrom(
    ',', ';', '\t', '"', '""', '\n', '\r\n', '\r', ' ', '\uFEFF', 'id', 'owner', 'stage', 'amount', 'created', 'close_date',
    'date', 'type', 'lead', 'Closed Won', 'Qualify', 'call', 'meeting', '2026-10-01', '31.10.2026', '2026-02-30', '-5', '1e999', '1,234.5', 'ann',
  ), { maxLength: 60 }).map((parts) => parts.join(''));
  const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), utf8, csvish);
  const headed = (header: string) => text.map((body) => `${header}\n${body}`);
  const config = fc.oneof(text, fc.json(), fc.constantFrom('null', '[]', '{"stages": []}', '{"stages": null}', '{"window": 0}',
    '{"teams": {"ann": ""}}', '{"__proto__": {"window": 2}}', '{"stages": [{"name": "Closed Won"}]}', '{"coverageThreshold": -1}'));

  test('garbage deals.csv, activities.csv and config', async () => {
    await fc.assert(fc.asyncProperty(
      fc.oneof(text, headed('id,owner,stage,amount,created,close_date')),
      fc.option(fc.oneof(text, headed('id,date,owner,type,lead')), { nil: undefined }),
      fc.option(config, { nil: undefined }),
      async (deals, activities, cfg) => {
        const files: Record<string, string> = { 'deals.csv': deals };
        if (activities !== undefined) files['activities.csv'] = activities;
        if (cfg !== undefined) files['keepscore.config.json'] = cfg;
        const result = await readDataset(textSource(files));
        expect(result.problems.total).toBeGreaterThanOrEqual(0);
        for (const p of result.problems.kept) expect(typeof p.rule).toBe('string');
        // whatever survived validation must also report without throwing
        const r = kpiReport(result.dataset, '2026-10');
        expect(badNumbers(r)).toEqual([]);
      },
    ), { numRuns: 300 });
  });

  test('garbage in the optional files', async () => {
    await fc.assert(fc.asyncProperty(text, text, text, async (history, quotas, customers) => {
      const result = await readDataset(textSource({
        'deals.csv': 'id,owner,stage,amount,created,close_date\nD1,ann,Qualify,10,2026-10-01,2026-11-01\n',
        'stage_history.csv': `deal,stage,entered\n${history}`, 'quotas.csv': `owner,period,amount\n${quotas}`, 'customers.csv': customers,
      }));
      expect(badNumbers(kpiReport(result.dataset, '2026-10'))).toEqual([]);
    }), RUNS);
  });
});
