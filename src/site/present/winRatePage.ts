/**
 * /kpi/win-rate/ (KPI 3, lagging): every scope's win rate and what it takes
 * to make quota this month, the monthly win rate per rep against the team,
 * each rep's pooled 12-month win rate, and won amount by month.
 */
import { barsChart, type Bar } from '../../core/charts/bars.ts';
import type { MetricRef } from '../../core/schema/metric.ts';
import { tooFewClosed } from '../../core/smallNumbers.ts';
import type { SiteModel } from '../model.ts';
import { fill } from '../text/dictionary.ts';
import { periodTitle } from '../timeline.ts';
import { metricLabel, smallFlag, smallRule } from './cell.ts';
import type { ChartView } from './chartView.ts';
import { frameOf, type Frame } from './frame.ts';
import { windowName } from './funnel.ts';
import { kpiIntro, type KpiIntro } from './kpiIntro.ts';
import { scopeHead, scopeTable } from './scopeTable.ts';
import { table, type Row, type Table } from './table.ts';
import { scopeTrend } from './trend.ts';

export interface WinRatePage {
  frame: Frame;
  intro: KpiIntro;
  side: Table;
  /** The small-number rule in words, under the side-by-side table. */
  rule: string;
  trend: ChartView;
  pooled: ChartView;
  amounts: ChartView;
}

const SIDE: MetricRef[] = [
  { path: 'winRate.won' },
  { path: 'winRate.lost' },
  { path: 'winRate.rate' },
  { path: 'winRate.wonAmount' },
  { path: 'winRate.valueRate' },
  { path: 'winRate.leadConversion' },
  { path: 'winRate.avgDealSize' },
  { path: 'winRate.dealsNeeded' },
  { path: 'winRate.leadsNeeded' },
];

/** Each rep's win rate over the window (won / closed, pooled), the whole team as the reference line. */
function pooledBars(site: SiteModel): ChartView {
  const { words: w, scopes } = site;
  const { l, f } = w;
  const team = site.pooled(scopes.team);
  const shown = [scopes.team, ...scopes.reps];
  const bars: Bar[] = shown.map((scope) => {
    const p = site.pooled(scope);
    return { category: scope.label, value: p.winRate, colour: scope.colour, small: tooFewClosed(p.won + p.lost), note: f.rate(p.winRate) };
  });
  // Pooled over the window, not numbers of the KPI JSON: plain cells, flagged by the same rule.
  const rows: Row[] = shown.map((scope) => {
    const p = site.pooled(scope);
    return {
      head: scopeHead(scope),
      cells: [
        { text: f.count(p.won), raw: p.won },
        { text: f.count(p.lost), raw: p.lost },
        { text: f.rate(p.winRate), flag: smallFlag('deals', p.won + p.lost, w, true), raw: p.winRate },
      ],
    };
  });
  const label = fill(l['winRate.pooledLabel'], { window: windowName(site) });
  const summary = fill(l['winRate.pooledSummary'], { rate: f.rate(team.winRate), won: f.count(team.won), closed: f.count(team.won + team.lost) });
  const rate = metricLabel({ path: 'winRate.rate' }, w);
  return {
    chart: barsChart({ label, summary, bars, format: 'percent', xTitle: rate, rule: team.winRate === null ? undefined : { value: team.winRate, label: l['scope.team'] }, noteWidth: 60 }),
    table: table({ id: 'win-rate-pooled', caption: label, columns: [l['scope.column'], metricLabel(SIDE[0], w), metricLabel(SIDE[1], w), rate], rows }, w),
  };
}

export function winRatePage(site: SiteModel): WinRatePage {
  const { words: w, timeline: t, scopes } = site;
  const { l } = w;
  const period = periodTitle(t.month, t, w.locale, l);
  return {
    frame: frameOf(site),
    intro: kpiIntro(site, 'winRate', l['winRate.why']),
    side: scopeTable(site, { id: 'win-rate-side', caption: fill(l['page.sideCaption'], { period }), period: t.month, metrics: SIDE }),
    rule: smallRule(w),
    trend: scopeTrend(site, { id: 'win-rate-trend', scopes: scopes.reps, reference: scopes.team, metric: SIDE[2], label: l['winRate.trendLabel'], yTitle: metricLabel(SIDE[2], w) }),
    pooled: pooledBars(site),
    amounts: scopeTrend(site, { id: 'win-rate-won-amount', scopes: scopes.reps, tableOnly: [scopes.team], metric: SIDE[3], stacked: true, label: l['winRate.amountLabel'], yTitle: metricLabel(SIDE[3], w) }),
  };
}
