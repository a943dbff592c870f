/** KPI 1, activity ratios (KPI-SPEC §3 and §6), by plain loops over the activities. */
import { inSpan, type Span } from './periods.ts';
import type { RefActivity } from './readCanonical.ts';

export const OUTREACH = ['call', 'email', 'event', 'social'];

/** §6: ids compare as plain strings in code-point order ("A-10007" < "A-9"). */
export function codePointCompare(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0)!);
  const y = Array.from(b, (c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

/** (date, id) order of §6. */
export function activityOrder(a: RefActivity, b: RefActivity): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : codePointCompare(a.id, b.id);
}

export interface LeadFacts {
  /** Its first activity of any type in the whole data set: its owner owns the lead. */
  first: RefActivity;
  /** Its first meeting in the whole data set, held by anyone. */
  firstMeeting: RefActivity | null;
  source: string;
}

export function leadFacts(activities: RefActivity[]): Map<string, LeadFacts> {
  const byLead = new Map<string, RefActivity[]>();
  for (const a of activities) byLead.set(a.lead, [...(byLead.get(a.lead) ?? []), a]);
  const facts = new Map<string, LeadFacts>();
  for (const [lead, list] of byLead) {
    const ordered = [...list].sort(activityOrder);
    const first = ordered[0];
    const firstMeeting = ordered.find((a) => a.type === 'meeting') ?? null;
    // §6: the first activity's source, else the first non-empty one in (date, id) order, else unknown.
    const source = first.source ?? ordered.find((a) => a.source !== null)?.source ?? 'unknown';
    facts.set(lead, { first, firstMeeting, source });
  }
  return facts;
}

const rate = (a: number, b: number): number | null => (b === 0 ? null : a / b);

export function activityKpi(activities: RefActivity[], leads: Map<string, LeadFacts>, scope: Set<string>, period: Span, asOf: string) {
  const mine = activities.filter((a) => scope.has(a.owner));
  const outreach = mine.filter((a) => OUTREACH.includes(a.type) && inSpan(a.date, period)).length;
  // "For a rep, an activity counts for its own owner": a first meeting counts for whoever held it.
  const firstMeetings = [...leads.values()]
    .map((l) => l.firstMeeting)
    .filter((m): m is RefActivity => m !== null && scope.has(m.owner) && inSpan(m.date, period));
  const withNextStep = firstMeetings.filter((m) => m.nextStep !== null).length;
  const metBy = (l: LeadFacts | undefined, from: string) =>
    l !== undefined && l.firstMeeting !== null && l.firstMeeting.date >= from && l.firstMeeting.date <= asOf;

  const bySource: Record<string, { leads: number; met: number; rate: number | null }> = {};
  for (const l of leads.values()) {
    if (!scope.has(l.first.owner) || !inSpan(l.first.date, period)) continue;
    const entry = (bySource[l.source] ??= { leads: 0, met: 0, rate: null });
    entry.leads++;
    if (metBy(l, '0000-00-00')) entry.met++;
  }
  for (const entry of Object.values(bySource)) entry.rate = rate(entry.met, entry.leads);

  const byChannel: Record<string, { touches: number; leads: number; met: number; rate: number | null }> = {};
  for (const channel of OUTREACH) {
    const touches = mine.filter((a) => a.type === channel && inSpan(a.date, period));
    const firstTouch = new Map<string, string>();
    for (const t of touches) if (!firstTouch.has(t.lead) || t.date < firstTouch.get(t.lead)!) firstTouch.set(t.lead, t.date);
    let met = 0;
    for (const [lead, date] of firstTouch) if (metBy(leads.get(lead), date)) met++;
    byChannel[channel] = { touches: touches.length, leads: firstTouch.size, met, rate: rate(met, firstTouch.size) };
  }

  return {
    outreach,
    firstMeetings: firstMeetings.length,
    outreachPerFirstMeeting: rate(outreach, firstMeetings.length),
    firstMeetingsWithNextStep: withNextStep,
    nextStepRate: rate(withNextStep, firstMeetings.length),
    bySource,
    byChannel,
  };
}
