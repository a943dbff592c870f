/**
 * /kpi/activity/ (KPI 1, leading): everyone side by side this month, the
 * trends of first meetings, next-step rate and outreach per first meeting,
 * and the team's lead sources and outreach channels to first meeting.
 */
import type { MetricPath, MetricRef } from '../../core/schema/metric.ts';
import type { SiteModel } from '../model.ts';
import { fill } from '../text/dictionary.ts';
import { periodTitle } from '../timeline.ts';
import { metricCell, metricLabel } from './cell.ts';
import type { ChartView } from './chartView.ts';
import { frameOf, type Frame } from './frame.ts';
import { kpiIntro, type KpiIntro } from './kpiIntro.ts';
import { scopeTable } from './scopeTable.ts';
import { table, type Table } from './table.ts';
import { scopeTrend } from './trend.ts';

export interface ActivityPage {
  frame: Frame;
  intro: KpiIntro;
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
function breakdown(site: SiteModel, by: 'bySource' | 'byChannel', id: string, caption: string): Table {
  const w = site.words;
  const { team } = site.scopes;
  const month = site.timeline.month;
  const kpis = site.kpis(team, month);
  const keys = Object.keys(kpis?.activity[by] ?? {});
  const refs = (key?: string): MetricRef[] => BREAKDOWN[by].map((path) => ({ path, key }));
  const name = (key: string) => (by === 'byChannel' && `channel.${key}` in w.l ? w.l[`channel.${key}` as 'channel.call'] : key);
  return table(
    {
      id,
      caption,
      columns: [w.l[by === 'bySource' ? 'column.source' : 'column.channel'], ...refs().map((ref) => metricLabel(ref, w))],
      rows: (by === 'bySource' ? keys.sort() : keys).map((key) => ({
        head: { text: name(key) },
        cells: refs(key).map((ref) => metricCell(kpis, ref, { scope: team.key, period: month.id }, w)),
      })),
    },
    w,
  );
}

export function activityPage(site: SiteModel): ActivityPage {
  const { words: w, timeline: t, scopes } = site;
  const { l } = w;
  const period = periodTitle(t.month, t, w.locale, l);
  const vsTeam = { scopes: scopes.reps, reference: scopes.team };
  return {
    frame: frameOf(site),
    intro: kpiIntro(site, 'activity', l['activity.why']),
    side: scopeTable(site, { id: 'activity-side', caption: fill(l['page.sideCaption'], { period }), period: t.month, metrics: SIDE }),
    charts: [
      scopeTrend(site, { id: 'activity-first-meetings', scopes: scopes.reps, tableOnly: [scopes.team], metric: SIDE[1], stacked: true, label: l['activity.chart.firstMeetings'], yTitle: metricLabel(SIDE[1], w) }),
      scopeTrend(site, { id: 'activity-next-step-rate', ...vsTeam, metric: SIDE[4], label: l['activity.chart.nextStep'], yTitle: metricLabel(SIDE[4], w) }),
      scopeTrend(site, { id: 'activity-outreach-per-first-meeting', ...vsTeam, metric: SIDE[2], label: l['activity.chart.outreach'], yTitle: metricLabel(SIDE[2], w) }),
    ],
    bySource: breakdown(site, 'bySource', 'activity-by-source', fill(l['activity.sourceCaption'], { period })),
    byChannel: breakdown(site, 'byChannel', 'activity-by-channel', fill(l['activity.channelCaption'], { period })),
  };
}
