/**
 * A report's visits, read as parts (shared/reports/visitParts.ts): each whole calendar month is summed up once and
 * kept for the database while none of its visits changes; the stretches that are not a whole month (a running
 * month, a custom range's ends) are read every time. A year's report against the year before read ~120,000 visits
 * on every click (2.1–2.9 s, docs/performance.md); with its months kept, a click reads only the running month.
 *
 * Exact: every write to the visits (this desk's, a pull from the server, another tab's, retention, an erasure)
 * comes through the collection's change stream, and a change drops the part of the month the visit is in now and of
 * the month it was in before; an update that does not say what it was before drops every part. A month read while
 * one of its visits changed is used for that report but not kept. Reads go to the storage (no RxDB documents, no
 * query cache holding a month of visits) and leave out a document whose times do not read, as every read does.
 */
import { collectionChanges, readableDocs, type DeskDatabase } from '@shared/db';
import { isWholeMonth, monthKey, nextMonthStart, summariseVisits, type ReportVisit, type TimeRange, type VisitPart } from '@shared/reports';

interface MonthCache {
  parts: Map<string, VisitPart>;
  /**
   * Whole months being read now: a second reader waits for the same read. A change to the month drops its read from
   * here, so a read still here when it ends saw no change since it began, and its part is kept.
   */
  reading: Map<string, Promise<VisitPart>>;
  /** Told of each change after the parts it touches were dropped (watchVisitParts), never before. */
  listeners: Set<(change: VisitChange) => void>;
}

/** A visit's sign-in time after and before a change (`before` undefined: not known, so any month may be touched). */
interface VisitChange {
  after: unknown;
  before: unknown;
  known: boolean;
}

const caches = new WeakMap<DeskDatabase, MonthCache>();

function cacheOf(db: DeskDatabase): MonthCache {
  let cache = caches.get(db);
  if (cache) return cache;
  const c: MonthCache = { parts: new Map(), reading: new Map(), listeners: new Set() };
  collectionChanges(db.visits).subscribe((event) => {
    const before = event.previousDocumentData as { timeIn?: unknown } | undefined;
    const change = { after: (event.documentData as { timeIn?: unknown } | undefined)?.timeIn, before: before?.timeIn, known: !(event.operation === 'UPDATE' && !before) };
    if (!change.known) {
      c.parts.clear();
      c.reading.clear();
    } else {
      for (const t of [change.after, change.before]) {
        if (typeof t !== 'string') continue;
        c.parts.delete(monthKey(t));
        c.reading.delete(monthKey(t)); // a read that began before this change is neither shared nor kept
      }
    }
    for (const listener of c.listeners) listener(change);
  });
  caches.set(db, (cache = c));
  return cache;
}

/** The visits whose sign-in falls in `range`, plain, straight from the storage (deleted ones are not returned). */
async function readVisits(db: DeskDatabase, range: TimeRange): Promise<ReportVisit[]> {
  const query = db.visits.find({ selector: { timeIn: { $gte: range.start, $lt: range.end } } });
  const { documents } = await db.visits.storageInstance.query(query.getPreparedQuery());
  return readableDocs('visits', documents as unknown as ReportVisit[]);
}

/** The parts of `segments` (visitSegments): kept whole months as they are, the rest read now. */
export async function readVisitParts(db: DeskDatabase, segments: readonly TimeRange[]): Promise<VisitPart[]> {
  const cache = cacheOf(db);
  return Promise.all(
    segments.map(async (range) => {
      if (!isWholeMonth(range)) return summariseVisits(await readVisits(db, range), range);
      const kept = cache.parts.get(range.start) ?? cache.reading.get(range.start);
      if (kept) return kept;
      const reading = readVisits(db, range).then((visits) => summariseVisits(visits, range));
      cache.reading.set(range.start, reading);
      try {
        const part = await reading;
        if (cache.reading.get(range.start) === reading) cache.parts.set(range.start, part); // no change since it began
        return part;
      } finally {
        if (cache.reading.get(range.start) === reading) cache.reading.delete(range.start);
      }
    }),
  );
}

/**
 * The parts of `segments`, now and after every change of a visit whose sign-in (after or before the change) falls in
 * `range` (a change whose before is not known counts). Changes that arrive while a read runs are answered by one
 * more read. The watcher hears a change only after the kept parts it touches are dropped. Returns the function that
 * stops it.
 */
export function watchVisitParts(db: DeskDatabase, segments: readonly TimeRange[], range: TimeRange, onData: (parts: VisitPart[]) => void, onError: (e: unknown) => void): () => void {
  const cache = cacheOf(db);
  let live = true;
  let running = false;
  let again = false;
  const read = () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    readVisitParts(db, segments).then(
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
  const listener = (change: VisitChange) => {
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
export function warmVisitMonths(db: DeskDatabase, from: string, to: string): () => void {
  let stopped = false;
  const months: TimeRange[] = [];
  for (let t = monthKey(from); t < to; t = nextMonthStart(t)) months.push({ start: t, end: nextMonthStart(t) });
  const idle = (run: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 2000 }) : setTimeout(run, 20));
  const step = (i: number) => {
    if (stopped || i >= months.length) return;
    idle(() => {
      if (!stopped) readVisitParts(db, [months[i]!]).then(() => step(i + 1), () => undefined);
    });
  };
  step(0);
  return () => {
    stopped = true;
  };
}

/** How many whole months are kept for `db` (for tests). */
export function keptMonths(db: DeskDatabase): number {
  return caches.get(db)?.parts.size ?? 0;
}
