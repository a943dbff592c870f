/**
 * KPI 1 — activity ratios (leading): outreach per first meeting, the
 * next-step rate of first meetings, and which lead sources and outreach
 * channels turn into first meetings (KPI-SPEC §3, §6).
 */
import type { Facts } from './facts.ts';
import { rangeOf } from './dayList.ts';
import { NO_DAY } from './leads.ts';
import type { Period } from './periods.ts';
import { rate } from './rate.ts';
import { nameRecord } from './records.ts';
import { scratchMarks } from './scratch.ts';
import type { ActivityKpi, ChannelRatio, SourceRatio } from '../schema/kpiReport.ts';

/** A lead counts as met when its first meeting (by anyone) is on or before as-of. */
function metBy(facts: Facts, lead: number, notBefore: number): boolean {
  const day = facts.firstMeetingDay[lead];
  return day !== NO_DAY && day >= notBefore && day <= facts.asOf;
}

function byChannel(facts: Facts, scope: readonly number[], period: Period): { outreach: number; channels: Record<string, ChannelRatio> } {
  const types = facts.outreachTypes;
  const n = types.length;
  // One mark per (lead, channel): the touch's own number.
  const { marks, pass } = scratchMarks(facts, 'channel leads', facts.leads.count * n, 1);
  const { stamp, day } = marks[0];
  const touches = new Array<number>(n).fill(0);
  const touched: number[][] = types.map(() => []);
  for (const rep of scope) {
    const list = facts.byRep.touches[rep];
    const { rows, days } = list;
    const [from, to] = rangeOf(list, period.start, period.end);
    for (let p = from; p < to; p++) {
      const touch = rows[p];
      const c = touch % n;
      touches[c]++;
      if (stamp[touch] !== pass) {
        stamp[touch] = pass;
        day[touch] = days[p];
        touched[c].push(touch);
      } else if (days[p] < day[touch]) day[touch] = days[p];
    }
  }
  const channels = nameRecord<ChannelRatio>();
  types.forEach((type, c) => {
    let met = 0;
    for (const touch of touched[c]) if (metBy(facts, (touch - c) / n, day[touch])) met++;
    const leads = touched[c].length;
    channels[type] = { touches: touches[c], leads, met, rate: rate(met, leads) };
  });
  return { outreach: touches.reduce((a, b) => a + b, 0), channels };
}

function bySource(facts: Facts, scope: readonly number[], period: Period): Record<string, SourceRatio> {
  const sources = nameRecord<SourceRatio>();
  for (const rep of scope) {
    const list = facts.byRep.leads[rep];
    const [from, to] = rangeOf(list, period.start, period.end);
    for (let p = from; p < to; p++) {
      const lead = list.rows[p];
      const entry = (sources[facts.leads.source[lead]] ??= { leads: 0, met: 0, rate: null });
      entry.leads++;
      if (metBy(facts, lead, -Infinity)) entry.met++;
    }
  }
  for (const entry of Object.values(sources)) entry.rate = rate(entry.met, entry.leads);
  return sources;
}

export function activityKpi(facts: Facts, scope: readonly number[], period: Period): ActivityKpi {
  const nextStep = facts.dataset.activities.next_step;
  let firstMeetings = 0;
  let withNextStep = 0;
  for (const rep of scope) {
    const list = facts.byRep.firstMeetings[rep];
    const [from, to] = rangeOf(list, period.start, period.end);
    firstMeetings += to - from;
    for (let p = from; p < to; p++) withNextStep += nextStep[list.rows[p]];
  }
  const { outreach, channels } = byChannel(facts, scope, period);
  return {
    outreach,
    firstMeetings,
    outreachPerFirstMeeting: rate(outreach, firstMeetings),
    firstMeetingsWithNextStep: withNextStep,
    nextStepRate: rate(withNextStep, firstMeetings),
    bySource: bySource(facts, scope, period),
    byChannel: channels,
  };
}
