/**
 * The configured stage probabilities as exact fractions, so weighted
 * pipeline adds up without float noise (566000, not 566000.0000000001). A
 * probability written in the config stands for its decimal (0.1 is 1/10);
 * one the config left out is the even step i/(n+1) (schema/config.ts), kept
 * as that fraction (1/3, not 0.333…).
 */
import type { Config } from '../schema/config.ts';
import type { Fraction } from './money.ts';

/** The exact decimal a double prints as: 0.1 -> 1/10, 1e-7 -> 1/10^7 (the shortest text that reads back as it). */
function decimalOf(value: number): Fraction {
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value))!;
  const digits = m[1] + (m[2] ?? '');
  const exponent = Number(m[3] ?? 0) - (m[2]?.length ?? 0);
  return exponent >= 0 ? { num: BigInt(digits) * 10n ** BigInt(exponent), den: 1n } : { num: BigInt(digits), den: 10n ** BigInt(-exponent) };
}

/** Probability of open stage `index` of `count` as an exact fraction. */
export function exactProbability(probability: number, index: number, count: number): Fraction {
  const step = { num: BigInt(index + 1), den: BigInt(count + 1) };
  return probability === (index + 1) / (count + 1) ? step : decimalOf(probability);
}

/** The config's probability of each open stage, in config order. */
export function configuredOdds(config: Config): Fraction[] {
  return config.stages.map((s, i, all) => exactProbability(s.probability, i, all.length));
}
