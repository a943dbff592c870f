/**
 * What every page has around its content: the language and dictionary, the
 * navigation (with a logout link on a site that is not public), the chart
 * locale, and the stamp of the as-of and export dates.
 */
import type { ChartLocale } from '../../core/charts/types.ts';
import type { SiteModel } from '../model.ts';
import type { Labels } from '../text/dictionary.ts';
import { formatDate } from '../text/format.ts';
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
  lang: string;
  l: Labels;
  where: ChartLocale;
  nav: { href: string; text: string }[];
  /** The logout link after the navigation; null on a public site. */
  logout: { href: string; text: string } | null;
  stylesheet: string;
  stamp: Stamp;
}

function dated(template: string, iso: string, locale: string): DatedWords {
  const [before, after = ''] = template.split('{date}');
  return { before, iso, date: formatDate(iso, locale), after };
}

/**
 * The stamp of a page: its numbers' as-of date and the data's export date;
 * `exported` null says the files carry none (words say so), `false` leaves
 * it out (a frozen report, whose numbers no export date describes).
 */
export function stampOf(asOf: string, exported: string | null | false, w: Words): Stamp {
  return {
    asOf: dated(w.l['stamp.asOf'], asOf, w.locale),
    exported: exported === false ? null : exported === null ? w.l['stamp.exportedUnknown'] : dated(w.l['stamp.exported'], exported, w.locale),
  };
}

/** The frame of a page of `site`, its numbers as of the site's as-of date. */
export function frameOf(site: SiteModel, stamp: Stamp = stampOf(site.asOf, site.exported, site.words)): Frame {
  const { l, base, locale } = site.words;
  return {
    lang: locale,
    l,
    where: { locale, currency: site.config.currency },
    nav: [
      { href: base, text: l['nav.overview'] },
      { href: `${base}kpi/activity/`, text: l['nav.activity'] },
      { href: `${base}kpi/stages/`, text: l['nav.stages'] },
      { href: `${base}kpi/win-rate/`, text: l['nav.winRate'] },
      { href: `${base}kpi/pipeline/`, text: l['nav.pipeline'] },
      { href: `${base}reports/`, text: l['nav.reports'] },
      { href: `${base}data/`, text: l['nav.data'] },
      { href: `${base}upload/`, text: l['nav.upload'] },
    ],
    logout: site.logout ? { href: `${base}logout/`, text: l['access.logout'] } : null,
    stylesheet: `${base}site.css`,
    stamp,
  };
}
