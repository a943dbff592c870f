/** The top of a KPI page: its name, leading or lagging (the article's terms) and why that matters, what it measures, its KPI JSON. */
import type { SiteModel } from '../model.ts';
import type { KpiId } from './cards.ts';

export interface KpiIntro {
  title: string;
  badge: string;
  what: string;
  why: string;
  /** The KPI JSON of the page's month. */
  json: { href: string; text: string };
}

export function kpiIntro(site: SiteModel, kpi: KpiId, more: string): KpiIntro {
  const { l, base } = site.words;
  const lagging = kpi === 'winRate';
  const month = site.timeline.month.id;
  return {
    title: l[`kpi.${kpi}.short`],
    badge: l[lagging ? 'indicator.lagging' : 'indicator.leading'],
    what: l[`kpi.${kpi}.what`],
    why: `${l[lagging ? 'indicator.laggingWhy' : 'indicator.leadingWhy']} ${more}`,
    json: { href: `${base}api/kpis/${month}.json`, text: `${l['page.json']} (${month})` },
  };
}
