/** Small hand-written data sets for the reference's own tests, built in memory. */
import type { RefActivity, RefConfig, RefData, RefDeal, RefEntry } from './readCanonical.ts';
import { Q } from './rational.ts';

export function config(overrides: Partial<RefConfig> = {}): RefConfig {
  return {
    stages: [
      { name: 'A', probability: Q.decimal('0.1'), staleDays: null },
      { name: 'B', probability: Q.decimal('0.5'), staleDays: null },
      { name: 'C', probability: Q.decimal('0.8'), staleDays: null },
    ],
    wonStage: 'Won',
    lostStage: 'Lost',
    teams: {},
    currency: 'USD',
    coverageThreshold: 3,
    window: 12,
    staleDays: 30,
    ...overrides,
  };
}

type DealInput = Omit<RefDeal, 'amount' | 'account' | 'lostAtStage' | 'owner'> &
  Partial<Pick<RefDeal, 'account' | 'lostAtStage' | 'owner'>> & { amount: string };

export function deal(input: DealInput): RefDeal {
  return { account: null, lostAtStage: null, owner: 'Ann', ...input, amount: Q.decimal(input.amount) };
}

/** `n` copies of a deal with ids prefix-1..prefix-n. */
export function deals(n: number, prefix: string, input: Omit<DealInput, 'id'>): RefDeal[] {
  return Array.from({ length: n }, (_, i) => deal({ ...input, id: `${prefix}-${i + 1}` }));
}

export function activity(input: Omit<RefActivity, 'source' | 'deal' | 'nextStep'> & Partial<RefActivity>): RefActivity {
  return { source: null, deal: null, nextStep: null, ...input };
}

export function entry(deal: string, stage: string, date: string, line: number, instant: number | null = null): RefEntry {
  return { deal, stage, date, line, instant };
}

export function data(parts: Partial<RefData>): RefData {
  return { config: config(), deals: [], history: [], activities: [], quotas: [], customers: null, ...parts };
}
