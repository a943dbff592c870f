/**
 * /kpi/win-rate/ (KPI 3, lagging) of one period: every scope's closed deals
 * and win rate, and what it takes to make quota; each rep's monthly win
 * rate against the whole team as small multiples; each rep's pooled win
 * rate over the window; the team's won amount by month.
 */
import { barsChart, type Bar } from '../../core/charts/bars.ts';
import type { Period } from '../../core/kpi/periods.ts';
import type { MetricRef } from '../../core/schema/metric.ts';
import { tooFewClosed } from '../../core/smallNumbers.ts';
import type { SiteModel } from '../model.ts';
import { fill } from '../text/dictionary.ts';
import { periodTitle, type PeriodView } from '../timeline.ts';
import { metricLabel, smallFlag, smallRule } from './cell.ts';
import type { ChartView } from './chartView.ts';
import { windowName } from './funnel.ts';
import { kpiPageFrame, type KpiPageFrame } from './kpiIntro.ts';
import { scopeHead, scopeTable } from './scopeTable.ts';
import { table, type Row, type Table } from './table.ts';
import { scopeMultiples, scopeTrend } from './trend.ts';

export interface WinRatePage extends KpiPageFrame {
  /** Closed deals and the win rate; what the quota takes. */
  side: Table[];
  /** The small-number rule in words, under the side-by-side tables. */
  rule: string;
  trend: ChartView;
  pooledTitle: string;
  pooled: ChartView;
  amounts: ChartView;
}

const ref = (path: MetricRef['path']): MetricRef => ({ path });
const CLOSED = [ref('winRate.won'), ref('winRate.lost'), ref('winRate.rate'), ref('winRate.wonAmount'), ref('winRate.valueRate')];
const NEEDED = [ref('pipeline.quota'), ref('winRate.avgDealSize'), ref('winRate.dealsNeeded'), ref('winRate.leadConversion'), ref('winRate.leadsNeeded')];

/** Each rep's win rate over the window (won / closed, pooled), the whole team as the reference line; made once per end month. */
function pooledBars(site: SiteModel, view: PeriodView): ChartView {
  const id = `win-rate-pooled-to-${view.endMonth.id}`;
  return site.shared(id, () => {
    const { words: w, scopes } = site;
    const { l, f } = w;
    const team = site.pooled(scopes.team, view);
    const shown = [scopes.team, ...scopes.reps];
    const bars: Bar[] = shown.map((scope) => {
      const p = site.pooled(scope, view);
      return { category: scope.label, value: p.winRate, colour: scope.colour, small: tooFewClosed(p.won + p.lost), note: f.rate(p.winRate) };
    });
    // Pooled over the window, not numbers of the KPI JSON: plain cells, flagged by the same rule.
    const rows: Row[] = shown.map((scope) => {
      const p = site.pooled(scope, view);
      return {
        head: scopeHead(scope),
        cells: [
          { text: f.count(p.won), raw: p.won },
          { text: f.count(p.lost), raw: p.lost },
          { text: f.rate(p.winRate), flag: smallFlag('deals', p.won + p.lost, w, true), raw: p.winRate },
        ],
      };
    });
    const label = fill(l['winRate.pooledLabel'], { window: windowName(site, view) });
    const summary = fill(l['winRate.pooledSummary'], { rate: f.rate(team.winRate), won: f.count(team.won), closed: f.count(team.won + team.lost) });
    const rate = metricLabel(CLOSED[2], w);
    return {
      chart: barsChart({ label, summary, bars, format: 'percent', xTitle: rate, rule: team.winRate === null ? undefined : { value: team.winRate, label: l['scope.team'] }, noteWidth: 60 }),
      table: table({ id, caption: label, columns: [l['scope.column'], metricLabel(CLOSED[0], w), metricLabel(CLOSED[1], w), rate], rows }, w),
    };
  });
}

export function winRatePage(site: SiteModel, period: Period, view: PeriodView = site.timeline.view(period)): WinRatePage {
  const { words: w, timeline: t, scopes } = site;
  const { l } = w;
  const name = periodTitle(period, t, w);
  return {
    ...kpiPageFrame(site, 'winRate', period, l['winRate.why']),
    side: [
      scopeTable(site, { id: `win-rate-closed-${period.id}`, caption: fill(l['winRate.closedCaption'], { period: name }), period, metrics: CLOSED }),
      scopeTable(site, { id: `win-rate-needed-${period.id}`, caption: fill(l['winRate.neededCaption'], { period: name }), period, metrics: NEEDED }),
    ],
    rule: smallRule(w),
    trend: scopeMultiples(site, { id: 'win-rate-trend', scopes: scopes.reps, reference: scopes.team, metric: CLOSED[2], label: l['winRate.trendLabel'] }),
    pooledTitle: fill(l['winRate.pooledTitle'], { window: windowName(site, view) }),
    pooled: pooledBars(site, view),
    amounts: scopeTrend(site, { id: 'win-rate-won-amount', scopes: [scopes.team], metric: CLOSED[3], stacked: true, label: l['winRate.amountLabel'], yTitle: metricLabel(CLOSED[3], w) }),
  };
}
