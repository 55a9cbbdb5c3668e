/**
 * Report months kept across a restart (visitMonths.ts `keepMonthsOnDisk`): after the desk's database is opened
 * again, a whole month's stored part is used only while it provably holds, and a report made from the store equals
 * the report made from every visit after edits, moves and removals that the store never heard of (another window,
 * a write just before the desk stopped). The store here is a Map that copies what it keeps, as IndexedDB does
 * (structured clone); the desk's own store is IndexedDB (monthStore.ts), exercised by the e2e of the Reports page.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { stampChange, type DeskDatabase } from '@shared/db';
import { testDatabases } from '@shared/db/testDatabase';
import { generateDataset } from '@shared/fixtures/generate';
import { comparisonFor, computeReport, isWholeMonth, loanSegments, monthKey, nextMonthStart, visitSegments, yearOf, type LoanPart, type ReportVisit, type VisitPart } from '@shared/reports';
import { loansOfReport } from '@shared/reports/testing';
import { assembleReport, loadReportData, reportInputOf } from './reportInput';
import { keepMonthsOnDisk, LOAN_MONTHS, PART_FORMAT, readParts, readVisitParts, SINCE_MARGIN_MS, storedMonthsSettled, type MonthStore, type StoredMonth } from './visitMonths';

const NOW = '2026-12-05T15:00';
const ds = generateDataset({ size: 'tiny', anchor: NOW, years: 2 });
const openDb = testDatabases();
const author = { desk: 'test', volunteer: 'Тест' };
const { current, previous } = comparisonFor(yearOf('2026-11-01'), NOW.slice(0, 10));
const segments = visitSegments(current, previous);
const wholeMonths = segments.filter((r) => r.start.endsWith('-01T00:00') && r.end.endsWith('-01T00:00'));

function mapStore<P = VisitPart>(): MonthStore<P> & { months: Map<string, StoredMonth<P>> } {
  const months = new Map<string, StoredMonth<P>>();
  return {
    months,
    stamps: async () => [...months.values()].map(({ part: _part, ...stamp }) => structuredClone(stamp)),
    parts: async (starts) => starts.map((s) => (months.has(s) ? structuredClone(months.get(s)!.part) : undefined)),
    write: async (clear, remove, put) => {
      if (clear) months.clear();
      for (const s of remove) months.delete(s);
      for (const m of put) months.set(m.start, structuredClone(m));
    },
  };
}

let dbNumber = 0;
/** A desk database with the dataset, and a function that opens the same database again (a restart). */
async function desk(): Promise<{ db: DeskDatabase; restart: (store?: MonthStore, loanStore?: MonthStore<LoanPart>) => Promise<DeskDatabase> }> {
  const name = `months-${process.pid}-${++dbNumber}`;
  let db = await openDb({ name });
  for (const n of ['settings', 'rooms', 'people', 'groups', 'bookings', 'series', 'items', 'loans', 'visits'] as const) await db[n].bulkInsert(ds[n] as never[]);
  // the data was written a while ago (a part read within SINCE_MARGIN_MS of a write to its month is never trusted)
  vi.setSystemTime(Date.now() + 2 * SINCE_MARGIN_MS);
  return {
    db,
    restart: async (store, loanStore) => {
      await storedMonthsSettled(db);
      await db.close();
      db = await openDb({ name });
      if (store) keepMonthsOnDisk(db, store);
      if (loanStore) keepMonthsOnDisk(db, loanStore, LOAN_MONTHS);
      return db;
    },
  };
}

/** A desk whose year (and the year before) has been read once, with every whole month in a store of its own. */
async function storedDesk() {
  const store = mapStore();
  const { db, restart } = await desk();
  keepMonthsOnDisk(db, store);
  await readVisitParts(db, segments);
  await storedMonthsSettled(db);
  return { store, db, restart };
}

/** The year's report from the parts (kept, stored or read), and from every visit counted one by one. */
async function bothWays(db: DeskDatabase) {
  const data = await loadReportData(db, current, NOW, previous);
  const visits = (await db.visits.find().exec()).map((d) => d.toJSON() as ReportVisit);
  const loans = (await db.loans.find().exec()).map((d) => d.toMutableJSON());
  const fromVisits = computeReport({ ...reportInputOf(data, current, NOW, previous), visitParts: [], visits, loanParts: [], loans: loansOfReport(loans, current, previous), openLoans: loans }, current, previous);
  expect(fromVisits.current.visits.entries).toBeGreaterThan(0);
  expect(assembleReport(data, current, NOW, previous)).toEqual(fromVisits);
}

/** Which whole months `readVisitParts` read from the visits (not from the store). */
async function monthsRead(db: DeskDatabase): Promise<string[]> {
  const query = vi.spyOn(db.visits.storageInstance, 'query');
  try {
    await readVisitParts(db, segments);
    const starts = query.mock.calls.map(([q]) => String((q.query.selector as { timeIn?: { $gte: string } }).timeIn?.$gte));
    return wholeMonths.map((r) => r.start).filter((s) => starts.includes(s));
  } finally {
    query.mockRestore();
  }
}

const loanMonths = loanSegments(current, previous).filter(isWholeMonth);

/** Which whole months the loans' parts were read for from the loans (not from the store). */
async function loanMonthsRead(db: DeskDatabase): Promise<string[]> {
  const query = vi.spyOn(db.loans.storageInstance, 'query');
  try {
    await readParts(db, LOAN_MONTHS, loanSegments(current, previous));
    const starts = query.mock.calls.map(([q]) => String((q.query.selector as { outAt?: { $gte: string } }).outAt?.$gte));
    return loanMonths.map((r) => r.start).filter((s) => starts.includes(s));
  } finally {
    query.mockRestore();
  }
}

const monthOfVisit = (start: string) => ({ selector: { timeIn: { $gte: start, $lt: nextMonthStart(start) } } });

describe('report months kept across a restart', () => {
  // one clock for every test, only ever moved forward (RxDB never writes a time before one it wrote)
  beforeAll(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
  });
  afterAll(() => {
    vi.useRealTimers();
  });

  it('are used after a restart: no whole month is read again, and the report is the one from every visit', async () => {
    const store = mapStore();
    const { db, restart } = await desk();
    keepMonthsOnDisk(db, store);
    expect(wholeMonths.length).toBeGreaterThan(20); // the year and the year before it, but the running month
    expect(await monthsRead(db)).toEqual(wholeMonths.map((r) => r.start));
    await storedMonthsSettled(db);
    expect(store.months.size).toBe(wholeMonths.length);
    const again = await restart(store);
    expect(await monthsRead(again)).toEqual([]);
    await bothWays(again);
  });

  it('a month changed where the store did not hear it is read again: an edit, a move out and in, a removal; the others are not', async () => {
    const { store, restart } = await storedDesk();
    // the same database opened without the store: writes the store never hears (another window, say)
    const other = await restart();
    // three months with visits, and a fourth the moved visit goes to
    const visited = [...new Set((await other.visits.find().exec()).map((v) => monthKey(v.timeIn)))].filter((m) => wholeMonths.some((r) => r.start === m)).sort();
    expect(visited.length).toBeGreaterThan(8);
    const [editIn, moveFrom, moveTo, removeIn] = [visited[1]!, visited[3]!, visited[5]!, visited[7]!];
    const first = async (month: string) => (await other.visits.find(monthOfVisit(month)).exec())[0]!;
    const edited = await first(editIn);
    await edited.incrementalPatch(stampChange({ children: (edited.children ?? 0) + 2 }, author));
    const moved = await first(moveFrom);
    await moved.incrementalPatch(stampChange({ timeIn: `${moveTo.slice(0, 8)}12T11:00`, timeOut: `${moveTo.slice(0, 8)}12T12:00` }, author));
    await (await first(removeIn)).remove();
    expect(store.months.size).toBe(wholeMonths.length); // still all there: only the check can catch them
    const again = await restart(store);
    expect((await monthsRead(again)).sort()).toEqual([editIn, moveFrom, moveTo, removeIn]);
    await bothWays(again);
  });

  it('loans too: their months are used after a restart, and one changed where the store did not hear it is read again', async () => {
    const store = mapStore();
    const loanStore = mapStore<LoanPart>();
    const { db, restart } = await desk();
    keepMonthsOnDisk(db, store);
    keepMonthsOnDisk(db, loanStore, LOAN_MONTHS);
    expect(loanMonths.length).toBeGreaterThan(20); // the year, the year before and the look-back's whole months
    expect(await loanMonthsRead(db)).toEqual(loanMonths.map((r) => r.start));
    await storedMonthsSettled(db);
    expect(loanStore.months.size).toBe(loanMonths.length);
    const again = await restart(store, loanStore);
    expect(await loanMonthsRead(again)).toEqual([]);
    await bothWays(again);
    // writes the store never hears: a loan comes back, one's time out is corrected into another month, one is removed
    const other = await restart();
    const lent = [...new Set((await other.loans.find().exec()).map((l) => monthKey(l.outAt)))].filter((m) => loanMonths.some((r) => r.start === m)).sort();
    expect(lent.length).toBeGreaterThan(8);
    const [returnIn, moveFrom, moveTo, removeIn] = [lent[1]!, lent[3]!, lent[5]!, lent[7]!];
    const first = async (month: string) => (await other.loans.find({ selector: { outAt: { $gte: month, $lt: nextMonthStart(month) } } }).exec())[0]!;
    const back = await first(returnIn);
    await back.incrementalPatch(stampChange({ status: 'returned', returnedAt: `${returnIn.slice(0, 8)}20T17:00` }, author));
    const moved = await first(moveFrom);
    await moved.incrementalPatch(stampChange({ outAt: `${moveTo.slice(0, 8)}12T11:00`, dueAt: `${moveTo.slice(0, 8)}19T11:00` }, author));
    await (await first(removeIn)).remove();
    const third = await restart(store, loanStore);
    expect((await loanMonthsRead(third)).sort()).toEqual([returnIn, moveFrom, moveTo, removeIn]);
    await bothWays(third);
  });

  it('a change the desk hears takes its month out of the store at once', async () => {
    const { store, db } = await storedDesk();
    const [visit] = await db.visits.find(monthOfVisit('2026-02-01T00:00')).exec();
    await visit!.incrementalPatch(stampChange({ timeIn: '2026-04-03T10:00', timeOut: '2026-04-03T11:00' }, author));
    await storedMonthsSettled(db);
    expect(store.months.has('2026-02-01T00:00')).toBe(false);
    expect(store.months.has('2026-04-01T00:00')).toBe(false);
    expect(store.months.has('2026-03-01T00:00')).toBe(true);
  });

  it('a part from another counting version, or from a clock that has since gone back, is not used', async () => {
    const { store, restart } = await storedDesk();
    const [a, b] = wholeMonths.map((r) => r.start);
    store.months.get(a!)!.format = PART_FORMAT + 1;
    store.months.get(b!)!.since = Date.now() + SINCE_MARGIN_MS; // read "later" than now
    const again = await restart(store);
    expect(await monthsRead(again)).toEqual([a, b]);
    await bothWays(again);
  });

  it('a month proven long after it was stored is stored again with the time of the check; many writes since: the months are read', async () => {
    const { store, restart } = await storedDesk();
    const [a] = wholeMonths.map((r) => r.start);
    vi.setSystemTime(Date.now() + 3 * 24 * 3_600_000);
    const again = await restart(store);
    expect(await monthsRead(again)).toEqual([]);
    await storedMonthsSettled(again);
    expect(store.months.get(a!)!.since).toBeGreaterThan(Date.now() - 2 * SINCE_MARGIN_MS);
    // a first sync's worth of visits written since (in months the report does not show): the store is not looked at
    const template = (await again.visits.find().exec())[0]!.toJSON();
    await again.visits.bulkInsert(Array.from({ length: 5_001 }, (_, i) => ({ ...template, id: `v-many-${i}`, timeIn: '2020-03-02T10:00', timeOut: '2020-03-02T11:00' })) as never[]);
    vi.setSystemTime(Date.now() + 2 * SINCE_MARGIN_MS);
    const third = await restart(store);
    expect(await monthsRead(third)).toEqual(wholeMonths.map((r) => r.start));
    await bothWays(third);
  });
});
