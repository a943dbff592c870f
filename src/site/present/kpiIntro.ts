/**
 * What every KPI page of a period has at its top: the frame, the title
 * line with the period and the as-of date and the links to other periods,
 * and the intro: the KPI's name, leading or lagging (the article's terms)
 * and why that matters, what it measures, and its KPI JSON for the period.
 */
import type { Period } from '../../core/kpi/periods.ts';
import type { SiteModel } from '../model.ts';
import type { KpiId } from './cards.ts';
import { frameOf, type Frame } from './frame.ts';
import { pageHead, trendTitle, type PageHead } from './pageHead.ts';

export interface KpiIntro {
  title: string;
  badge: string;
  what: string;
  why: string;
  /** The KPI JSON of the page's period. */
  json: { href: string; text: string };
}

export interface KpiPageFrame {
  frame: Frame;
  /** The period of the page's URL. */
  period: Period;
  head: PageHead;
  intro: KpiIntro;
  /** "Month by month, June 2025 – November 2026": the trends' heading. */
  trendTitle: string;
  /**
   * Whether its charts are drawn a second time for a phone, as the cockpit's
   * (ScopePage.phone): on the current month's pages; not on /kpi/activity/,
   * whose small multiples have no phone layout and whose one trend would take
   * it over the page budget.
   */
  phone: boolean;
}

export function kpiPageFrame(site: SiteModel, kpi: KpiId, period: Period, more: string): KpiPageFrame {
  const { l } = site.words;
  const lagging = kpi === 'winRate';
  const title = l[`kpi.${kpi}.short`];
  const head = pageHead(site, kpi, site.scopes.team, period, title);
  return {
    frame: frameOf(site, head.title),
    period,
    head,
    trendTitle: trendTitle(site, 'page.trendTitle'),
    phone: kpi !== 'activity' && period.id === site.timeline.month.id,
    intro: {
      title,
      badge: l[lagging ? 'indicator.lagging' : 'indicator.leading'],
      what: l[`kpi.${kpi}.what`],
      why: `${l[lagging ? 'indicator.laggingWhy' : 'indicator.leadingWhy']} ${more}`,
      json: { href: site.urls.kpiJson(period.id), text: `${l['page.json']} (${period.id})` },
    },
  };
}
