/**
 * Vega's SVG carries attributes that matter to an interactive view but not
 * to a static, inline chart; dropping them and rounding coordinates to one
 * decimal roughly halves a chart's size, which keeps pages in budget.
 */

const DROPPED = [
  / class="[^"]*"/g,
  / aria-roledescription="[^"]*"/g,
  / aria-hidden="true"/g,
  / role="graphics-(?:object|symbol)"/g,
  / pointer-events="none"/g,
  / opacity="1"/g,
  / stroke-miterlimit="4"/g,
  / transform="translate\(0,0\)"/g,
  // Every text carries the theme's font; the renderer sets it once on the root group instead.
  / font-family="[^"]*"/g,
];

/** Shortens decimals inside attribute values (coordinates, path data): one place, two below 1 (opacities). */
function roundNumbers(attribute: string): string {
  return attribute.replace(/-?\d+\.\d{2,}/g, (n) => {
    const value = Number(n);
    const scale = Math.abs(value) < 1 ? 100 : 10;
    const rounded = Math.round(value * scale) / scale;
    return String(rounded === 0 ? 0 : rounded);
  });
}

/**
 * The slimmed SVG: invisible and interactive-only attributes removed, empty
 * background paths and empty groups dropped, numbers in attributes rounded.
 * Text content is left exactly as it is.
 */
export function slimSvg(svg: string): string {
  let out = svg;
  for (const pattern of DROPPED) out = out.replace(pattern, '');
  out = out.replace(/="([^"]*)"/g, (_, value: string) => `="${roundNumbers(value)}"`);
  out = out.replace(/<path d="M0,0h0v0h0Z"\/>/g, '').replace(/<path d=""[^>]*display="none"\/>/g, '');
  for (let before = ''; before !== out; ) {
    before = out;
    out = out.replace(/<g>\s*<\/g>/g, '').replace(/<g transform="[^"]*">\s*<\/g>/g, '');
  }
  return out;
}
