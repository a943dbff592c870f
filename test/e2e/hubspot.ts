/**
 * A HubSpot "All deals" export made from a canonical deals.csv, as a team
 * switching to HubSpot would upload it: HubSpot's headers and date format,
 * its internal ids for won and lost, no lead or lost-at-stage columns (a
 * HubSpot deal export has neither). One open deal is closed as won, so the
 * numbers on the site change.
 */
import Papa from 'papaparse';

interface Deal { id: string; name: string; account: string; owner: string; source: string; stage: string; amount: string; created: string; close_date: string }

export interface HubspotExport {
  csv: string;
  rows: number;
  /** The deal closed as won in the export: its owner and amount. */
  won: { id: string; owner: string; amount: number; closed: string };
}

const HEADER = ['Record ID', 'Deal Name', 'Deal Stage', 'Close Date', 'Deal owner', 'Amount', 'Pipeline', 'Create Date', 'Associated Company', 'Original Source'];
const STAGE_IDS: Record<string, string> = { 'Closed Won': 'closedwon', 'Closed Lost': 'closedlost' };

/** HubSpot writes datetimes: `2026-11-01 09:00`. */
const hubspotDate = (day: string) => (day ? `${day} 09:00` : '');

/** The export of `dealsCsv` in which the first open deal created before `month` (YYYY-MM) is won on the month's first day. */
export function hubspotExport(dealsCsv: string, month: string): HubspotExport {
  const deals = Papa.parse<Deal>(dealsCsv, { header: true, skipEmptyLines: true }).data;
  const closed = `${month}-01`;
  const target = deals.find((d) => !(d.stage in STAGE_IDS) && d.created < closed);
  if (!target) throw new Error(`no open deal created before ${closed}`);
  const rows = deals.map((d) => {
    const won = d === target;
    return [
      d.id, d.name, won ? 'closedwon' : (STAGE_IDS[d.stage] ?? d.stage), hubspotDate(won ? closed : d.close_date), d.owner,
      d.amount, 'Sales Pipeline', hubspotDate(d.created), d.account, d.source,
    ];
  });
  const csv = Papa.unparse({ fields: HEADER, data: rows }, { quotes: true, newline: '\r\n' });
  return { csv: `${csv}\r\n`, rows: rows.length, won: { id: target.id, owner: target.owner, amount: Number(target.amount), closed } };
}
