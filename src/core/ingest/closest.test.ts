import { describe, expect, it } from 'vitest';
import { closestMatch, editDistance } from './closest.ts';

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('close_date', 'close_date')).toBe(0);
  });
});

describe('closestMatch', () => {
  const headers = ['opportunity_id', 'sales_agent', 'account', 'deal_stage', 'engage_date', 'close_date', 'close_value'];
  it('finds a typo, ignoring case, spaces, dashes and underscores', () => {
    expect(closestMatch('sales_agnet', headers)).toBe('sales_agent');
    expect(closestMatch('Close Date', headers)).toBe('close_date');
    expect(closestMatch('closedate', ['Record ID', 'Close Date'])).toBe('Close Date');
    expect(closestMatch('Deal - Titel', ['Deal - Title', 'Deal - Value'])).toBe('Deal - Title');
  });
  it('gives null when nothing is plausibly meant', () => {
    expect(closestMatch('owner', headers)).toBeNull();
    expect(closestMatch('amount', ['Name', 'E-mail'])).toBeNull();
  });
});
