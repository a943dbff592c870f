/**
 * The focus of a scope in words, read off the same values as the table
 * under it. The whole team and a team: how many of their reps need
 * pipeline and who, who must close, who is at quota (a team at quota says
 * so and names its reps still under theirs); once the period is over, who
 * reached quota and who did not. A rep: KPI 4's focus and why, or the
 * period's result.
 */
import { teamFocus, type Member } from '../../core/coaching/teamFocus.ts';
import type { Period } from '../../core/kpi/periods.ts';
import { focusOf } from '../../core/schema/metric.ts';
import type { SiteModel } from '../model.ts';
import type { Scope } from '../scopes.ts';
import { countLabel, fill, type LabelKey } from '../text/dictionary.ts';
import { metricCell, type Cell } from './cell.ts';
import { joined, partsOf, type Part } from './parts.ts';
import { focusWhy } from './scopeTable.ts';

/** One sentence of the focus, marked with the group of reps it names (`data-focus`). */
export interface FocusLine {
  key: 'teamDone' | 'create' | 'close' | 'done' | 'noQuota' | 'reached' | 'under' | 'rep';
  parts: Part[];
}

export interface FocusView {
  lines: FocusLine[];
}

/** How many names a line lists before "and n more". */
const NAMES = 8;

function names(site: SiteModel, period: Period, members: readonly Member[], withAttainment: boolean): Part[] {
  const { l, f, locale } = site.words;
  const byName = new Map(site.scopes.reps.map((r) => [r.name, r]));
  const groups = members.slice(0, NAMES).map((m): Part[] => {
    const rep = byName.get(m.name);
    const name: Cell = { text: m.name, href: rep ? site.urls.page('scope', rep, period) : undefined };
    return withAttainment && m.attainment !== null ? partsOf(l['focus.nameAttainment'], { name, attainment: f.rate(m.attainment) }) : [name];
  });
  const more = members.length - NAMES;
  return [...joined(groups, l['focus.separator']), ...(more > 0 ? [countLabel(l, locale, 'focusLine.more', more, f.count(more))] : [])];
}

/** The lines of a group of reps: the whole team or a team of the config. */
function groupFocus(site: SiteModel, scope: Scope, period: Period, complete: boolean): FocusLine[] {
  const { l, f, locale } = site.words;
  const reps = site.scopes.reps.filter((r) => scope.members.includes(r.name));
  const members = reps.flatMap((r) => {
    const k = site.kpis(r, period);
    return k ? [{ name: r.name, focus: focusOf(k), attainment: k.pipeline.attainment }] : [];
  });
  const own = site.kpis(scope, period);
  const focus = teamFocus(members, own ? focusOf(own) : 'noQuota', complete);
  const line = (key: FocusLine['key'], group: readonly Member[], withAttainment = false): FocusLine[] =>
    group.length === 0
      ? []
      : [{ key, parts: partsOf(countLabel(l, locale, `focusLine.${key}`, group.length, f.count(group.length)), { of: f.count(focus.members), names: names(site, period, group, withAttainment) }) }];
  if (focus.phase === 'complete') return [...line('reached', focus.reached), ...line('under', focus.under, true), ...line('noQuota', focus.noQuota)];
  const under = focus.create.length + focus.close.length;
  const teamDone: FocusLine[] = focus.teamDone ? [{ key: 'teamDone', parts: [fill(countLabel(l, locale, 'focusLine.teamDone', under, f.count(under)), { scope: scope.label, of: f.count(focus.members) })] }] : [];
  return [...teamDone, ...line('create', focus.create, focus.teamDone), ...line('close', focus.close, focus.teamDone), ...line('done', focus.done), ...line('noQuota', focus.noQuota)];
}

/** A rep's focus: KPI 4's while the period runs, with why; the result once it is over. */
function repFocus(site: SiteModel, scope: Scope, period: Period, complete: boolean): FocusLine[] {
  const w = site.words;
  const kpis = site.kpis(scope, period);
  const at = { scope: scope.key, period: period.id };
  if (!complete) return [{ key: 'rep', parts: [metricCell(kpis, { path: 'pipeline.focus' }, at, w), '. ', focusWhy(kpis, site.config.coverageThreshold, w)] }];
  const attainment = kpis?.pipeline.attainment ?? null;
  const key: LabelKey = attainment === null ? 'focus.repNoQuota' : attainment >= 1 ? 'focus.repReached' : 'focus.repUnder';
  return [{ key: 'rep', parts: partsOf(w.l[key], { attainment: metricCell(kpis, { path: 'pipeline.attainment' }, at, w), quota: metricCell(kpis, { path: 'pipeline.quota' }, at, w) }) }];
}

/** The focus of `scope` in `period`. */
export function focusView(site: SiteModel, scope: Scope, period: Period): FocusView {
  const complete = site.timeline.complete(period);
  return { lines: scope.kind === 'rep' ? repFocus(site, scope, period, complete) : groupFocus(site, scope, period, complete) };
}
