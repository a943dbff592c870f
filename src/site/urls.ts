/**
 * Every URL of the site, in one place: pages by scope × period × page kind,
 * and the reports, data, upload, CSV and KPI JSON addresses. Nothing else
 * puts a URL together.
 *
 * The bookmarked pages always show the current period: `/` (the whole
 * team), `/teams/<slug>/`, `/reps/<slug>/`, `/kpi/<kpi>/`. Every month and
 * quarter of the data has its own, stable copy under `/p/<period>/`:
 * `/p/2026-11/`, `/p/2026-Q4/reps/<slug>/`, `/p/2026-11/kpi/stages/` (the
 * current month's are the same pages as the bookmarked ones, and links to
 * the current month go to the bookmarked pages). A scope's
 * deal lists are `deals/` under its page: `/deals/`, `/p/2026-11/reps/<slug>/deals/`.
 */
import type { DealListName } from '../core/deals/dealLists.ts';
import type { Period } from '../core/kpi/periods.ts';

/** What a page is about: a scope's page (home, team, rep), a KPI page of the whole team, or a scope's deal lists. */
export type PageKind = 'scope' | 'activity' | 'stages' | 'winRate' | 'pipeline' | 'deals';

/** The KPI pages, by page kind, as their path segment. */
export const KPI_PATHS = { activity: 'activity', stages: 'stages', winRate: 'win-rate', pipeline: 'pipeline' } as const;

/** The part of a scope a URL needs: its kind and slug (null for the whole team). */
export interface ScopeRef {
  kind: 'team' | 'group' | 'rep';
  slug: string | null;
}

export interface Urls {
  /** The site's root, with a trailing slash. */
  base: string;
  /** The page of `kind` about `scope` in `period`; null (or the current month) = the bookmarked page, which shows the current month. */
  page(kind: PageKind, scope: ScopeRef, period: Period | null): string;
  /** A deal list's section of a scope's deal page in `period`: `…/deals/#overdue`, `#closing-this-week`. */
  dealList(scope: ScopeRef, period: Period | null, list: DealListName): string;
  /** The route parameter of a page in `period` (`[...at]` in src/pages): undefined for a bookmarked page, else `p/<period>`. */
  at(period: Period | null): string | undefined;
  report(month: string): string;
  reports: string;
  data: string;
  upload: string;
  logout: string;
  /** `/csv/<id>.csv`. */
  csv(id: string): string;
  /** `/api/kpis/<period>.json`. */
  kpiJson(period: string): string;
  /** A file of public/ (`site.css`, `favicon.svg`). */
  asset(name: string): string;
}

/** The section anchor of a deal list: its name in kebab case (`closingThisWeek` -> `closing-this-week`). */
export function dealAnchor(list: DealListName): string {
  return list.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** The route parameters of a team's or a rep's pages (`[scopes]/[slug]` in src/pages): `teams`/`reps` and the slug. */
export function scopeParams(scope: ScopeRef): { scopes: 'reps' | 'teams'; slug: string } {
  return { scopes: scope.kind === 'rep' ? 'reps' : 'teams', slug: scope.slug as string };
}

/** The path of a scope's page, relative to the site root or a period's folder: '', `teams/<slug>/`, `reps/<slug>/`. */
function scopePath(scope: ScopeRef): string {
  if (scope.kind === 'team') return '';
  const { scopes, slug } = scopeParams(scope);
  return `${scopes}/${slug}/`;
}

/** The URLs of a site served under `base` (`/`, `/kpis/`) whose bookmarked pages show `current` (the as-of month). */
export function siteUrls(base: string, current: Period | null = null): Urls {
  const root = base.replace(/\/?$/, '/');
  const at = (period: Period | null) => (period === null ? undefined : `p/${period.id}`);
  const folder = (period: Period | null) => (period === null || period.id === current?.id ? root : `${root}p/${period.id}/`);
  const page: Urls['page'] = (kind, scope, period) => {
    if (kind === 'scope') return folder(period) + scopePath(scope);
    if (kind === 'deals') return `${folder(period)}${scopePath(scope)}deals/`;
    return `${folder(period)}kpi/${KPI_PATHS[kind]}/`;
  };
  return {
    base: root,
    page,
    dealList: (scope, period, list) => `${page('deals', scope, period)}#${dealAnchor(list)}`,
    at,
    report: (month) => `${root}reports/${month}/`,
    reports: `${root}reports/`,
    data: `${root}data/`,
    upload: `${root}upload/`,
    logout: `${root}logout/`,
    csv: (id) => `${root}csv/${id}.csv`,
    kpiJson: (period) => `${root}api/kpis/${period}.json`,
    asset: (name) => `${root}${name}`,
  };
}
