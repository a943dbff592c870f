// What a page hands down to the components it renders, MDX content included:
// a report narrative's <Kpi> reads the report of the page it is shown on.
declare namespace App {
  interface Locals {
    keepscoreReport?: {
      report: import('../core/kpi/report.ts').KpiReport<import('../core/kpi/report.ts').CoreKpis>;
      locale: string;
    };
  }
}
