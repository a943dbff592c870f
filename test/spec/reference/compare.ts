/** Field-by-field differences between the engine's KPI JSON and the reference's. */

export interface Difference {
  path: string;
  engine: unknown;
  reference: unknown;
}

/** §6: these maps may omit zero entries, so a missing entry equals an all-zero one. */
const ZERO_OMITTABLE = /\.(bySource|openByStage|forward|backward)$/;

/** The v2 fields: KPI 4's new `open` and what follows from it, and §7's outlook. */
export function isV2Path(path: string): boolean {
  return /\.pipeline\.(open|openByStage|coverage|focus)(\.|\[|$)/.test(path) || /\.outlook(\.|$)/.test(path);
}

const RELATIVE = 1e-9;

function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= RELATIVE * Math.max(1, Math.abs(a), Math.abs(b));
}

function isZeroEntry(value: unknown): boolean {
  if (typeof value === 'number') return value === 0;
  if (value === null) return true;
  return typeof value === 'object' && Object.values(value as object).every(isZeroEntry);
}

function keyPath(path: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

export function differences(engine: unknown, reference: unknown, path = ''): Difference[] {
  if (typeof engine === 'number' && typeof reference === 'number') return sameNumber(engine, reference) ? [] : [{ path, engine, reference }];
  const objects = (v: unknown) => typeof v === 'object' && v !== null;
  if (!objects(engine) || !objects(reference) || Array.isArray(engine) !== Array.isArray(reference)) {
    return engine === reference ? [] : [{ path, engine, reference }];
  }
  if (Array.isArray(engine) && Array.isArray(reference)) {
    const out: Difference[] = [];
    for (let i = 0; i < Math.max(engine.length, reference.length); i++) out.push(...differences(engine[i], reference[i], `${path}[${i}]`));
    return out;
  }
  const e = engine as Record<string, unknown>;
  const r = reference as Record<string, unknown>;
  const out: Difference[] = [];
  for (const key of new Set([...Object.keys(e), ...Object.keys(r)])) {
    const inner = keyPath(path, key);
    if (ZERO_OMITTABLE.test(path) && (!(key in e) || !(key in r)) && isZeroEntry(e[key] ?? r[key])) continue;
    out.push(...differences(e[key], r[key], inner));
  }
  return out;
}

export function describeDifference(d: Difference): string {
  return `${d.path}: engine ${JSON.stringify(d.engine)}, reference ${JSON.stringify(d.reference)}`;
}
