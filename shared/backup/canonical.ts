/**
 * Canonical JSON: object keys sorted (by UTF-16 code units), no whitespace, `undefined` members dropped,
 * so the same data always gives the same text and the same checksum whatever order the fields were written in.
 */
export function canonicalJson(value: unknown): string {
  try {
    return JSON.stringify(value, sortKeys) ?? 'null';
  } catch (e) {
    if (e !== NOT_PLAIN) throw e;
    return canonicalJsonSlow(value);
  }
}

const NOT_PLAIN = new Error('canonicalJson: not plain JSON data');
// Keys JavaScript orders as array indices (before all others), whatever order they are written in.
const INDEX_KEY = /^(?:0|[1-9]\d{0,8})$/;

/**
 * The fast path (a year's backup is ~36 MB of text): the engine's own JSON.stringify with each object's keys put in
 * sorted order. Data it would write differently from the reference writer (index-like keys, toJSON, non-plain
 * objects, nesting over 100) falls back to canonicalJsonSlow; a property test checks both agree.
 */
function sortKeys(this: unknown, key: string, value: unknown): unknown {
  // JSON.stringify has already called any toJSON (a Date becomes a string): compare with the value as held.
  const held = (this as Record<string, unknown>)[key];
  if (held !== value) throw NOT_PLAIN;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) throw NOT_PLAIN;
  const keys = Object.keys(value).sort();
  // No prototype: a key "__proto__" (JSON.parse makes it an own property) must stay a plain member.
  const sorted = Object.create(null) as Record<string, unknown>;
  for (const k of keys) {
    if (INDEX_KEY.test(k)) throw NOT_PLAIN;
    sorted[k] = (value as Record<string, unknown>)[k];
  }
  return sorted;
}

/** The reference writer (also used for data the fast path does not take). */
export function canonicalJsonSlow(value: unknown): string {
  const parts: string[] = [];
  write(value, parts, 0);
  return parts.join('');
}

function write(value: unknown, out: string[], depth: number): void {
  if (depth > 100) throw new Error('canonicalJson: nested too deeply');
  if (value === null || typeof value === 'boolean' || typeof value === 'string') {
    out.push(JSON.stringify(value));
  } else if (typeof value === 'number') {
    out.push(Number.isFinite(value) ? JSON.stringify(value) : 'null');
  } else if (Array.isArray(value)) {
    out.push('[');
    value.forEach((v, i) => {
      if (i) out.push(',');
      write(v === undefined ? null : v, out, depth + 1);
    });
    out.push(']');
  } else if (typeof value === 'object') {
    out.push('{');
    let first = true;
    for (const key of Object.keys(value as object).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v === undefined || typeof v === 'function') continue;
      if (!first) out.push(',');
      first = false;
      out.push(JSON.stringify(key), ':');
      write(v, out, depth + 1);
    }
    out.push('}');
  } else {
    out.push('null');
  }
}
