/**
 * End-to-end: the real `astro build` on the hand-made fixture
 * test/fixtures/tiny, and on a broken copy of it.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const FIXTURE = join(ROOT, 'test/fixtures/tiny');
const temp = mkdtempSync(join(tmpdir(), 'keepscore-build-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Runs `astro build` with the project's own Node (the `astro` bin's shebang would pick the system one). */
function build(dataDir: string, outDir: string) {
  const result = spawnSync(join(ROOT, 'node_modules/.bin/node'), [join(ROOT, 'node_modules/.bin/astro'), 'build', '--outDir', outDir], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, KEEPSCORE_DATA: dataDir, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
    timeout: 110_000,
  });
  return { code: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** Label -> value of every two-column row (`<th scope="row">label</th><td>value</td>`) of a page. */
function factsOf(html: string): Map<string, string> {
  const facts = new Map<string, string>();
  for (const m of html.matchAll(/<th scope="row">([^<]*)<\/th><td>([^<]*)<\/td><\/tr>/g)) facts.set(m[1], m[2]);
  return facts;
}

describe('astro build', () => {
  it('renders the team KPIs of the latest month of the fixture', { timeout: 120_000 }, () => {
    const outDir = join(temp, 'dist');
    const { code, output } = build(FIXTURE, outDir);
    expect(code, output).toBe(0);
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');

    // As-of = the latest date of anything that happened: activity A12 on
    // 2026-10-25 (open deals' close dates don't count), so the month is 2026-10.
    expect(html).toContain('<html lang="en-US">');
    expect(html).toContain('Team KPIs, October 2026');
    expect(html).toContain('<time datetime="2026-10-25">October 25, 2026</time>');

    const facts = factsOf(html);
    const expected: Record<string, string> = {
      // KPI 1. October outreach: A05 call, A06 email, A07 call, A09 social, A10 email = 5.
      // First meetings in October: A08 (L3, next step "Send proposal") and A11 (L4, none);
      // A12 is L1's second meeting (its first was A04 in September).
      'Outreach (calls, emails, events, social)': '5',
      'First meetings': '2',
      'Outreach per first meeting': '2.5', // 5 / 2
      'First meetings with a next step': '1',
      'Next-step rate': '50.0%', // 1 / 2
      // KPI 2. Cohort = deals created in October: D3 (lost at Discovery), D5 (Proposal),
      // D6 (Qualify), D8 (Discovery). Reached: Qualify 4, Discovery 3, Proposal 1,
      // Negotiation 0, won 0. Lowest rate with reached > 0: Proposal -> Negotiation, 0/1.
      'Overall (won / reached the first stage)': '0.0%', // 0 won / 4
      'Leak (lowest conversion)': 'Proposal → Negotiation',
      // KPI 3. Closed in October: D1 won 10000, D2 won 20000, D3 lost 5000.
      Won: '2',
      Lost: '1',
      'Win rate': '66.7%', // 2 / 3
      'Won amount': '$30,000',
      // Trailing 12 months (Nov 2025 - Oct 2026) won: D1, D2, D4 = 36000 / 3 = 12000.
      'Average deal size (trailing window)': '$12,000',
      // Quota: Ann 50000 for 2026-10 + Bob 60000 / 3 for 2026-Q4 = 70000; ceil(70000 / 12000) = 6.
      'Deals needed for quota': '6',
      // Trailing conversion: 3 won / 5 leads first touched in the window (L1..L5) = 0.6; 6 / 0.6 = 10.
      'Leads needed for quota': '10',
      // KPI 4.
      Quota: '$70,000',
      'Closed won': '$30,000',
      'Gap to quota': '$40,000', // 70000 - 30000
      Attainment: '42.9%', // 30000 / 70000
      // Open at as-of, closing in October: D5 30000 (Proposal, 0.5) and D8 4000 (Discovery, 0.25);
      // D6 closes in November.
      'Open deals closing this period': '2',
      'Open amount': '$34,000',
      'Weighted open amount': '$16,000', // 15000 + 1000
      'Coverage (open amount / gap)': '0.85×', // 34000 / 40000, below the threshold 3
      'Overdue open deals': '1 ($12,000)', // D7, due 2026-09-30
      Focus: 'Build pipeline',
      // Lagging: customers = accounts with a won deal closed by Oct 31: Acme, Beta, Delta.
      'Total sales': '$30,000',
      'Deals won': '2',
      'Deals lost': '1',
      'Customers at period end': '3',
      'Churn rate': '—', // no customers.csv
    };
    for (const [label, value] of Object.entries(expected)) expect(facts.get(label), label).toBe(value);

    // The stage table, the leak row marked in words.
    expect(html).toContain('<tr><th scope="row">Qualify</th><td>Discovery</td><td>4</td><td>3</td><td>75.0%</td><td></td></tr>');
    expect(html).toContain('<tr><th scope="row">Discovery</th><td>Proposal</td><td>3</td><td>1</td><td>33.3%</td><td></td></tr>');
    expect(html).toContain('<tr class="leak"><th scope="row">Proposal</th><td>Negotiation</td><td>1</td><td>0</td><td>0.0%</td><td>Leak</td></tr>');
    expect(html).toContain('<tr><th scope="row">Negotiation</th><td>Closed Won</td><td>0</td><td>0</td><td>—</td><td></td></tr>');
  });

  it('stops with a readable list of the problems and exit code 1 on bad data', { timeout: 120_000 }, () => {
    const broken = join(temp, 'broken');
    cpSync(FIXTURE, broken, { recursive: true });
    const deals = readFileSync(join(broken, 'deals.csv'), 'utf8')
      .replace('D3,Gamma pilot,Gamma,Ann,referral,Closed Lost,5000,', 'D3,Gamma pilot,Gamma,Ann,referral,Closed Lost,5k,')
      .replace('D6,Zeta trial,Zeta,Bob,web,Qualify,', 'D6,Zeta trial,Zeta,Bob,web,Qualifyy,');
    writeFileSync(join(broken, 'deals.csv'), deals);
    const outDir = join(temp, 'dist-broken');

    const { code, output } = build(broken, outDir);

    expect(code, output).toBe(1);
    // file:line, column, value and rule; the header is line 1, so D3 is line 4 and D6 line 7.
    expect(output).toContain('deals.csv:4 amount "5k": not a non-negative amount');
    expect(output).toContain('deals.csv:7 stage "Qualifyy": unknown stage; expected one of: Qualify, Discovery');
    expect(output).toContain(`Build stopped: fix the data in ${broken} (run \`npm run validate -- --data ${broken}\` for the full list)`);
    expect(output).not.toMatch(/^\s{4}at /m);
    expect(existsSync(join(outDir, 'index.html'))).toBe(false);
  });
});
