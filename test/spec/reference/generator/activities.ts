/** Generated activities, quotas and customers. */
import { addDays, addMonths, dayNumber } from '../periods.ts';
import { anyCase, dateText, type GenDeal, type Row } from './deals.ts';
import type { World } from './world.ts';

const SOURCES = ['Web', 'Referral', 'Outbound', 'Event', 'Partner'];
const NEXT_STEPS = ['', 'Demo with the CFO', '2026-11-12', '   ', 'Send proposal', '', '2027-03-01'];

function typeOf(w: World, first: boolean): string {
  const { r } = w;
  if (first && r.chance(0.2)) return 'meeting';
  return r.pick(['call', 'call', 'email', 'email', 'event', 'social', 'meeting', 'meeting', 'other']);
}

/** One lead's activities: same-day ties, other reps' meetings, a source only on a later row. */
function leadActivities(w: World, lead: string, deals: GenDeal[], taken: Set<string>): Row[] {
  const { r } = w;
  const home = r.pick(w.activityReps);
  const source = r.pick(SOURCES);
  const rows: Row[] = [];
  let day = addDays(w.start, r.int(0, dayNumber(w.anchor) - dayNumber(w.start)));
  for (let k = 0, n = r.int(1, 7); k < n; k++) {
    if (k > 0) day = addDays(day, r.pick([0, 0, 1, 2, 5, 14, 30]));
    if (day > w.anchor) day = w.anchor;
    const type = typeOf(w, k === 0);
    const ownSource = k === 0 ? r.chance(0.55) : r.chance(0.3);
    rows.push({
      id: r.uniqueId('A-', taken),
      date: dateText(w, day),
      owner: r.chance(0.2) ? r.pick(w.activityReps) : home,
      type: anyCase(w, type),
      lead,
      source: ownSource ? (r.chance(0.85) ? source : r.pick(SOURCES)) : '',
      deal: deals.length > 0 && r.chance(0.2) ? r.pick(deals).id : '',
      next_step: type === 'meeting' ? r.pick(NEXT_STEPS) : r.chance(0.05) ? 'Call back' : '',
    });
  }
  return rows;
}

/** Two same-day first meetings whose ids sort differently by code point and by UTF-16 unit. */
function astralTie(w: World, lead: string, taken: Set<string>): Row[] {
  const day = addDays(w.anchor, -w.r.int(0, 20));
  const [a, b] = [w.r.pick(w.activityReps), w.r.pick(w.activityReps)];
  const ids = ['A-\u{1F600}', 'A-\uFF01'];
  ids.forEach((id) => taken.add(id));
  return [
    { id: ids[0], date: day, owner: a, type: 'meeting', lead, source: 'Web', deal: '', next_step: 'Demo' },
    { id: ids[1], date: day, owner: b, type: 'meeting', lead, source: 'Event', deal: '', next_step: '' },
  ];
}

export function makeActivities(w: World, deals: GenDeal[]): Row[] {
  const { r } = w;
  const taken = new Set<string>();
  const leadIds = new Set<string>();
  const rows: Row[] = [];
  for (let k = r.int(...w.profile.leads); k > 0; k--) rows.push(...leadActivities(w, r.uniqueId('L-', leadIds), deals, taken));
  if (r.chance(0.3) && w.astralIdTies) rows.push(...astralTie(w, 'L-astral', taken));
  return r.shuffle(rows);
}

const quarterOf = (month: string) => `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;

function quotaAmount(w: World, quarter: boolean): string {
  if (w.round) return (5000.15 * (quarter ? 9 : 3)).toFixed(2);
  return quarter ? w.r.pick(['175000', '90000', '100000.5', '45001.35']) : w.r.pick(['50000', '33333.3333', '12500.25', '100000']);
}

/** Monthly or quarterly rows per rep; now and then two rows for one rep and period. */
export function makeQuotas(w: World): Row[] {
  const { r } = w;
  const owners = [...w.dealReps.filter(() => r.chance(0.8)), ...(w.quotaOnly ? [w.quotaOnly] : [])];
  const rows: Row[] = [];
  for (const owner of owners) {
    const quarterly = r.chance(0.5);
    const seen = new Set<string>();
    for (let m = w.start.slice(0, 7); m <= addMonths(w.anchor.slice(0, 7), 3); m = addMonths(m, 1)) {
      const period = quarterly ? quarterOf(m) : m;
      if (seen.has(period) || r.chance(0.1)) continue; // a period without a quota row has quota 0
      seen.add(period);
      rows.push({ owner, period, amount: quotaAmount(w, quarterly) });
      if (r.chance(0.12)) rows.push({ owner, period, amount: quotaAmount(w, quarterly) });
      if (quarterly && r.chance(0.08)) rows.push({ owner, period: m, amount: quotaAmount(w, false) });
    }
  }
  return r.shuffle(rows);
}

/** Churn dates; an account listed twice churned on its earliest date; one account never bought. */
export function makeCustomers(w: World): Row[] {
  const { r } = w;
  const rows: Row[] = [];
  // Rarely after everything else: the churn date is then the default as-of.
  const day = () => addDays(w.start, r.int(0, dayNumber(w.anchor) - dayNumber(w.start) + (r.chance(0.03) ? 10 : 0)));
  for (const account of [...w.accounts, 'Never Bought Ltd']) {
    if (!r.chance(0.45)) continue;
    rows.push({ account, churned: dateText(w, day()) });
    if (r.chance(0.2)) rows.push({ account, churned: dateText(w, day()) });
  }
  return r.shuffle(rows);
}
