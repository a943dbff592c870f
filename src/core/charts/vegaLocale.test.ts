import { describe, expect, it } from 'vitest';
import { d3NumberLocale } from './vegaLocale.ts';

describe('d3NumberLocale', () => {
  it('reads separators, currency side and percent sign from Intl', () => {
    expect(d3NumberLocale('en-US', 'USD')).toMatchObject({ decimal: '.', thousands: ',', currency: ['$', ''], percent: '%' });
    expect(d3NumberLocale('ru-RU', 'RUB')).toMatchObject({ decimal: ',', thousands: '\u00a0', currency: ['', '\u00a0₽'], percent: '\u00a0%' });
    expect(d3NumberLocale('de-DE', 'EUR')).toMatchObject({ decimal: ',', thousands: '.', currency: ['', '\u00a0€'] });
  });
});
