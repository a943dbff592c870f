/**
 * The head of a page about one period: its title line, which names what
 * the page is about, the period and the as-of date ("Whole team ·
 * November 2026 · as of Nov 27, 2026 (3 days left)"; a period that is over
 * reads "October 2026 (final)"), the same words as the HTML title, and the
 * links to the period before and after and to its month or quarter.
 */
import type { Period } from '../../core/kpi/periods.ts';
import { daysLeft } from '../../core/coaching/status.ts';
import { isoToDay } from '../../core/ingest/values.ts';
import type { SiteModel } from '../model.ts';
import type { Scope } from '../scopes.ts';
import { countLabel, fill } from '../text/dictionary.ts';
import { periodName } from '../timeline.ts';
import type { PageKind } from '../urls.ts';

export interface Link {
  href: string;
  text: string;
}

export interface PeriodNav {
  label: string;
  previous: Link | null;
  next: Link | null;
  /** The period's quarter, or the quarter's month. */
  other: Link;
}

export interface PageHead {
  /** The title line, the page's <h1> and its HTML title. */
  title: string;
  nav: PeriodNav;
}

/** A period as a page leads with it: "November 2026 to date", "October 2026 (final)". */
export function periodLabel(site: SiteModel, period: Period): string {
  const { l, locale } = site.words;
  return fill(l[site.timeline.complete(period) ? 'head.final' : 'head.toDate'], { period: periodName(period, site.words) });
}

/** "as of Nov 27, 2026 (3 days left)" while `period` runs at `asOf`, else "as of Nov 27, 2026". */
function asOfWords(site: SiteModel, period: Period, asOf: string): string {
  const { l, locale, f } = site.words;
  const date = f.shortDate(asOf);
  const day = isoToDay(asOf) ?? site.timeline.asOf;
  if (period.end <= day || period.start > day) return fill(l['head.asOf'], { date });
  const left = daysLeft(period, day);
  return fill(countLabel(l, locale, 'head.asOfLeft', left, f.count(left)), { date });
}

/** "November 2026 · as of Nov 27, 2026 (3 days left)", "October 2026 (final) · as of Nov 27, 2026". */
export function periodLine(site: SiteModel, period: Period, asOf: string = site.asOf): string {
  const { l, locale } = site.words;
  const name = site.timeline.complete(period) ? periodLabel(site, period) : periodName(period, site.words);
  return `${name} · ${asOfWords(site, period, asOf)}`;
}

/** A title that names its period itself ("Monthly report, November 2026"), with the as-of date of its numbers. */
export function withAsOf(site: SiteModel, title: string, period: Period, asOf: string): string {
  return `${title} · ${asOfWords(site, period, asOf)}`;
}

/** A trends' heading (`page.trendTitle`, `scope.trendsTitle`) with the months they show. */
export function trendTitle(site: SiteModel, key: 'page.trendTitle' | 'scope.trendsTitle'): string {
  const { trend } = site.timeline;
  return fill(site.words.l[key], { from: periodName(trend[0], site.words), to: periodName(trend[trend.length - 1], site.words) });
}

/** The title line of a page that shows no period of its own (data, upload): its name, the current month and the as-of date. */
export function siteTitle(site: SiteModel, name: string): string {
  return `${name} · ${periodLine(site, site.timeline.month)}`;
}

/**
 * The head of the `kind` page about `scope` in `period` (the URL's period),
 * named `name`; `shown` is the period it leads with (the month before, while
 * the current month is young).
 */
export function pageHead(site: SiteModel, kind: PageKind, scope: Scope, period: Period, name: string, shown: Period = period): PageHead {
  const { l, locale } = site.words;
  const t = site.timeline;
  const link = (p: Period | null, key: 'head.previous' | 'head.next' | 'head.other'): Link | null =>
    p && { href: site.urls.page(kind, scope, p), text: fill(l[key], { period: periodName(p, site.words) }) };
  const { previous, next } = t.around(period);
  return {
    title: `${name} · ${periodLine(site, shown)}`,
    nav: { label: l['head.periods'], previous: link(previous, 'head.previous'), next: link(next, 'head.next'), other: link(t.other(period), 'head.other') as Link },
  };
}
