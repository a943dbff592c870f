/**
 * /kpi/activity/ (KPI 1, leading) of one period: everyone side by side,
 * small multiples of each rep's first meetings, next-step rate and
 * outreach per first meeting over the 12 months to the period (the rates
 * against the whole team), and the team's lead sources and outreach
 * channels to first meeting.
 */
import type { Period } from '../../core/kpi/periods.ts';
import type { MetricPath, MetricRef } from '../../core/schema/metric.ts';
import type { SiteModel } from '../model.ts';
import { fill } from '../text/dictionary.ts';
import { periodTitle, type PeriodView } from '../timeline.ts';
import { metricCell, metricLabel } from './cell.ts';
import type { ChartView } from './chartView.ts';
import { kpiPageFrame, type KpiPageFrame } from './kpiIntro.ts';
import { scopeTable } from './scopeTable.ts';
import { table, type Table } from './table.ts';
import { scopeMultiples } from './trend.ts';

export interface ActivityPage extends KpiPageFrame {
  side: Table;
  charts: ChartView[];
  bySource: Table;
  byChannel: Table;
}

const SIDE: MetricRef[] = [
  { path: 'activity.outreach' },
  { path: 'activity.firstMeetings' },
  { path: 'activity.outreachPerFirstMeeting' },
  { path: 'activity.firstMeetingsWithNextStep' },
  { path: 'activity.nextStepRate' },
];

/** The columns of the lead source and channel tables. */
const BREAKDOWN = {
  bySource: ['activity.bySource.*.leads', 'activity.bySource.*.met', 'activity.bySource.*.rate'],
  byChannel: ['activity.byChannel.*.touches', 'activity.byChannel.*.leads', 'activity.byChannel.*.met', 'activity.byChannel.*.rate'],
} as const satisfies Record<string, readonly MetricPath[]>;

/** The whole team's lead sources (by name) or outreach channels (in the engine's order), a row each. */
function breakdown(site: SiteModel, by: 'bySource' | 'byChannel', period: Period, caption: string): Table {
  const w = site.words;
  const { team } = site.scopes;
  const kpis = site.kpis(team, period);
  const keys = Object.keys(kpis?.activity[by] ?? {});
  const refs = (key?: string): MetricRef[] => BREAKDOWN[by].map((path) => ({ path, key }));
  const name = (key: string) => (by === 'byChannel' && `channel.${key}` in w.l ? w.l[`channel.${key}` as 'channel.call'] : key);
  return table(
    {
      id: `activity-${by === 'bySource' ? 'by-source' : 'by-channel'}-${period.id}`,
      caption,
      columns: [w.l[by === 'bySource' ? 'column.source' : 'column.channel'], ...refs().map((ref) => metricLabel(ref, w))],
      rows: (by === 'bySource' ? keys.sort() : keys).map((key) => ({
        head: { text: name(key) },
        cells: refs(key).map((ref) => metricCell(kpis, ref, { scope: team.key, period: period.id }, w)),
      })),
    },
    w,
  );
}

/** The page of `view`'s period (the URL's `period`). */
export function activityPage(site: SiteModel, period: Period, view: PeriodView = site.timeline.view(period)): ActivityPage {
  const { words: w, timeline: t, scopes } = site;
  const { l } = w;
  const name = periodTitle(period, t, w);
  const reps = { scopes: scopes.reps };
  return {
    ...kpiPageFrame(site, 'activity', period, l['activity.why']),
    side: scopeTable(site, { id: `activity-side-${period.id}`, caption: fill(l['page.sideCaption'], { period: name }), period, metrics: SIDE }),
    charts: [
      scopeMultiples(site, { id: 'activity-first-meetings', ...reps, reference: null, metric: SIDE[1], label: l['activity.chart.firstMeetings'] }),
      scopeMultiples(site, { id: 'activity-next-step-rate', ...reps, reference: scopes.team, metric: SIDE[4], label: l['activity.chart.nextStep'] }),
      scopeMultiples(site, { id: 'activity-outreach-per-first-meeting', ...reps, reference: scopes.team, metric: SIDE[2], label: l['activity.chart.outreach'] }),
    ],
    bySource: breakdown(site, 'bySource', period, fill(l['activity.sourceCaption'], { period: name })),
    byChannel: breakdown(site, 'byChannel', period, fill(l['activity.channelCaption'], { period: name })),
  };
}
