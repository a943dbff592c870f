/** Generated deals and their stage history, dense in the spec's edge cases. */
import { addDays, dayNumber } from '../periods.ts';
import type { World } from './world.ts';

export type Row = Record<string, string>;

const TIMES = ['T23:30:00-05:00', 'T00:15:00+09:00', 'T12:00:00Z', 'T08:00:00.000+02:00', 'T18:45:10-08:00'];

/** A date, now and then as an ISO datetime with an offset (§6: it counts by its written date). */
export function dateText(w: World, day: string): string {
  return w.r.chance(0.12) ? day + w.r.pick(TIMES) : day;
}

/** README: stage names and activity types match case-insensitively. */
export function anyCase(w: World, text: string): string {
  return w.r.chance(0.05) ? w.r.pick([text.toLowerCase(), text.toUpperCase()]) : text;
}

export function amountText(w: World, status: GenDeal['status'] | null = null): string {
  const { r } = w;
  if (w.freeWins && status === 'won') return '0';
  if (w.round) return (5000.15 * r.int(0, 4)).toFixed(2);
  if (r.chance(0.05)) return '0';
  const whole = r.int(100, 120_000);
  return r.pick([String(whole), `${whole}.${r.int(0, 99)}`, `${whole}.${String(r.int(1, 9999)).padStart(4, '0')}`]);
}

export interface GenDeal {
  id: string;
  status: 'won' | 'lost' | 'open';
  created: string;
  close: string;
  row: Row;
}

function closeOf(w: World, status: GenDeal['status'], created: string): string {
  const { r } = w;
  if (status !== 'open') {
    // Now and then closed before it was created (the cycle counts that as 0 days).
    const close = addDays(created, r.chance(0.1) ? -r.int(1, 20) : r.int(0, 150));
    return close > w.anchor && !w.r.chance(0.05) ? w.anchor : close; // rarely the latest date of all
  }
  // Open: overdue (yesterday or before), due on the as-of date, soon, or far ahead.
  return addDays(w.today, r.pick([-r.int(1, 90), r.int(0, 40), r.int(41, 200), 0, -1]));
}

/** Mostly any day; for an open deal now and then 30 or 31 days before as-of (staleness' edge) or after it. */
function createdOf(w: World, status: GenDeal['status']): string {
  const { r } = w;
  if (status === 'open' && r.chance(0.15)) return addDays(w.today, r.pick([-30, -31, 1, 5]));
  return addDays(w.start, r.int(0, dayNumber(w.anchor) - dayNumber(w.start)));
}

export function makeDeals(w: World): GenDeal[] {
  const { r } = w;
  const taken = new Set<string>();
  const count = r.int(...w.profile.deals);
  const deals: GenDeal[] = [];
  for (let i = 0; i < count; i++) {
    const status = r.pick(['won', 'lost', 'lost', 'open', 'open', 'won'] as const);
    const created = createdOf(w, status);
    const close = closeOf(w, status, created);
    const stage = status === 'won' ? w.wonStage : status === 'lost' ? w.lostStage : r.pick(w.stages);
    const lostAt = status === 'lost' ? r.chance(w.profile.lostAtShare) : r.chance(0.03); // ignored unless lost
    const id = r.uniqueId('D-', taken);
    deals.push({
      id,
      status,
      created,
      close,
      row: {
        id,
        name: `Deal ${i}`,
        account: r.chance(0.8) ? r.pick(w.accounts) : '',
        owner: r.pick(w.dealReps),
        source: r.pick(['Web', 'Referral', '']),
        stage: anyCase(w, stage),
        amount: amountText(w, status),
        created: dateText(w, created),
        close_date: dateText(w, close),
        lost_at_stage: lostAt ? anyCase(w, r.pick(w.stages)) : '',
        lead: r.chance(0.5) ? `L-${r.int(1, 50)}` : '',
      },
    });
  }
  return deals;
}

interface Entry {
  deal: string;
  stage: string;
  date: string;
  text: string;
  instant: number | null;
}

/** One deal's walk through the stages: forward, jumps, backward, into and out of lost, same-day rows. */
function walk(w: World, deal: GenDeal): Entry[] {
  const { r } = w;
  const timed = r.chance(0.3);
  const entries: Entry[] = [];
  let day = deal.created;
  const push = (stage: string) => {
    const time = timed ? r.pick(TIMES) : '';
    const text = day + time;
    entries.push({ deal: deal.id, stage, date: day, text, instant: timed ? Date.parse(text) : null });
  };
  let at = r.chance(0.8) ? 0 : r.int(0, w.stages.length - 1);
  push(w.stages[at]);
  for (let k = r.int(0, 5); k > 0; k--) {
    day = addDays(day, r.pick([0, 0, 1, 3, 7, 20]));
    if (day > w.anchor) day = w.anchor;
    const move = r.next();
    if (move < 0.1) push(w.lostStage); // into lost, and the next row out of it again
    else if (move < 0.14) push(w.wonStage);
    else {
      at = Math.max(0, Math.min(w.stages.length - 1, at + (move < 0.6 ? 1 : move < 0.72 ? 2 : move < 0.92 ? -1 : 0)));
      push(w.stages[at]);
    }
  }
  day = deal.close > day ? deal.close : day;
  if (deal.status === 'won' && r.chance(0.8)) push(w.wonStage);
  if (deal.status === 'lost' && r.chance(0.6)) push(w.lostStage);
  return entries;
}

/**
 * The stage_history rows in file order. Rows are shuffled (same-day rows then
 * count in that order); a v1 engine cannot order same-day rows by time, so
 * without timedHistory each timed same-day group keeps its file slots in instant order.
 */
export function makeHistory(w: World, deals: GenDeal[]): Row[] {
  const { r } = w;
  const withHistory = deals.filter((d) => (w.profile.name === 'unknownLoss' && d.status === 'lost' ? false : r.chance(w.profile.historyShare)));
  const entries = r.shuffle(withHistory.flatMap((d) => walk(w, d)));
  if (!w.timedHistory) {
    const groups = new Map<string, number[]>();
    entries.forEach((e, i) => {
      if (e.instant !== null) groups.set(`${e.deal} ${e.date}`, [...(groups.get(`${e.deal} ${e.date}`) ?? []), i]);
    });
    for (const slots of groups.values()) {
      const inOrder = slots.map((i) => entries[i]).sort((a, b) => a.instant! - b.instant!);
      slots.forEach((slot, k) => (entries[slot] = inOrder[k]));
    }
  }
  return entries.map((e) => ({ deal: e.deal, stage: anyCase(w, e.stage), entered: e.text }));
}
