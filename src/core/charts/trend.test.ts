import { describe, expect, it } from 'vitest';
import { labelPlaces, trendChart } from './trend.ts';

describe("a trend's line names", () => {
  it('sit at their lines\' last values when those are far apart', () => {
    expect(labelPlaces([{ value: 0.64 }, { value: 0.04 }], 0.7)).toEqual([0.64, 0.04]);
  });

  it('are pushed apart, the lower one down, when two lines end closer than 9 % of the axis', () => {
    // On an axis up to 30 %: 21.8 % and 19.0 % are 2.8 points apart, more than 2.7: kept.
    expect(labelPlaces([{ value: 0.218 }, { value: 0.19 }], 0.3)).toEqual([0.218, 0.19]);
    const [team, rep] = labelPlaces([{ value: 0.2 }, { value: 0.21 }], 0.3);
    expect(rep).toBe(0.21);
    expect(team).toBeCloseTo(0.21 - 0.027, 10);
    // Three at once: each pushed below the one above it.
    const three = labelPlaces([{ value: 1 }, { value: 0.99 }, { value: 0.98 }], 1);
    expect(three[0]).toBe(1);
    expect(three[1]).toBeCloseTo(0.91, 10);
    expect(three[2]).toBeCloseTo(0.82, 10);
  });

  it('are drawn at those places: each last point carries its name\'s place', () => {
    const chart = trendChart({
      label: 'Win rate',
      summary: '',
      months: ['Oct', 'Nov'],
      series: [{ name: 'Team', colour: '#777', dashed: true }, { name: 'Ann', colour: '#27d' }],
      points: [
        { month: 'Oct', series: 'Team', value: 0.3, small: false },
        { month: 'Nov', series: 'Team', value: 0.2, small: false },
        { month: 'Nov', series: 'Ann', value: 0.205, small: false },
      ],
      format: 'percent',
      yTitle: 'Win rate',
    });
    const values = (chart.spec as { data: { values: { series: string; month: string; place: number; last: boolean }[] } }).data.values;
    const place = (series: string) => values.find((v) => v.series === series && v.last)?.place;
    expect(place('Ann')).toBe(0.205);
    expect(place('Team')).toBeCloseTo(0.205 - 0.09 * 0.3, 10);
    expect(values.find((v) => v.series === 'Team' && v.month === 'Oct')?.place).toBe(0.3);
  });
});
