/**
 * The scopes a page can show: the whole team, each team of the config and
 * each rep, with their slugs, colours and `data-scope` keys. A rep's colour
 * is fixed by its index in the engine's rep list, so it is the same on
 * every page and chart.
 */
import { GROUP_COLOURS, repColour, TEAM_COLOUR } from '../core/charts/palette.ts';
import { fill, type Labels } from './text/dictionary.ts';
import type { KpiReport, Kpis } from '../core/schema/kpiReport.ts';
import { slugsFor } from '../core/slug.ts';
import type { Urls } from './urls.ts';

export type ScopeKind = 'team' | 'group' | 'rep';

export interface Scope {
  kind: ScopeKind;
  /** The name in the KPI JSON (a rep's owner name, a team's name); '' for the whole team. */
  name: string;
  /** What a page calls it: "Whole team", "Team Enterprise", "Maria Chen". */
  label: string;
  /** The `data-scope` attribute: `team`, `team:<name>` or `rep:<name>`. */
  key: string;
  /** URL of its bookmarked page: `/`, `/teams/enterprise/`, `/reps/maria-chen/`. */
  href: string;
  slug: string | null;
  colour: string;
  /** For a rep, its team's name (null when the config names none); for a team, its reps' names. */
  team: string | null;
  members: string[];
}

export interface Scopes {
  team: Scope;
  groups: Scope[];
  reps: Scope[];
  /** Whole team, then teams, then reps: the rows of a side-by-side table. */
  all: Scope[];
}

/** A rep's team: only the config's own entries (a rep called `toString` has none unless the config names one). */
function teamOf(teams: Record<string, string>, rep: string): string | null {
  return Object.hasOwn(teams, rep) ? teams[rep] : null;
}

/**
 * Every scope of the site. `reps` are the engine's rep names (code-point
 * order), `teams` the config's owner -> team map.
 */
export function siteScopes(reps: readonly string[], teams: Record<string, string>, l: Labels, urls: Urls): Scopes {
  const href = (kind: ScopeKind, slug: string | null) => urls.page('scope', { kind, slug }, null);
  const groupNames = [...new Set(Object.values(teams))];
  const repSlugs = slugsFor(reps, 'rep');
  const groupSlugs = slugsFor(groupNames, 'team');
  const team: Scope = { kind: 'team', name: '', label: l['scope.team'], key: 'team', href: href('team', null), slug: null, colour: TEAM_COLOUR, team: null, members: [...reps] };
  const groups = groupNames.map((name, i): Scope => {
    const slug = groupSlugs.get(name) as string;
    const members = reps.filter((r) => teamOf(teams, r) === name);
    return { kind: 'group', name, label: fill(l['scope.teamNamed'], { name }), key: `team:${name}`, href: href('group', slug), slug, colour: GROUP_COLOURS[i % GROUP_COLOURS.length], team: null, members };
  });
  const repScopes = reps.map((name, i): Scope => {
    const slug = repSlugs.get(name) as string;
    return { kind: 'rep', name, label: name, key: `rep:${name}`, href: href('rep', slug), slug, colour: repColour(i), team: teamOf(teams, name), members: [name] };
  });
  return {
    team,
    groups,
    reps: repScopes,
    all: [team, ...groups, ...repScopes],
  };
}

/** A scope's KPIs in a report; a rep or team missing from that period's report gets null. */
export function kpisOf(report: KpiReport, scope: Scope): Kpis | null {
  if (scope.kind === 'team') return report.team;
  const byName = scope.kind === 'rep' ? report.reps : report.teams;
  return Object.hasOwn(byName, scope.name) ? byName[scope.name] : null;
}
