// What a report page hands down to the components of its MDX narrative: a
// narrative's <Kpi> reads the report of the page it is shown on, in its words.
declare namespace App {
  interface Locals {
    keepscoreReport?: import('./present/reportPage.ts').ReportPage['narrative'];
  }
}
