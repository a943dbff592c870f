import { describe, expect, it } from 'vitest';
import { ALERT_COLOUR, BACKGROUNDS, GROUP_COLOURS, contrast, LOST_COLOUR, REP_COLOURS, repColour, STAGE_COLOURS, stageColour, STATUS_COLOURS, TEAM_COLOUR, WON_COLOUR } from './palette.ts';

describe('palette', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('gives every data colour 3:1 contrast on the light and the dark background', () => {
    const all = [TEAM_COLOUR, WON_COLOUR, LOST_COLOUR, ALERT_COLOUR, ...REP_COLOURS, ...STAGE_COLOURS, ...GROUP_COLOURS, ...Object.values(STATUS_COLOURS)];
    for (const colour of all) {
      expect(contrast(colour, BACKGROUNDS.light), `${colour} on light`).toBeGreaterThanOrEqual(3);
      expect(contrast(colour, BACKGROUNDS.dark), `${colour} on dark`).toBeGreaterThanOrEqual(3);
    }
  });

  it('keeps rep and stage colours distinct and wraps round', () => {
    expect(new Set(REP_COLOURS).size).toBe(REP_COLOURS.length);
    expect(new Set(STAGE_COLOURS).size).toBe(STAGE_COLOURS.length);
    expect(repColour(0)).toBe(REP_COLOURS[0]);
    expect(repColour(REP_COLOURS.length + 1)).toBe(REP_COLOURS[1]);
    expect(stageColour(STAGE_COLOURS.length)).toBe(STAGE_COLOURS[0]);
  });
});
