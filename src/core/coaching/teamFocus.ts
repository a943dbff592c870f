/**
 * The focus of a group of reps (the whole team, a team of the config), read
 * off the same per-rep values its reps table shows, so the headline always
 * agrees with the rows under it:
 *
 * - while the period runs: each rep's KPI 4 focus (build pipeline, close
 *   what you have, quota reached, no quota), grouped; a team at quota still
 *   names the reps under theirs;
 * - once it is over: who reached quota (attainment ≥ 100 %), who did not
 *   (with their attainment) and who had none.
 */
import type { Focus } from '../schema/metric.ts';

export interface MemberNumbers {
  name: string;
  focus: Focus;
  /** Closed won ÷ quota, null without a quota. */
  attainment: number | null;
}

export interface Member {
  name: string;
  attainment: number | null;
}

export type TeamFocus =
  | { phase: 'running'; members: number; teamDone: boolean; create: Member[]; close: Member[]; done: Member[]; noQuota: Member[] }
  | { phase: 'complete'; members: number; reached: Member[]; under: Member[]; noQuota: Member[] };

const member = ({ name, attainment }: MemberNumbers): Member => ({ name, attainment });

/**
 * The focus of `members` (in the order of the reps table); `teamFocus` is
 * the group's own KPI 4 focus, `complete` whether the period is over.
 */
export function teamFocus(members: readonly MemberNumbers[], teamFocusValue: Focus, complete: boolean): TeamFocus {
  const having = (focus: Focus) => members.filter((m) => m.focus === focus).map(member);
  if (complete) {
    return {
      phase: 'complete',
      members: members.length,
      reached: members.filter((m) => m.attainment !== null && m.attainment >= 1).map(member),
      under: members.filter((m) => m.attainment !== null && m.attainment < 1).map(member),
      noQuota: members.filter((m) => m.attainment === null).map(member),
    };
  }
  return {
    phase: 'running',
    members: members.length,
    teamDone: teamFocusValue === 'done',
    create: having('create'),
    close: having('close'),
    done: having('done'),
    noQuota: having('noQuota'),
  };
}
