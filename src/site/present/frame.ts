/**
 * What every page has around its content: the language and dictionary, the
 * navigation (with a logout link on a site that is not public), the chart
 * locale, and the stamp of the as-of and export dates.
 */
import type { Chart, ChartLocale } from '../../core/charts/types.ts';
import type { SiteModel } from '../model.ts';
import type { Labels } from '../text/dictionary.ts';
import type { Words } from './cell.ts';

/** A date in a sentence: the words before and after it, and the date for <time>. */
export interface DatedWords {
  before: string;
  iso: string;
  date: string;
  after: string;
}

/** "As of <date> · data exported <date>": the as-of date, then the export date or words saying it is unknown. */
export interface Stamp {
  asOf: DatedWords;
  exported: DatedWords | string | null;
}

export interface Frame {
  /** The HTML title: what the page shows, its period and the as-of date (the site's name follows). */
  title: string;
  lang: string;
  l: Labels;
  where: ChartLocale;
  /** A chart as inline SVG, rendered once for the whole site (SiteModel.svg). */
  svg(chart: Chart): Promise<string>;
  /** Its phone layout the same way, or null (SiteModel.phoneSvg). */
  phoneSvg(chart: Chart): Promise<string | null>;
  favicon: string;
  nav: { href: string; text: string }[];
  /** The logout link after the navigation; null on a public site. */
  logout: { href: string; text: string } | null;
  stylesheet: string;
  stamp: Stamp;
}

function dated(template: string, iso: string, w: Words): DatedWords {
  const [before, after = ''] = template.split('{date}');
  return { before, iso, date: w.f.date(iso), after };
}

/**
 * The stamp of a page: its numbers' as-of date and the data's export date;
 * `exported` null says the files carry none (words say so), `false` leaves
 * it out (a frozen report, whose numbers no export date describes).
 */
export function stampOf(asOf: string, exported: string | null | false, w: Words): Stamp {
  return {
    asOf: dated(w.l['stamp.asOf'], asOf, w),
    exported: exported === false ? null : exported === null ? w.l['stamp.exportedUnknown'] : dated(w.l['stamp.exported'], exported, w),
  };
}

/** The frame of a page of `site` titled `title`, its numbers as of the site's as-of date unless `stamp` says otherwise. */
export function frameOf(site: SiteModel, title: string, stamp: Stamp = stampOf(site.asOf, site.exported, site.words)): Frame {
  const { l, locale } = site.words;
  const { urls } = site;
  const team = site.scopes.team;
  return {
    title,
    lang: locale,
    l,
    where: { locale, currency: site.config.currency },
    svg: (chart) => site.svg(chart),
    phoneSvg: (chart) => site.phoneSvg(chart),
    favicon: urls.asset('favicon.svg'),
    nav: [
      { href: urls.page('scope', team, null), text: l['nav.overview'] },
      { href: urls.page('activity', team, null), text: l['nav.activity'] },
      { href: urls.page('stages', team, null), text: l['nav.stages'] },
      { href: urls.page('winRate', team, null), text: l['nav.winRate'] },
      { href: urls.page('pipeline', team, null), text: l['nav.pipeline'] },
      { href: urls.reports, text: l['nav.reports'] },
      { href: urls.data, text: l['nav.data'] },
      { href: urls.upload, text: l['nav.upload'] },
    ],
    logout: site.logout ? { href: urls.logout, text: l['access.logout'] } : null,
    stylesheet: urls.asset('site.css'),
    stamp,
  };
}
