/**
 * The backup's kept months (backupMonths.ts): a closed month's text from one backup is written again by the next only
 * while it provably holds, and the file made so is byte for byte the file made by reading every document. The store
 * here is two Maps that copy what they keep, as IndexedDB does; the desk's own store is IndexedDB (monthStore.ts),
 * and the worker that gzips the texts runs in Chromium (test/e2e/reports.spec.ts). The clock is moved on between
 * writes and backups: what was written within SINCE_MARGIN_MS of a backup is never trusted.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DeskDatabase } from '@shared/db';
import { testDatabases } from '@shared/db/testDatabase';
import { generateDataset } from '@shared/fixtures/generate';
import { docsText, readDatabasePieces } from '@shared/backup';
import { gzipBackupFile, type MonthText } from './backupGzip';
import { backupMonthsOf, keepBackupMonths, type BackupMonthStamp, type BackupMonthStore, type KeptBackupMonths } from './backupMonths';
import { SINCE_MARGIN_MS } from './visitMonths';

const NOW = '2026-12-05T15:00';
const ds = generateDataset({ size: 'small', anchor: NOW, years: 1 });
const openDb = testDatabases();
const meta = { appVersion: '0.1.0', createdAt: '2026-12-05T12:00:00.000Z' };

function memoryStore(): BackupMonthStore & { stampsKept: Map<string, BackupMonthStamp>; textsKept: Map<string, Uint8Array<ArrayBuffer>> } {
  const stampsKept = new Map<string, BackupMonthStamp>();
  const textsKept = new Map<string, Uint8Array<ArrayBuffer>>();
  return {
    stampsKept,
    textsKept,
    stamps: async () => [...stampsKept.values()].map((s) => structuredClone(s)),
    texts: async (keys) => keys.map((k) => textsKept.get(k)?.slice()),
    write: async (remove, put) => {
      for (const k of remove) {
        stampsKept.delete(k);
        textsKept.delete(k);
      }
      for (const { stamp, gz } of put) {
        if (!gz && !stampsKept.has(stamp.key)) continue; // a stamp alone only over a month still kept
        stampsKept.set(stamp.key, structuredClone(stamp));
        if (gz) textsKept.set(stamp.key, gz.slice());
      }
    },
  };
}

/** Moves the desk's clock on by more than the margin (RxDB never writes a time before one it wrote). */
const later = () => vi.setSystemTime(Date.now() + 2 * SINCE_MARGIN_MS);

async function desk(): Promise<{ db: DeskDatabase; store: ReturnType<typeof memoryStore>; kept: KeptBackupMonths }> {
  const db = await openDb();
  const store = memoryStore();
  const kept = keepBackupMonths(db, store);
  for (const n of ['settings', 'rooms', 'people', 'groups', 'bookings', 'series', 'items', 'loans', 'visits'] as const) await db[n].bulkInsert(ds[n] as never[]);
  later();
  return { db, store, kept };
}

/** The backup's text (gunzipped), with the desk's kept months or without. */
async function backupText(db: DeskDatabase, months: KeptBackupMonths | null): Promise<string> {
  const { data } = await gzipBackupFile(() => readDatabasePieces(db, { months }), meta);
  return gunzipSync(data).toString('utf8');
}

/** What a backup made now would keep (the worker gzips it in the desk: here node:zlib), kept. */
async function keepNow(db: DeskDatabase, kept: KeptBackupMonths): Promise<MonthText[]> {
  const readFrom = Date.now();
  const texts: MonthText[] = [];
  for await (const piece of readDatabasePieces(db)) {
    if (!('docs' in piece) || !piece.month || !kept.keeps(piece.collection, piece.month)) continue;
    const gz = new Uint8Array(gzipSync([...docsText(piece.docs)].join('')));
    texts.push({ collection: piece.collection, start: piece.month.start, end: piece.month.end, count: piece.docs.length, readFrom, gz });
  }
  await kept.keep(texts);
  await kept.settled();
  return texts;
}

describe('the backup keeps closed months and writes them again while they hold', () => {
  beforeAll(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 11, 5, 15, 0));
  });
  afterAll(() => {
    vi.useRealTimers();
  });

  it('the closed months are kept, used, and the file is byte for byte the one read whole', async () => {
    const { db, store, kept } = await desk();
    expect(backupMonthsOf(db)).toBe(kept);
    const texts = await keepNow(db, kept);
    // the closed months of visits and of loans (the demo's start in September); not December, the running month
    expect(texts.filter((t) => t.collection === 'visits').map((t) => t.start)).toEqual(['2026-09-01T00:00', '2026-10-01T00:00', '2026-11-01T00:00']);
    expect(texts.some((t) => t.collection === 'loans')).toBe(true);
    expect(store.stampsKept.size).toBe(texts.length);
    later();
    expect((await kept.proven('visits', Date.now())).map((m) => m.start)).toEqual(texts.filter((t) => t.collection === 'visits').map((t) => t.start));
    const read = vi.spyOn(db.visits.storageInstance, 'query');
    const withKept = await backupText(db, kept);
    // the visits read were the running month's only (the kept ones were not asked for)
    const asked = read.mock.calls.map(([q]) => JSON.stringify(q.query.selector)).filter((s) => s.includes('timeIn'));
    read.mockRestore();
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((s) => s.includes('2026-12-01T00:00') || s.includes('"$lt":"2026-09-01T00:00"'))).toBe(true);
    expect(withKept).toBe(await backupText(db, null));
    expect(JSON.parse(withKept).collections.visits.length).toBe(ds.visits.length);
  });

  it('a change this desk makes takes its month out of the store at once; the next file reads that month', async () => {
    const { db, store, kept } = await desk();
    await keepNow(db, kept);
    const visit = ds.visits.find((v) => v.timeIn.startsWith('2026-10'))!;
    await (await db.visits.findOne(visit.id).exec())!.incrementalPatch({ children: 9 } as never);
    await kept.settled();
    expect(store.stampsKept.has('visits|2026-10-01T00:00')).toBe(false);
    expect(store.textsKept.has('visits|2026-10-01T00:00')).toBe(false);
    expect(store.stampsKept.has('visits|2026-09-01T00:00')).toBe(true);
    later();
    const text = await backupText(db, kept);
    expect(text).toBe(await backupText(db, null));
    expect(JSON.parse(text).collections.visits.find((v: { id: string }) => v.id === visit.id).children).toBe(9);
  });

  it('writes the store never heard of (another window, a write just before the desk stopped): the month is read, not used', async () => {
    const { db, store, kept } = await desk();
    await keepNow(db, kept);
    const before = { stamps: new Map(store.stampsKept), texts: new Map(store.textsKept) };
    const inOctober = ds.visits.filter((v) => v.timeIn.startsWith('2026-10'));
    const inSeptember = ds.visits.filter((v) => v.timeIn.startsWith('2026-09'));
    const loan = ds.loans.find((l) => l.outAt.startsWith('2026-10'))!;
    await (await db.visits.findOne(inOctober[0]!.id).exec())!.incrementalPatch({ children: 9 } as never); // changed
    await (await db.visits.findOne(inSeptember[0]!.id).exec())!.incrementalPatch({ timeIn: '2026-12-02T10:00' } as never); // moved to the running month
    await (await db.visits.findOne(inSeptember[1]!.id).exec())!.remove(); // removed
    await (await db.loans.findOne(loan.id).exec())!.incrementalPatch({ dueAt: '2026-10-30T10:00' } as never);
    await kept.settled();
    // the store as it was before the writes: it did not hear them
    for (const [k, v] of before.stamps) store.stampsKept.set(k, v);
    for (const [k, v] of before.texts) store.textsKept.set(k, v);
    later();
    const proven = (await kept.proven('visits', Date.now())).map((m) => m.start);
    expect(proven).toEqual(['2026-11-01T00:00']);
    expect((await kept.proven('loans', Date.now())).map((m) => m.start)).toEqual(['2026-09-01T00:00', '2026-11-01T00:00']);
    expect(await backupText(db, kept)).toBe(await backupText(db, null));
  });

  it('a month that changed while its text was being made is not kept; one kept within the margin of a write to it is not used', async () => {
    const { db, store, kept } = await desk();
    const readFrom = Date.now();
    const visit = ds.visits.find((v) => v.timeIn.startsWith('2026-09'))!;
    await (await db.visits.findOne(visit.id).exec())!.incrementalPatch({ children: 3 } as never);
    await kept.keep([{ collection: 'visits', start: '2026-09-01T00:00', end: '2026-10-01T00:00', count: 1, readFrom, gz: new Uint8Array(gzipSync('{}')) }]);
    await kept.settled();
    expect(store.stampsKept.has('visits|2026-09-01T00:00')).toBe(false);
    // a text read at the time of a write to its month is not used (it may be older than the write)
    const texts = await keepNow(db, kept);
    expect(texts.some((t) => t.start === '2026-09-01T00:00')).toBe(true);
    expect((await kept.proven('visits', Date.now())).map((m) => m.start)).toEqual(['2026-10-01T00:00', '2026-11-01T00:00']);
    // not later either (its text may be older than the write); the next backup keeps it again, and that one holds
    later();
    expect((await kept.proven('visits', Date.now())).map((m) => m.start)).toEqual(['2026-10-01T00:00', '2026-11-01T00:00']);
    await keepNow(db, kept);
    later();
    expect((await kept.proven('visits', Date.now())).map((m) => m.start)).toEqual(['2026-09-01T00:00', '2026-10-01T00:00', '2026-11-01T00:00']);
  });

  it('privacy: when a loan in a kept month is changed (an erasure clears the borrower), its text leaves the store', async () => {
    const { db, store, kept } = await desk();
    await keepNow(db, kept);
    const loan = ds.loans.find((l) => l.outAt.startsWith('2026-10') && l.borrower.name)!;
    const key = 'loans|2026-10-01T00:00';
    expect(new TextDecoder().decode(gunzipSync(store.textsKept.get(key)!))).toContain(JSON.stringify(loan.borrower.name));
    await (await db.loans.findOne(loan.id).exec())!.incrementalPatch({ borrower: { ...loan.borrower, name: '', phone: '' } } as never);
    await kept.settled();
    expect(store.textsKept.has(key)).toBe(false);
    expect([...store.textsKept.values()].some((gz) => gunzipSync(gz).toString('utf8').includes(`"id":${JSON.stringify(loan.id)}`))).toBe(false);
  });
});
