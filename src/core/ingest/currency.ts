/**
 * Deals in several currencies (Salesforce `CurrencyIsoCode`, HubSpot's
 * deal currency…). A deal's amount is converted to the config's currency
 * with the config's `rates` (what one unit of that currency is worth),
 * exactly to 1/10,000 — the amount in units times the rate as an exact
 * decimal, rounded half up. A currency without a rate is never added to
 * the others: the whole data set stops with one problem that lists every
 * currency found and how many deals each holds.
 */
import type { Config } from '../schema/config.ts';
import { fromUnits, toUnits } from '../kpi/money.ts';
import type { Problem } from './problems.ts';

interface Tally {
  deals: number;
  file: string;
  line: number;
}

/** A positive JS number as an exact decimal fraction: 0.055 -> 55/1000, 2.5e-7 -> 25/100000000. */
export function exactDecimal(value: number): { num: bigint; den: bigint } {
  const [mantissa, exponent = '0'] = String(value).toLowerCase().split('e');
  const [whole, fraction = ''] = mantissa.split('.');
  const scale = fraction.length - Number(exponent);
  const digits = BigInt(whole + fraction);
  return scale >= 0 ? { num: digits, den: 10n ** BigInt(scale) } : { num: digits * 10n ** BigInt(-scale), den: 1n };
}

/** `amount` × `rate`, exact to 1/10,000 (half up). */
export function convertAmount(amount: number, rate: { num: bigint; den: bigint }): number {
  const product = BigInt(toUnits(amount)) * rate.num;
  return fromUnits(Number((product * 2n + rate.den) / (2n * rate.den)));
}

/** The currencies of the deals as they stream by, shared by every deals file. */
export class Currencies {
  private readonly config: Config;
  private readonly rates = new Map<string, { num: bigint; den: bigint }>();
  private readonly byFile = new Map<string, Map<string, number>>();
  private readonly tally = new Map<string, Tally>();

  constructor(config: Config) {
    this.config = config;
    for (const [code, rate] of Object.entries(config.rates ?? {})) this.rates.set(code, exactDecimal(rate));
  }

  /** Converts a deal's amount when its currency has a rate; counts it either way. */
  take(deal: { amount: number; currency?: string }, file: string, line: number): void {
    const code = deal.currency ?? this.config.currency;
    let counts = this.byFile.get(file);
    if (counts === undefined) this.byFile.set(file, (counts = new Map()));
    counts.set(code, (counts.get(code) ?? 0) + 1);
    const seen = this.tally.get(code);
    if (seen) seen.deals++;
    else this.tally.set(code, { deals: 1, file, line });
    if (code === this.config.currency) return;
    const rate = this.rates.get(code);
    if (rate !== undefined) deal.amount = convertAmount(deal.amount, rate);
  }

  /** One problem when some deals are in a currency without a rate; null when every amount is in the config's currency now. */
  problem(): Problem | null {
    const { currency } = this.config;
    const missing = [...this.tally].filter(([code]) => code !== currency && !this.rates.has(code));
    if (missing.length === 0) return null;
    const [, first] = missing[0];
    const found = [...this.tally]
      .sort((a, b) => b[1].deals - a[1].deals || a[0].localeCompare(b[0]))
      .map(([code, t]) => `${code} ${t.deals} deal${t.deals === 1 ? '' : 's'}${code === currency ? ' (the config\'s currency)' : this.rates.has(code) ? ' (has a rate)' : ` (first on ${t.file}:${t.line})`}`);
    const codes = missing.map(([code]) => code);
    const example = codes.map((code) => `"${code}": …`).join(', ');
    return {
      file: first.file, line: 0, column: 'currency', value: codes.join(', '),
      rule:
        `deals in ${this.tally.size} currencies, and no rate in keepscore.config.json for ${codes.join(', ')}: ${found.join(', ')}; ` +
        `amounts in different currencies are never added up: add "rates": { ${example} } (what one ${codes[0]} is worth in ${currency}), or set "currency" when every deal is in one currency`,
    };
  }

  /** What one file's deals were in and how they were converted, for its import report. */
  summary(file: string): string {
    const { currency } = this.config;
    const counts = [...(this.byFile.get(file) ?? new Map<string, number>())].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    if (counts.length === 0 || (counts.length === 1 && counts[0][0] === currency)) return `every amount in ${currency}, the config's currency`;
    const parts = counts.map(([code, n]) => {
      if (code === currency) return `${n} in ${currency}`;
      const rate = this.config.rates?.[code];
      return rate === undefined ? `${n} in ${code} (no rate)` : `${n} in ${code} converted at ${rate}`;
    });
    return `${parts.join(', ')} — amounts in ${currency}`;
  }

  /** Whether this file's deals were in any currency but the config's. */
  foreignIn(file: string): boolean {
    return [...(this.byFile.get(file)?.keys() ?? [])].some((code) => code !== this.config.currency);
  }
}
