/**
 * End-to-end: the real `astro build` on the hand-made fixture
 * test/fixtures/tiny, on a copy of it that hides deals (built public), and on a broken copy of it.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildSite, ROOT } from './astroBuild.ts';
import { fixtureSite, openSite } from './siteBuilds.ts';
import { afterAll, describe, expect, it } from 'vitest';

const FIXTURE = join(ROOT, 'test/fixtures/tiny');
// Out folders inside the project: astro then keeps its server chunks there instead of the
// shared .astro/, so this build cannot collide with another test's build running alongside.
mkdirSync(join(ROOT, '.cache'), { recursive: true });
const temp = mkdtempSync(join(ROOT, '.cache', 'build-test-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** `path|scope|period` -> text of every number marked with data-kpi on a page (see src/components/Cell.astro). */
function kpisOn(html: string, into = new Map<string, string>()): Map<string, string> {
  const pattern = /<(\w+)\b[^>]*?\bdata-kpi="([^"]*)" data-scope="([^"]*)" data-period="([^"]*)"[^>]*>([^<]*)<\/\1>/g;
  for (const m of html.matchAll(pattern)) into.set(`${m[2]}|${m[3]}|${m[4]}`, m[5]);
  return into;
}

describe('astro build', () => {
  it('renders the team KPIs of the latest month of the fixture', { timeout: 120_000 }, async () => {
    // The run's shared build of the fixture (test/siteBuilds.ts): only read here.
    const { code, output, dir: outDir } = await fixtureSite('tiny');
    expect(code, output).toBe(0);
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    const pages = ['kpi/activity', 'kpi/stages', 'kpi/win-rate', 'kpi/pipeline'].map((p) => readFileSync(join(outDir, p, 'index.html'), 'utf8'));

    // As-of = the latest date of anything that happened: activity A12 on
    // 2026-10-25 (open deals' close dates don't count), so the month is 2026-10.
    expect(html).toContain('<html lang="en-US">');
    // The title line names the scope, the period and the as-of date, in the page and its HTML title.
    expect(html).toContain('<h1>Whole team · October 2026 · as of Oct 25, 2026 (6 days left)</h1>');
    expect(html).toContain('<title>Whole team · October 2026 · as of Oct 25, 2026 (6 days left) — Keepscore</title>');
    expect(html).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml">');
    // The build prints no warning (it once printed a bundler box about a directive MDX writes).
    expect(output).not.toMatch(/\[WARN\]|MODULE_LEVEL_DIRECTIVE/);
    expect(html).toContain('data exported');
    expect(html).toContain('<time datetime="2026-10-25">October 25, 2026</time>');

    const shown = kpisOn(html);
    for (const page of pages) kpisOn(page, shown);
    const expected: Record<string, string> = {
      // KPI 1. October outreach: A05 call, A06 email, A07 call, A09 social, A10 email = 5.
      // First meetings in October: A08 (L3, next step "Send proposal") and A11 (L4, none);
      // A12 is L1's second meeting (its first was A04 in September).
      'activity.outreach': '5',
      'activity.firstMeetings': '2',
      'activity.outreachPerFirstMeeting': '2.5', // 5 / 2
      'activity.firstMeetingsWithNextStep': '1',
      'activity.nextStepRate': '50.0%', // 1 / 2
      // KPI 2. Cohort = deals created in October: D3 (lost at Discovery), D5 (Proposal),
      // D6 (Qualify), D8 (Discovery). Reached: Qualify 4, Discovery 3, Proposal 1,
      // Negotiation 0, won 0. Lowest rate with reached > 0: Proposal -> Negotiation, 0/1.
      'stages.overall': '0.0%', // 0 won / 4
      'stages.leak': 'Proposal → Negotiation',
      // KPI 3. Closed in October: D1 won 10000, D2 won 20000, D3 lost 5000.
      'winRate.won': '2',
      'winRate.lost': '1',
      'winRate.rate': '66.7%', // 2 / 3
      'winRate.wonAmount': '$30,000',
      // Trailing 12 months (Nov 2025 - Oct 2026) won: D1, D2, D4 = 36000 / 3 = 12000.
      'winRate.avgDealSize': '$12,000',
      // Quota: Ann 50000 for 2026-10 + Bob 60000 / 3 for 2026-Q4 = 70000; ceil(70000 / 12000) = 6.
      'winRate.dealsNeeded': '6',
      // Trailing conversion: 3 won / 5 leads first touched in the window (L1..L5) = 0.6; 6 / 0.6 = 10.
      'winRate.leadsNeeded': '10',
      // KPI 4.
      'pipeline.quota': '$70,000',
      'pipeline.closedWon': '$30,000',
      'pipeline.gap': '$40,000', // 70000 - 30000
      'pipeline.attainment': '42.9%', // 30000 / 70000
      // Open at as-of, closing in October: D5 30000 (Proposal, 0.5) and D8 4000 (Discovery, 0.25);
      // D6 closes in November.
      'pipeline.open.count': '2',
      'pipeline.open.amount': '$34,000',
      'pipeline.open.weighted': '$16,000', // 15000 + 1000
      'pipeline.coverage': '0.85×', // 34000 / 40000, below the threshold 3
      'pipeline.overdue.count': '1', // D7, due 2026-09-30
      'pipeline.overdue.amount': '$12,000',
      'pipeline.focus': 'Build pipeline',
      // Lagging: customers = accounts with a won deal closed by Oct 31: Acme, Beta, Delta.
      'lagging.totalSales': '$30,000',
      'lagging.won': '2',
      'lagging.lost': '1',
      'lagging.customers': '3',
      'lagging.churnRate': '—', // no customers.csv
    };
    for (const [path, value] of Object.entries(expected)) expect(shown.get(`${path}|team|2026-10`), path).toBe(value);

    // The stage steps of the whole team, the leak marked: Qualify -> Discovery 3 of 4, Discovery -> Proposal
    // 1 of 3, Proposal -> Negotiation 0 of 1 (the leak), Negotiation -> won: nobody reached it.
    const steps = ['75.0%', '33.3%', '0.0%', '—'];
    steps.forEach((rate, i) => expect(shown.get(`stages.transitions.${i}.rate|team|2026-10`), `step ${i}`).toBe(rate));
    expect(shown.get('stages.transitions.0.reached|team|2026-10')).toBe('4');
    // In the period's cohort table (the steps' trend table above it holds the same cell, unmarked).
    const cohort = pages[1].indexOf('<caption>Deals created in October 2026');
    expect(cohort).toBeGreaterThan(0);
    const leakAt = pages[1].indexOf('data-kpi="stages.transitions.2.rate" data-scope="team" data-period="2026-10"', cohort);
    const leakCell = pages[1].slice(pages[1].lastIndexOf('<td', leakAt), pages[1].indexOf('>', leakAt));
    expect(leakCell).toMatch(/class="[^"]*\bleak\b/);
    expect(shown.get('stages.leak|team|2026-10')).toBe('Proposal → Negotiation');

    // The deals behind the counts: the home page's overdue count links to the whole team's list, which holds D7.
    expect(html).toContain('<a href="/deals/#overdue" data-kpi="pipeline.overdue.count" data-scope="team" data-period="2026-10">1</a>');
    const deals = readFileSync(join(outDir, 'deals/index.html'), 'utf8');
    const overdue = deals.slice(deals.indexOf('<section class="deal-list" id="overdue"'), deals.indexOf('<section class="deal-list" id="due"'));
    expect(overdue).toMatch(/<tr data-deal="D7" data-amount="12000"><th scope="row">Eta upgrade<\/th><td class="word" data-label="Account">Eta<\/td><td class="word" data-label="Owner">Ann<\/td>/);
    expect(existsSync(join(outDir, 'p/2026-Q4/reps/bob/deals/index.html'))).toBe(true);
  });

  it('builds no deal page, no link to one and no deal or account name anywhere with "deals": "hide"', { timeout: 120_000 }, async () => {
    // The run's shared build of the fixture with "deals": "hide", public (test/siteBuilds.ts): only read here.
    const { code, output, dir: outDir } = await openSite();
    expect(code, output).toBe(0);
    // Every deal's name and account (deals.csv columns 2 and 3: "Eta upgrade", "Eta", ...).
    const rows = readFileSync(join(FIXTURE, 'deals.csv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
    const names = [...new Set(rows.flatMap(([, name, account]) => [name, account]))];
    expect(names).toContain('Eta upgrade');
    const files = readdirSync(outDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
    expect(files.length).toBeGreaterThan(100);
    expect(files.filter((file) => /[\\/]deals[\\/]/.test(relative(outDir, file)))).toEqual([]);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const where = relative(outDir, file);
      expect(text, where).not.toContain('/deals/');
      for (const name of names) expect(text.includes(name), `${where} shows "${name}"`).toBe(false);
    }
  });

  it('stops with a readable list of the problems and exit code 1 on bad data', { timeout: 120_000 }, () => {
    const broken = join(temp, 'broken');
    cpSync(FIXTURE, broken, { recursive: true });
    const deals = readFileSync(join(broken, 'deals.csv'), 'utf8')
      .replace('D3,Gamma pilot,Gamma,Ann,referral,Closed Lost,5000,', 'D3,Gamma pilot,Gamma,Ann,referral,Closed Lost,5k,')
      .replace('D6,Zeta trial,Zeta,Bob,web,Qualify,', 'D6,Zeta trial,Zeta,Bob,web,Qualifyy,');
    writeFileSync(join(broken, 'deals.csv'), deals);
    const outDir = join(temp, 'dist-broken');

    const { code, output } = buildSite(broken, outDir);

    expect(code, output).toBe(1);
    // file:line, column, value and rule; the header is line 1, so D3 is line 4 and D6 line 7.
    expect(output).toContain('deals.csv:4 amount "5k": not a non-negative amount');
    expect(output).toContain('deals.csv:7 stage "Qualifyy": unknown stage; expected one of: Qualify, Discovery');
    // D6's meeting (activities.csv line 12) follows from its rejected row: folded under deals.csv, not a problem of its own.
    expect(output).toContain('2 problems found in the data:');
    expect(output).toContain('1 knock-on problem from deals.csv: a reference to a deal that deals.csv would have defined');
    expect(output).toMatch(/\n\s+1 {2}activities\.csv: refers to a missing deal \(line 12\)\n/);
    expect(output).not.toContain('activities.csv:12');
    // The folder is named relative to the project when it is inside it.
    const shown = relative(ROOT, broken);
    expect(output).toContain(`Build stopped: fix the data in ${shown} (run \`npm run validate -- --data ${shown}\` for the full list)`);
    expect(output).not.toMatch(/^\s{4}at /m);
    expect(existsSync(join(outDir, 'index.html'))).toBe(false);
  });
});
