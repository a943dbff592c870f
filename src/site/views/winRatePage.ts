/**
 * /kpi/win-rate/ (KPI 3, lagging): every scope's win rate and what it takes
 * to make quota this month, the monthly win rate per rep against the team,
 * each rep's pooled 12-month win rate, and won amount by month.
 */
import { barsChart, type Bar } from '../../core/charts/bars.ts';
import { fill } from '../text/dictionary.ts';
import { tooFewClosed } from '../../core/smallNumbers.ts';
import { named, namedChart, rateFlags, smallFlag, type Row, type Table } from '../cells.ts';
import type { ViewContext } from '../context.ts';
import { periodTitle } from '../timeline.ts';
import { windowName } from './funnel.ts';
import { scopeHead, scopeTable } from './tables.ts';
import { scopeTrend, type ChartView } from './trends.ts';

export interface WinRateView {
  side: Table;
  trend: ChartView;
  pooled: ChartView;
  amounts: ChartView;
}

/** Each rep's win rate over the window (won / closed, pooled), the whole team as the reference line. */
function pooledBars(ctx: ViewContext): ChartView {
  const { l, f, scopes } = ctx;
  const team = ctx.pooled(scopes.team);
  const window = windowName(ctx);
  const scopesShown = [scopes.team, ...scopes.reps];
  const bars: Bar[] = scopesShown.map((scope) => {
    const p = ctx.pooled(scope);
    const closed = p.won + p.lost;
    return { category: scope.label, value: p.winRate, colour: scope.colour, small: tooFewClosed(closed), note: f.percent(p.winRate) };
  });
  const rows: Row[] = scopesShown.map((scope) => {
    const p = ctx.pooled(scope);
    return {
      head: scopeHead(scope),
      cells: [
        { text: f.count(p.won), raw: p.won },
        { text: f.count(p.lost), raw: p.lost },
        { text: f.percent(p.winRate), flag: smallFlag('deals', p.won + p.lost, ctx, true), raw: p.winRate },
      ],
    };
  });
  const label = fill(l['winRate.pooledLabel'], { window });
  const summary = fill(l['winRate.pooledSummary'], { rate: f.percent(team.winRate), won: f.count(team.won), closed: f.count(team.won + team.lost) });
  return {
    chart: barsChart({ label, summary, bars, format: 'percent', xTitle: l['f.winRate.rate'], rule: team.winRate === null ? undefined : { value: team.winRate, label: l['scope.team'] }, noteWidth: 60 }),
    table: { caption: label, columns: [l['scope.column'], l['f.winRate.won'], l['f.winRate.lost'], l['f.winRate.rate']], rows },
  };
}

export function winRateView(ctx: ViewContext): WinRateView {
  const { l, timeline: t, scopes } = ctx;
  const period = periodTitle(t.month, t, ctx.locale, l);
  const flags = (k: Parameters<typeof rateFlags>[0]) => rateFlags(k, ctx);
  const side = scopeTable(
    ctx,
    t.month,
    [
      { label: l['f.winRate.won'], path: 'winRate.won', kind: 'count' },
      { label: l['f.winRate.lost'], path: 'winRate.lost', kind: 'count' },
      { label: l['f.winRate.rate'], path: 'winRate.rate', kind: 'percent', flag: (k) => flags(k).winRate },
      { label: l['f.winRate.wonAmount'], path: 'winRate.wonAmount', kind: 'money' },
      { label: l['f.winRate.valueRate'], path: 'winRate.valueRate', kind: 'percent', flag: (k) => flags(k).winRate },
      { label: l['f.winRate.leadConversion'], path: 'winRate.leadConversion', kind: 'percent', flag: (k) => flags(k).leads },
      { label: l['f.winRate.avgDealSize'], path: 'winRate.avgDealSize', kind: 'money' },
      { label: l['f.winRate.dealsNeeded'], path: 'winRate.dealsNeeded', kind: 'count' },
      { label: l['f.winRate.leadsNeeded'], path: 'winRate.leadsNeeded', kind: 'count' },
    ],
    fill(l['page.sideCaption'], { period }),
  );
  return {
    side: named(side, 'win-rate-side'),
    trend: namedChart(scopeTrend(ctx, { scopes: scopes.reps, reference: scopes.team, path: 'winRate.rate', kind: 'percent', flag: (k) => flags(k).winRate, label: l['winRate.trendLabel'], yTitle: l['f.winRate.rate'] }), 'win-rate-trend'),
    pooled: namedChart(pooledBars(ctx), 'win-rate-pooled'),
    amounts: namedChart(scopeTrend(ctx, { scopes: scopes.reps, tableOnly: [scopes.team], path: 'winRate.wonAmount', kind: 'money', stacked: true, label: l['winRate.amountLabel'], yTitle: l['f.winRate.wonAmount'] }), 'win-rate-won-amount'),
  };
}
