/**
 * /kpi/activity/ (KPI 1, leading): everyone side by side this month, the
 * trends of first meetings, next-step rate and outreach per first meeting,
 * and the team's lead sources and outreach channels to first meeting.
 */
import { fill } from '../text/dictionary.ts';
import { kpiCell, named, namedChart, rateFlags, smallFlag, type Row, type Table } from '../cells.ts';
import type { ViewContext } from '../context.ts';
import { periodTitle } from '../timeline.ts';
import { scopeTable } from './tables.ts';
import { scopeTrend, type ChartView } from './trends.ts';

export interface ActivityView {
  period: string;
  side: Table;
  charts: ChartView[];
  bySource: Table;
  byChannel: Table;
}

export function activityView(ctx: ViewContext): ActivityView {
  const { l, timeline: t, scopes } = ctx;
  const team = scopes.team;
  const period = periodTitle(t.month, t, ctx.locale, l);
  const flags = (k: Parameters<typeof rateFlags>[0]) => rateFlags(k, ctx);
  const side = scopeTable(
    ctx,
    t.month,
    [
      { label: l['f.activity.outreach'], path: 'activity.outreach', kind: 'count' },
      { label: l['f.activity.firstMeetings'], path: 'activity.firstMeetings', kind: 'count' },
      { label: l['f.activity.outreachPerFirstMeeting'], path: 'activity.outreachPerFirstMeeting', kind: 'decimal', flag: (k) => flags(k).nextStep },
      { label: l['f.activity.firstMeetingsWithNextStep'], path: 'activity.firstMeetingsWithNextStep', kind: 'count' },
      { label: l['f.activity.nextStepRate'], path: 'activity.nextStepRate', kind: 'percent', flag: (k) => flags(k).nextStep },
    ],
    fill(l['page.sideCaption'], { period }),
  );
  const charts = [
    scopeTrend(ctx, { scopes: scopes.reps, tableOnly: [team], path: 'activity.firstMeetings', kind: 'count', stacked: true, label: l['activity.chart.firstMeetings'], yTitle: l['f.activity.firstMeetings'] }),
    scopeTrend(ctx, { scopes: scopes.reps, reference: team, path: 'activity.nextStepRate', kind: 'percent', flag: (k) => flags(k).nextStep, label: l['activity.chart.nextStep'], yTitle: l['f.activity.nextStepRate'] }),
    scopeTrend(ctx, { scopes: scopes.reps, reference: team, path: 'activity.outreachPerFirstMeeting', kind: 'decimal', flag: (k) => flags(k).nextStep, label: l['activity.chart.outreach'], yTitle: l['f.activity.outreachPerFirstMeeting'] }),
  ];
  const kpis = ctx.kpis(team, t.month);
  const sources = Object.keys(kpis?.activity.bySource ?? {}).sort();
  const sourceRows: Row[] = sources.map((source) => {
    const s = kpis!.activity.bySource[source];
    const path = `activity.bySource.${source}`;
    return {
      head: { text: source },
      cells: [
        kpiCell(kpis, `${path}.leads`, 'count', team.key, t.month.id, ctx),
        kpiCell(kpis, `${path}.met`, 'count', team.key, t.month.id, ctx),
        kpiCell(kpis, `${path}.rate`, 'percent', team.key, t.month.id, ctx, smallFlag('leads', s.leads, ctx)),
      ],
    };
  });
  const channels = Object.keys(kpis?.activity.byChannel ?? {});
  const channelRows: Row[] = channels.map((channel) => {
    const c = kpis!.activity.byChannel[channel];
    const path = `activity.byChannel.${channel}`;
    const name = `channel.${channel}` in l ? l[`channel.${channel}` as 'channel.call'] : channel;
    return {
      head: { text: name },
      cells: [
        kpiCell(kpis, `${path}.touches`, 'count', team.key, t.month.id, ctx),
        kpiCell(kpis, `${path}.leads`, 'count', team.key, t.month.id, ctx),
        kpiCell(kpis, `${path}.met`, 'count', team.key, t.month.id, ctx),
        kpiCell(kpis, `${path}.rate`, 'percent', team.key, t.month.id, ctx, smallFlag('leads', c.leads, ctx)),
      ],
    };
  });
  const ids = ['activity-first-meetings', 'activity-next-step-rate', 'activity-outreach-per-first-meeting'];
  return {
    period,
    side: named(side, 'activity-side'),
    charts: charts.map((chart, i) => namedChart(chart, ids[i])),
    bySource: { id: 'activity-by-source', caption: fill(l['activity.sourceCaption'], { period }), columns: [l['f.source'], l['f.leads'], l['f.met'], l['f.rate']], rows: sourceRows },
    byChannel: { id: 'activity-by-channel', caption: fill(l['activity.channelCaption'], { period }), columns: [l['f.channel'], l['f.touches'], l['f.leads'], l['f.met'], l['f.rate']], rows: channelRows },
  };
}
