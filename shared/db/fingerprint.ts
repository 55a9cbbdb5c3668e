/** JSON with object keys sorted (RxDB reorders a schema's keys when it fills in its defaults). */
function sortedJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${sortedJson(v)}`).join(',')}}`;
}

/**
 * A short, stable fingerprint of a JSON schema (FNV-1a over its key-sorted JSON, 2 × 32 bit): whether a generated
 * check was made from this very schema.
 */
export function schemaFingerprint(schema: unknown): string {
  return shortHash(sortedJson(schema));
}

/** A short, stable hash of a text (FNV-1a, 2 × 32 bit): ids made from long keys, schema fingerprints. */
export function shortHash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return h1.toString(36) + h2.toString(36);
}
