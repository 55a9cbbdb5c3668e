/**
 * A report's visits, and its loans, read as parts (shared/reports/visitParts.ts, loanParts.ts): each whole calendar
 * month is summed up once and kept for the database while none of its visits (loans: by the time they went out)
 * changes; what is said below of visits holds for loans the same way (`MonthKind`, `LOAN_MONTHS`). The stretches
 * that are not a whole month (a running month, a custom range's ends) are kept the same way, in memory only. A
 * year's report against the year before read ~120,000 visits on every click (2.1–2.9 s, docs/performance.md); with
 * its months kept, a click reads nothing that has not changed.
 *
 * Exact: every write to the visits (this desk's, a pull from the server, another tab's, retention, an erasure)
 * comes through the collection's change stream, and a change drops the part of the month the visit is in now and of
 * the month it was in before; an update that does not say what it was before drops every part. A month read while
 * one of its visits changed is used for that report but not kept. Reads go to the storage (no RxDB documents, no
 * query cache holding a month of visits) and leave out a document whose times do not read, as every read does.
 *
 * Between runs of the desk (`keepMonthsOnDisk`), a whole month's part is also written to a small store of its own
 * (monthStore.ts) and used again after a restart only when it provably still holds (`provenMonths`): no visit
 * written since shortly before the part was read now signs in in that month, and the month holds as many visits
 * as were read. A visit that left the month lowers its count; one that came, or changed, was written since. A
 * write this desk sees also takes the month out of the store at once (the change stream), so the check is the
 * second guard: for a write another window made, or one the desk saw just before it stopped.
 */
import { getChangedDocumentsSince, normalizeMangoQuery, prepareQuery, type RxCollection } from 'rxdb';
import { collectionChanges, readableDocs, type DeskDatabase } from '@shared/db';
import { isWholeMonth, monthKey, nextMonthStart, summariseLoans, summariseVisits, type LoanPart, type ReportLoan, type ReportVisit, type TimeRange, type VisitPart } from '@shared/reports';

/** What is kept in parts by month: the visits by sign-in (`VISIT_MONTHS`), the loans by the time they went out (`LOAN_MONTHS`). */
export interface MonthKind<P extends { range: TimeRange }> {
  collection: 'visits' | 'loans';
  /** The time a document's month is of. */
  field: 'timeIn' | 'outAt';
  /** Bump when what a part holds or how it is counted changes: a part stored by another counting is not used. */
  format: number;
  summarise(docs: readonly unknown[], range: TimeRange): P;
}

interface MonthCache<P = VisitPart> {
  parts: Map<string, P>;
  /** Where whole months are kept between runs (none in tests that do not ask for it). */
  store: MonthStore<P> | null;
  /**
   * What to write to `store` next, by month: a part, or null to take the month out (a later entry replaces an
   * earlier one); `clear` first when every month is to go. Written together, one write at a time.
   */
  pending: { clear: boolean; months: Map<string, StoredMonth<P> | null> } | null;
  storeQueue: Promise<void>;
  /**
   * The store's stamps, read once when it is attached and kept up to date: the check asks the database at once
   * instead of after a read of the store (behind whatever the page asked meanwhile). A stamp comes in when its
   * write is done and goes at once when its month is to go: it is never newer than the part stored for it.
   */
  stamps: Map<string, MonthStamp> | null;
  /** Done when `stamps` has been read (or could not be). */
  stampsRead: Promise<void> | null;
  /**
   * Whole months being read now: a second reader waits for the same read. A change to the month drops its read from
   * here, so a read still here when it ends saw no change since it began, and its part is kept.
   */
  reading: Map<string, Promise<P>>;
  /**
   * The stretches that are not whole months (a running month, a period's end inside a month), kept in `parts` and
   * `reading` under `start|end`, by the month they are in: a change to the month drops them with it. In memory only.
   */
  spans: Map<string, Set<string>>;
  /** Told of each change after the parts it touches were dropped (watchParts), never before. */
  listeners: Set<(change: MonthChange) => void>;
}

/** A document's month time after and before a change (`before` undefined: not known, so any month may be touched). */
interface MonthChange {
  after: unknown;
  before: unknown;
  known: boolean;
}

/** What the store says of one whole month, without its part (small: read first, for the check). */
export interface MonthStamp {
  /** The month's start (its key). */
  start: string;
  /** PART_FORMAT when it was made: a part made by another version of the counting is not used. */
  format: number;
  /** The visits the month held (the read's documents, readable or not), for the check. */
  count: number;
  /** Every visit written at or after this (`_meta.lwt`, ms) may not be in the part. */
  since: number;
}

/** One whole month as the store keeps it. */
export interface StoredMonth<P = VisitPart> extends MonthStamp {
  part: P;
}

/** Whole months kept between runs (monthStore.ts: IndexedDB in the desk). */
export interface MonthStore<P = VisitPart> {
  /** Every month's stamp. */
  stamps(): Promise<MonthStamp[]>;
  parts(starts: readonly string[]): Promise<(P | undefined)[]>;
  /** In one transaction: every month out when `clear`, then `remove` out, then `put` in. */
  write(clear: boolean, remove: readonly string[], put: readonly StoredMonth<P>[]): Promise<void>;
}

/** Bump when what a VisitPart holds or how it is counted changes (shared/reports/visitParts.ts). */
export const PART_FORMAT = 1;
/** The same for a LoanPart (shared/reports/loanParts.ts). */
export const LOAN_PART_FORMAT = 1;

export const VISIT_MONTHS: MonthKind<VisitPart> = { collection: 'visits', field: 'timeIn', format: PART_FORMAT, summarise: (docs, range) => summariseVisits(docs as ReportVisit[], range) };
export const LOAN_MONTHS: MonthKind<LoanPart> = { collection: 'loans', field: 'outAt', format: LOAN_PART_FORMAT, summarise: (docs, range) => summariseLoans(docs as ReportLoan[], range) };
/**
 * How long before a read began its `since` is set: a write another window began before the read and saved after it
 * carries a time before the read. Also absorbs small clock steps back.
 */
export const SINCE_MARGIN_MS = 60_000;
/**
 * More visits written since the oldest stored month than this (a first sync, an import): the store is not checked,
 * the months are read (and stored again). Counted on the index before any is read.
 */
const MAX_CHANGES_CHECKED = 5_000;
/** A month proven older than this is stored again with the check's time, so that the changes to look at stay few. */
const RESTAMP_AFTER_MS = 24 * 3_600_000;

const caches = new WeakMap<DeskDatabase, Map<MonthKind<never>, MonthCache<never>>>();

/** The kind's collection, typed loosely: only its storage, its schema and its change stream are used. */
const collectionOf = (db: DeskDatabase, kind: Pick<MonthKind<any>, 'collection'>): RxCollection<Record<string, unknown>> => db[kind.collection] as unknown as RxCollection<Record<string, unknown>>;

function cacheOf<P>(db: DeskDatabase, kind: MonthKind<P & { range: TimeRange }>): MonthCache<P> {
  let kinds = caches.get(db);
  if (!kinds) caches.set(db, (kinds = new Map()));
  const cache = kinds.get(kind as MonthKind<never>) as MonthCache<P> | undefined;
  if (cache) return cache;
  const c: MonthCache<P> = { parts: new Map(), store: null, pending: null, storeQueue: Promise.resolve(), stamps: null, stampsRead: null, reading: new Map(), spans: new Map(), listeners: new Set() };
  // months whose stored part a change touched, taken out of the store (a first sync writes thousands: together)
  const dropStored = (months: string[] | 'all') => {
    const pending = toWrite(c);
    if (!pending) return;
    if (months === 'all') {
      c.stamps?.clear();
      pending.clear = true;
      pending.months.clear();
    } else
      for (const m of months) {
        c.stamps?.delete(m);
        pending.months.set(m, null);
      }
  };
  collectionChanges(collectionOf(db, kind)).subscribe((event) => {
    const before = event.previousDocumentData as Record<string, unknown> | undefined;
    const change = { after: (event.documentData as Record<string, unknown> | undefined)?.[kind.field], before: before?.[kind.field], known: !(event.operation === 'UPDATE' && !before) };
    if (!change.known) {
      c.parts.clear();
      c.reading.clear();
      c.spans.clear();
      dropStored('all');
    } else {
      const months: string[] = [];
      for (const t of [change.after, change.before]) {
        if (typeof t !== 'string') continue;
        // a read that began before this change is neither shared nor kept
        for (const key of [monthKey(t), ...(c.spans.get(monthKey(t)) ?? [])]) {
          c.parts.delete(key);
          c.reading.delete(key);
        }
        c.spans.delete(monthKey(t));
        months.push(monthKey(t));
      }
      dropStored(months);
    }
    for (const listener of c.listeners) listener(change);
  });
  kinds.set(kind as MonthKind<never>, c as MonthCache<never>);
  return c;
}

/**
 * The store's next write, to add to (none without a store). What is added in one turn of the event loop is
 * written together, after the writes before it; a failing store only costs reading the month again.
 */
function toWrite<P>(c: MonthCache<P>): NonNullable<MonthCache<P>['pending']> | null {
  const store = c.store;
  if (!store) return null;
  if (c.pending) return c.pending;
  const pending = (c.pending = { clear: false, months: new Map<string, StoredMonth<P> | null>() });
  setTimeout(() => {
    c.pending = null;
    const entries = [...pending.months];
    const remove = entries.filter(([, m]) => m === null).map(([start]) => start);
    const put = entries.map(([, m]) => m).filter((m): m is StoredMonth<P> => m !== null);
    c.storeQueue = c.storeQueue
      .then(() => store.write(pending.clear, remove, put))
      .then(() => {
        // Written: their stamps now say what the store holds. A month to be dropped by the next write stays out; one
        // dropped by a write already queued may be listed until then, which the check (the change that dropped it
        // was written after its time) and its missing part both leave out.
        const stamps = c.stamps;
        if (stamps) for (const { part: _part, ...stamp } of put) if (c.pending?.months.get(stamp.start) !== null) stamps.set(stamp.start, stamp);
      })
      .catch((e: unknown) => console.warn('reports: the kept months could not be written', e));
  }, 0);
  return pending;
}
const storeMonth = <P,>(c: MonthCache<P>, month: StoredMonth<P>) => toWrite(c)?.months.set(month.start, month);

const docsIn = (db: DeskDatabase, kind: Pick<MonthKind<any>, 'collection' | 'field'>, range: TimeRange) =>
  collectionOf(db, kind).find({ selector: { [kind.field]: { $gte: range.start, $lt: range.end } } }).getPreparedQuery();

/** The documents whose month time falls in `range`, plain, straight from the storage (deleted ones are not returned). */
async function readDocs(db: DeskDatabase, kind: MonthKind<any>, range: TimeRange): Promise<{ docs: unknown[]; count: number }> {
  const { documents } = await collectionOf(db, kind).storageInstance.query(docsIn(db, kind, range));
  return { docs: readableDocs(kind.collection, documents), count: documents.length };
}

/** A month's part, and what to store for it (a part just read; one proven long after it was stored, stamped again). */
interface Proven<P> {
  part: P;
  stored?: StoredMonth<P>;
}

/**
 * The stored parts of `months` that still hold (the check in the header), by month start. Any doubt, and any error,
 * leaves a month out: it is read instead.
 */
async function provenMonths<P>(db: DeskDatabase, kind: MonthKind<any>, c: MonthCache<P>, store: MonthStore<P>, months: readonly string[]): Promise<Map<string, Proven<P>>> {
  const proven = new Map<string, Proven<P>>();
  const now = Date.now();
  // no wait when the stamps are there: the question below goes to the database before the page's other reads
  if (!c.stamps) await c.stampsRead;
  const stamps = c.stamps;
  // made by this version, and not "later" than the clock now (a clock set back: nothing is trusted)
  const stored = months.map((m) => stamps?.get(m)).filter((m): m is MonthStamp => m !== undefined && m.format === kind.format && m.since + SINCE_MARGIN_MS <= now);
  if (stored.length === 0) return proven;
  const holding = await holdingStamps(db, kind, stored);
  const parts = await store.parts(holding.map((m) => m.start));
  holding.forEach((m, i) => {
    const part = parts[i];
    if (!part) return; // taken out meanwhile
    // proven now, as a read now would be: an old one is stamped again, not to look through ever more changes
    proven.set(m.start, { part, ...(m.since < now - RESTAMP_AFTER_MS ? { stored: { ...m, part, since: now - SINCE_MARGIN_MS } } : {}) });
  });
  return proven;
}

/**
 * Those of `stamps` (whole months of `kind` whose documents were read and kept somewhere) that provably still hold:
 * no document written since shortly before the month was read (`since`) now has its month time in the month, and
 * the month holds as many documents as were read (`count`). A document that left the month lowers its count; one
 * that came, or changed, was written since. Too many changes to look through, or a document whose time does not
 * read, and none is proven. Used by the report months and by the backup's kept months (backupMonths.ts).
 */
export async function holdingStamps<S extends MonthStamp>(db: DeskDatabase, kind: Pick<MonthKind<any>, 'collection' | 'field'>, stamps: readonly S[]): Promise<S[]> {
  if (stamps.length === 0) return [];
  // every document written since the oldest of them: which months they are in now, and when they were written
  const since = Math.min(...stamps.map((m) => m.since));
  const collection = collectionOf(db, kind);
  const schema = collection.schema.jsonSchema;
  const written = prepareQuery(schema, normalizeMangoQuery(schema, { selector: { '_meta.lwt': { $gte: since } } as never }));
  if ((await collection.storageInstance.count(written)).count > MAX_CHANGES_CHECKED) return [];
  // at most MAX_CHANGES_CHECKED by the count: one read (more, written since the count: give up as above)
  const { documents } = await getChangedDocumentsSince(collection.storageInstance, MAX_CHANGES_CHECKED + 1, { id: '', lwt: since } as never);
  if (documents.length > MAX_CHANGES_CHECKED) return [];
  const lastWrite = new Map<string, number>();
  for (const d of documents as unknown as (Record<string, unknown> & { _meta: { lwt: number } })[]) {
    const t = d[kind.field];
    const month = typeof t === 'string' ? monthKey(t) : '';
    lastWrite.set(month, Math.max(lastWrite.get(month) ?? 0, d._meta.lwt));
  }
  // a document whose time does not read may have left any month
  if (lastWrite.has('')) return [];
  const holding = await Promise.all(
    stamps.map(async (m) => {
      if ((lastWrite.get(m.start) ?? 0) >= m.since) return null;
      const { count } = await collection.storageInstance.count(docsIn(db, kind, { start: m.start, end: nextMonthStart(m.start) }));
      return count === m.count ? m : null;
    }),
  );
  return holding.filter((m): m is Awaited<S> => m !== null);
}

/** More stretches that are not whole months than this (custom ranges, days gone by): the kept ones are let go. */
const MAX_SPANS = 48;

/**
 * The key a stretch inside a month (not the whole of it) is kept under, listed with its month so that a change to the
 * month drops it; listed before it is read, so that a change during the read keeps it from being kept.
 */
function spanKey<P>(c: MonthCache<P>, range: TimeRange): string {
  const key = `${range.start}|${range.end}`;
  const month = monthKey(range.start);
  let keys = c.spans.get(month);
  if (keys?.has(key)) return key;
  if ([...c.spans.values()].reduce((n, k) => n + k.size, 0) >= MAX_SPANS) {
    for (const k of [...c.spans.values()].flatMap((set) => [...set])) {
      c.parts.delete(k);
      c.reading.delete(k);
    }
    c.spans.clear();
    keys = undefined;
  }
  if (!keys) c.spans.set(month, (keys = new Set()));
  keys.add(key);
  return key;
}

/** A whole month's part: from the store when it holds, else read (and then stored). */
async function monthPart<P>(db: DeskDatabase, kind: MonthKind<P & { range: TimeRange }>, c: MonthCache<P>, range: TimeRange, fromStore: Promise<Map<string, Proven<P>>> | null): Promise<Proven<P>> {
  const kept = fromStore ? (await fromStore).get(range.start) : undefined;
  if (kept) return kept;
  const began = Date.now();
  const { docs, count } = await readDocs(db, kind, range);
  const part = kind.summarise(docs, range);
  return { part, ...(c.store ? { stored: { start: range.start, format: kind.format, part, count, since: began - SINCE_MARGIN_MS } } : {}) };
}

/**
 * The parts of `segments` (visitSegments, loanSegments): those kept (whole months, and stretches inside a month) as
 * they are, whole months from the store where they provably hold, the rest read now and kept.
 */
export async function readParts<P extends { range: TimeRange }>(db: DeskDatabase, kind: MonthKind<P>, segments: readonly TimeRange[]): Promise<P[]> {
  const cache = cacheOf(db, kind);
  // the whole months neither kept nor being read: asked of the store together (one check for all of them)
  const missing = segments.filter((r) => isWholeMonth(r) && !cache.parts.has(r.start) && !cache.reading.has(r.start)).map((r) => r.start);
  const store = cache.store;
  const fromStore =
    store && missing.length > 0
      ? provenMonths(db, kind, cache, store, missing).catch((e: unknown) => {
          console.warn('reports: the kept months could not be checked', e);
          return new Map<string, Proven<P>>();
        })
      : null;
  return Promise.all(
    segments.map(async (range) => {
      const whole = isWholeMonth(range);
      const key = whole ? range.start : spanKey(cache, range);
      const kept = cache.parts.get(key) ?? cache.reading.get(key);
      if (kept) return kept;
      const result: Promise<Proven<P>> = whole ? monthPart(db, kind, cache, range, fromStore) : readDocs(db, kind, range).then(({ docs }) => ({ part: kind.summarise(docs, range) }));
      const reading = result.then((r) => r.part);
      cache.reading.set(key, reading);
      try {
        const { part, stored } = await result;
        if (cache.reading.get(key) === reading) {
          // no change since it began
          cache.parts.set(key, part);
          if (stored) storeMonth(cache, stored);
        }
        return part;
      } finally {
        if (cache.reading.get(key) === reading) cache.reading.delete(key);
      }
    }),
  );
}

export const readVisitParts = (db: DeskDatabase, segments: readonly TimeRange[]): Promise<VisitPart[]> => readParts(db, VISIT_MONTHS, segments);

/**
 * The parts of `segments`, now and after every change of a document whose month time (after or before the change)
 * falls in `range` (a change whose before is not known counts). Changes that arrive while a read runs are answered
 * by one more read. The watcher hears a change only after the kept parts it touches are dropped. Returns the
 * function that stops it.
 */
export function watchParts<P extends { range: TimeRange }>(
  db: DeskDatabase,
  kind: MonthKind<P>,
  segments: readonly TimeRange[],
  range: TimeRange,
  onData: (parts: P[]) => void,
  onError: (e: unknown) => void,
): () => void {
  const cache = cacheOf(db, kind);
  let live = true;
  let running = false;
  let again = false;
  const read = () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    readParts(db, kind, segments).then(
      (parts) => {
        running = false;
        if (!live) return;
        if (again) {
          again = false;
          read();
        } else onData(parts);
      },
      (e: unknown) => {
        running = false;
        if (live) onError(e);
      },
    );
  };
  const inRange = (t: unknown) => typeof t === 'string' && t >= range.start && t < range.end;
  const listener = (change: MonthChange) => {
    if (!change.known || inRange(change.after) || inRange(change.before) || (typeof change.after !== 'string' && typeof change.before !== 'string')) read();
  };
  cache.listeners.add(listener);
  read();
  return () => {
    live = false;
    cache.listeners.delete(listener);
  };
}

/**
 * Reads and keeps the whole months from `from` to before `to`, one month at a time when the page is idle, so that a
 * year's report opened after the month's finds its months kept (a click that comes first reads what is missing
 * itself). Returns the function that stops it.
 */
export const watchVisitParts = (db: DeskDatabase, segments: readonly TimeRange[], range: TimeRange, onData: (parts: VisitPart[]) => void, onError: (e: unknown) => void) =>
  watchParts(db, VISIT_MONTHS, segments, range, onData, onError);

export function warmMonths(db: DeskDatabase, kind: MonthKind<any>, from: string, to: string): () => void {
  let stopped = false;
  const months: TimeRange[] = [];
  for (let t = monthKey(from); t < to; t = nextMonthStart(t)) months.push({ start: t, end: nextMonthStart(t) });
  const idle = (run: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 2000 }) : setTimeout(run, 20));
  const step = (i: number) => {
    if (stopped || i >= months.length) return;
    idle(() => {
      if (!stopped) readParts(db, kind, [months[i]!]).then(() => step(i + 1), () => undefined);
    });
  };
  step(0);
  return () => {
    stopped = true;
  };
}

export const warmVisitMonths = (db: DeskDatabase, from: string, to: string) => warmMonths(db, VISIT_MONTHS, from, to);

/**
 * Keeps `db`'s whole months of `kind` in `store` between runs of the desk, from now on (at the database's opening:
 * its change stream must be heard from the start, for the store to lose a month as soon as one of its documents
 * changes).
 */
export function keepMonthsOnDisk<P extends { range: TimeRange }>(db: DeskDatabase, store: MonthStore<P>, kind: MonthKind<P> = VISIT_MONTHS as unknown as MonthKind<P>): void {
  const c = cacheOf(db, kind);
  c.store = store;
  c.stampsRead = store.stamps().then(
    (stamps) => void (c.stamps = new Map(stamps.map((m) => [m.start, m]))),
    (e: unknown) => console.warn('reports: the kept months could not be read', e),
  );
}

/** The store's writes so far, of every kind, done (for tests). */
export function storedMonthsSettled(db: DeskDatabase): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 1)).then(async () => {
    for (const c of caches.get(db)?.values() ?? []) await c.storeQueue;
  });
}

/** How many whole months of `kind` are kept for `db` (for tests). */
export function keptMonths(db: DeskDatabase, kind: MonthKind<any> = VISIT_MONTHS): number {
  return [...(caches.get(db)?.get(kind as MonthKind<never>)?.parts.keys() ?? [])].filter((k) => !k.includes('|')).length;
}
