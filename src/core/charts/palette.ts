/**
 * The site's colours for data: one colour per rep (by the rep's index in
 * the engine's rep list, so a rep keeps its colour on every page) and one
 * per stage (by config order, won last). Every colour is a mid-tone with at
 * least 3:1 contrast (WCAG 2.2 AA for graphics, 1.4.11) against both the
 * light and the dark page background, so one SVG serves both schemes.
 */

/** The page backgrounds of public/site.css, light and dark. */
export const BACKGROUNDS = { light: '#ffffff', dark: '#0d1117' } as const;

/** The whole team, and reference lines: a neutral grey. */
export const TEAM_COLOUR = '#7d8590';

/** Reps, by index; wraps round after ten (teams larger than that share colours, names still tell them apart). */
export const REP_COLOURS = [
  '#2f7ed8', // blue
  '#d9480f', // orange
  '#2b9348', // green
  '#c2255c', // raspberry
  '#7950f2', // violet
  '#0c8599', // teal
  '#a0672b', // brown
  '#e03131', // red
  '#5c7cfa', // indigo
  '#8a8a1f', // olive
] as const;

/** Teams of the config, by order of first mention (apart from rep colours: a team page draws its reps too). */
export const GROUP_COLOURS = ['#4263eb', '#9c36b5', '#0b7285', '#c92a2a'] as const;

/** Open stages in config order (wraps after eight), then the won and lost stages. */
export const STAGE_COLOURS = ['#1c7ed6', '#7048e8', '#ae3ec9', '#d6336c', '#f76707', '#0ca678', '#1098ad', '#9c36b5'] as const;
export const WON_COLOUR = '#2b9348';
export const LOST_COLOUR = '#e03131';
/** Marks the leak and anything that needs attention. */
export const ALERT_COLOUR = '#e03131';
/** Status colours of a chart's marks (the words and icons of the status go with them). */
export const STATUS_COLOURS = { good: WON_COLOUR, warn: '#b7791f', bad: ALERT_COLOUR, neutral: TEAM_COLOUR } as const;

/** A rep's colour by its index in the engine's rep list. */
export function repColour(index: number): string {
  return REP_COLOURS[((index % REP_COLOURS.length) + REP_COLOURS.length) % REP_COLOURS.length];
}

/** An open stage's colour by its index in the config's stages. */
export function stageColour(index: number): string {
  return STAGE_COLOURS[((index % STAGE_COLOURS.length) + STAGE_COLOURS.length) % STAGE_COLOURS.length];
}

/** Relative luminance of a `#rrggbb` colour (WCAG 2.2 definition). */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** WCAG contrast ratio of two `#rrggbb` colours, 1 to 21. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
