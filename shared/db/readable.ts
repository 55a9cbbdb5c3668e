/**
 * Reading is strict (shared/time throws `time.invalid` on "2026-02-31T10:00"), and the schemas refuse such a time on
 * every desk and on the server; still, a document written before the patterns were strict, by an older desk, or
 * into a database restored from elsewhere must not take a whole page down with it. Reading code passes what it read
 * through `readableDocs`: a document whose dates and times (every field the schema gives a date/time pattern,
 * nested ones included) do not read is left out, with a warning, and the rest of the page works.
 */
import { schemas } from './schemas';
import { localDate, localDateTime, optionalLocalDate, optionalLocalDateTime } from './schemas/common';

type Probe = (value: unknown) => boolean;

const TIME_PATTERNS = new Map([localDate, localDateTime, optionalLocalDate, optionalLocalDateTime].map((f) => [f.pattern as string, new RegExp(f.pattern)]));

/** A test of every date/time field under `schema` (true: it reads), or null when there is none. */
function probeOf(schema: Record<string, any> | undefined): Probe | null {
  if (!schema || typeof schema !== 'object') return null;
  const re = typeof schema.pattern === 'string' ? TIME_PATTERNS.get(schema.pattern) : undefined;
  if (re) return (v) => v === undefined || (typeof v === 'string' && re.test(v));
  if (schema.items) {
    const item = probeOf(schema.items);
    return item && ((v) => !Array.isArray(v) || v.every(item));
  }
  if (schema.properties) {
    const fields = Object.entries(schema.properties as Record<string, Record<string, any>>)
      .map(([key, sub]) => [key, probeOf(sub)] as const)
      .filter((f): f is readonly [string, Probe] => f[1] !== null);
    if (fields.length === 0) return null;
    return (v) => v === null || typeof v !== 'object' || fields.every(([key, probe]) => probe((v as Record<string, unknown>)[key]));
  }
  return null;
}

const probes = new Map<string, Probe | null>();
function probeFor(collection: string): Probe | null {
  if (!probes.has(collection)) probes.set(collection, Object.hasOwn(schemas, collection) ? probeOf(schemas[collection as keyof typeof schemas]) : null);
  return probes.get(collection) ?? null;
}

/** The documents of `collection` whose dates and times read; the others are left out (and named in a warning). */
export function readableDocs<T>(collection: string, docs: readonly T[]): T[] {
  const probe = probeFor(collection);
  if (!probe) return docs as T[];
  const out = docs.filter((d) => probe(d));
  if (out.length !== docs.length) {
    const skipped = docs.filter((d) => !probe(d)).map((d) => String((d as { id?: unknown }).id));
    console.warn(`${collection}: left out ${skipped.length} document(s) whose dates or times do not read`, skipped.slice(0, 10));
  }
  return out;
}

/** RxDB documents as plain JSON, the unreadable ones left out (`readableDocs`). */
export function readableJson<T>(docs: readonly { toJSON(): unknown; collection: { name: string } }[]): T[] {
  if (docs.length === 0) return [];
  return readableDocs(docs[0]!.collection.name, docs.map((d) => d.toJSON() as T));
}
