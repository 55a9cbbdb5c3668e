/**
 * A report made from kept month parts (visitMonths.ts) must be the report made from every visit, for any period,
 * and stay so after an edit, a move to another month, a removal, a merge of two people and a retention run in a
 * month that was kept. The reference counts the plain visits with computeReport's own loop.
 */
import { describe, expect, it, vi } from 'vitest';
import { stampChange, SETTINGS_ID, type DeskDatabase } from '@shared/db';
import { testDatabases } from '@shared/db/testDatabase';
import { generateDataset } from '@shared/fixtures/generate';
import { comparisonFor, computeReport, customPeriod, monthOf, quarterOf, reportReadRange, visitSegments, yearOf, type Period, type ReportVisit, type TimeRange, type VisitPart } from '@shared/reports';
import { assembleReport, loadReportData, reportInputOf, type ReportData } from './reportInput';
import { keptMonths, LOAN_MONTHS, readVisitParts, warmVisitMonths, watchVisitParts } from './visitMonths';
import { loansOfReport } from '@shared/reports/testing';
import { runRetention } from '../visitors/useRetention';

const NOW = '2026-12-05T15:00';
const ds = generateDataset({ size: 'tiny', anchor: NOW, years: 2 });
const openDb = testDatabases();
const author = { desk: 'test', volunteer: 'Тест' };

async function loaded(): Promise<DeskDatabase> {
  const db = await openDb();
  for (const name of ['settings', 'rooms', 'people', 'groups', 'bookings', 'series', 'items', 'loans', 'visits'] as const) {
    await db[name].bulkInsert(ds[name] as never[]);
  }
  return db;
}

const periods: Period[] = [
  yearOf('2026-11-01'), // running on NOW: Jan 1 – Dec 5 against the same days of 2025
  yearOf('2025-06-01'),
  monthOf('2026-03-01'),
  quarterOf('2025-02-01'),
  customPeriod('2025-03-17', '2026-02-03'),
];

/** The reference: the same report with every visit and loan counted one by one, no parts. */
const fromEveryVisit = async (db: DeskDatabase, data: ReportData, visits: ReportVisit[], current: Period, previous?: Period) => {
  const loans = (await db.loans.find().exec()).map((d) => d.toMutableJSON());
  return computeReport({ ...reportInputOf(data, current, NOW, previous), visitParts: [], visits, loanParts: [], loans: loansOfReport(loans, current, previous), openLoans: loans }, current, previous);
};

/** Both ways: the parts (kept months + the rest read) and every visit of the database counted one by one. */
async function bothWays(db: DeskDatabase, p: Period): Promise<void> {
  const { current, previous } = comparisonFor(p, NOW.slice(0, 10));
  const data = await loadReportData(db, current, NOW, previous);
  const visits = (await db.visits.find().exec()).map((d) => d.toJSON() as ReportVisit);
  const fromParts = assembleReport(data, current, NOW, previous);
  const fromVisits = await fromEveryVisit(db, data, visits, current, previous);
  expect(fromVisits.current.visits.entries + fromVisits.previous.visits.entries).toBeGreaterThan(0);
  expect(fromVisits.current.loans.made + fromVisits.previous.loans.made).toBeGreaterThan(0);
  expect(fromParts).toEqual(fromVisits);
}

const checkAll = async (db: DeskDatabase) => {
  for (const p of periods) await bothWays(db, p);
};

describe('report visits from kept months', () => {
  it('equal the report from every visit, before and after edits, moves, removals, merges and retention', async () => {
    const db = await loaded();
    await checkAll(db);
    expect(keptMonths(db)).toBeGreaterThan(10);
    await checkAll(db); // now from the kept months

    const inMarch = await db.visits.find({ selector: { timeIn: { $gte: '2026-03-01T00:00', $lt: '2026-04-01T00:00' } } }).exec();
    const [a, b, c] = inMarch;
    // an edit: two more children
    await a!.incrementalPatch(stampChange({ children: (a!.children ?? 0) + 2 }, author));
    await checkAll(db);
    // a move to another month (a corrected sign-in date)
    await b!.incrementalPatch(stampChange({ timeIn: '2026-05-12T11:00', timeOut: '2026-05-12T12:00' }, author));
    await checkAll(db);
    // a removal
    await c!.remove();
    await checkAll(db);
    // a merge: one person's visits now count for another
    const people = inMarch.map((v) => v.personId).filter((id): id is string => !!id);
    const [from, into] = [...new Set(people)];
    await (await db.people.findOne(from!).exec())!.incrementalPatch(stampChange({ mergedInto: into! }, author));
    await checkAll(db);
    // loans in a kept month: one comes back, one's time out is corrected into another month, one is removed
    const loansInMarch = await db.loans.find({ selector: { outAt: { $gte: '2025-03-01T00:00', $lt: '2025-04-01T00:00' } } }).exec();
    expect(keptMonths(db, LOAN_MONTHS)).toBeGreaterThan(10);
    const open = loansInMarch.find((l) => l.status === 'open') ?? loansInMarch[0]!;
    await open.incrementalPatch(stampChange({ status: 'returned', returnedAt: '2025-03-28T17:00' }, author));
    await checkAll(db);
    const others = loansInMarch.filter((l) => l.id !== open.id);
    await others[0]!.incrementalPatch(stampChange({ outAt: '2025-07-02T10:00', dueAt: '2025-07-09T10:00' }, author));
    await checkAll(db);
    await others[1]!.remove();
    await checkAll(db);
    // in the stretches that are not whole months (kept too): a visit at the custom period's end, a loan after the
    // compared period's end, in its month
    const running = await db.visits.find({ selector: { timeIn: { $gte: '2026-02-01T00:00', $lt: '2026-02-04T00:00' } } }).exec();
    expect(running.length).toBeGreaterThan(0);
    await running[0]!.incrementalPatch(stampChange({ adults: (running[0]!.adults ?? 0) + 3 }, author));
    await checkAll(db);
    const afterCompared = await db.loans.find({ selector: { outAt: { $gte: '2025-12-06T00:00', $lt: '2026-01-01T00:00' } } }).exec();
    expect(afterCompared.length).toBeGreaterThan(1);
    await afterCompared[0]!.incrementalPatch(stampChange({ status: 'returned', returnedAt: '2026-01-05T12:00' }, author));
    await checkAll(db);
    await afterCompared[1]!.incrementalPatch(stampChange({ outAt: '2025-12-02T10:00', dueAt: '2025-12-09T10:00' }, author));
    await checkAll(db);
    // retention: every visit older than 200 days loses its person (and keeps a visitor key)
    await (await db.settings.findOne(SETTINGS_ID).exec())!.incrementalPatch({ retentionDays: 200 });
    expect(await runRetention(db, author, new Date('2026-12-05T12:00:00Z'))).toBeGreaterThan(0);
    await checkAll(db);
  });

  it('keeps the months of two years when warmed, and a report then reads the same', async () => {
    const db = await loaded();
    await new Promise<void>((resolve) => {
      warmVisitMonths(db, '2025-01-01T00:00', '2026-12-01T00:00');
      const check = setInterval(() => {
        if (keptMonths(db) === 23) {
          clearInterval(check);
          resolve();
        }
      }, 10);
    });
    await checkAll(db);
  });

  it('a month being read is read once for two readers, and not shared with a reader that comes after a change to it', async () => {
    const db = await loaded();
    const march: TimeRange = { start: '2026-03-01T00:00', end: '2026-04-01T00:00' };
    const [visit] = await db.visits.find({ selector: { timeIn: { $gte: march.start, $lt: march.end } } }).exec();
    const original = db.visits.storageInstance.query.bind(db.visits.storageInstance);
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const query = vi.spyOn(db.visits.storageInstance, 'query').mockImplementation(async (q) => {
      const answer = await original(q);
      await gate; // read now, answered when the test lets it go: in flight while the visit changes
      return answer;
    });
    const children = (parts: VisitPart[]) => parts.reduce((n, p) => n + p.children, 0);
    const first = readVisitParts(db, [march]);
    const second = readVisitParts(db, [march]);
    await new Promise((r) => setTimeout(r, 0));
    expect(query).toHaveBeenCalledTimes(1);
    await visit!.incrementalPatch(stampChange({ children: (visit!.children ?? 0) + 4 }, author));
    const third = readVisitParts(db, [march]);
    await new Promise((r) => setTimeout(r, 0));
    expect(query).toHaveBeenCalledTimes(2); // after the change: a read of its own
    open();
    const [a, b, c] = await Promise.all([first, second, third]);
    expect(b).toEqual(a);
    expect(children(c)).toBe(children(a) + 4);
    query.mockRestore();
    expect(children(await readVisitParts(db, [march]))).toBe(children(c)); // the part kept is the one read after the change
  });

  it('a stretch that is not a whole month is kept until a change to its month, and then read again', async () => {
    const db = await loaded();
    const days: TimeRange = { start: '2026-03-05T00:00', end: '2026-03-19T00:00' };
    const query = vi.spyOn(db.visits.storageInstance, 'query');
    // the reads of the stretch itself (the test's own finds go to the storage too)
    const reads = () => query.mock.calls.filter(([q]) => (q.query.selector as { timeIn?: { $gte?: string } }).timeIn?.$gte === days.start).length;
    const entries = async () => (await readVisitParts(db, [days]))[0]!.entries;
    const before = await entries();
    expect(before).toBeGreaterThan(0);
    expect(await entries()).toBe(before);
    expect(reads()).toBe(1);
    // a change in another month does not drop it; one elsewhere in its month (not in the stretch) does
    const [april] = await db.visits.find({ selector: { timeIn: { $gte: '2026-04-01T00:00', $lt: '2026-05-01T00:00' } } }).exec();
    await april!.incrementalPatch(stampChange({ children: (april!.children ?? 0) + 1 }, author));
    expect(await entries()).toBe(before);
    expect(reads()).toBe(1);
    const [elsewhere] = await db.visits.find({ selector: { timeIn: { $gte: '2026-03-25T00:00', $lt: '2026-04-01T00:00' } } }).exec();
    await elsewhere!.incrementalPatch(stampChange({ children: (elsewhere!.children ?? 0) + 1 }, author));
    expect(await entries()).toBe(before);
    expect(reads()).toBe(2);
    const [inside] = await db.visits.find({ selector: { timeIn: { $gt: days.start, $lt: days.end } } }).exec();
    await inside!.remove();
    expect(await entries()).toBe(before - 1);
    expect(reads()).toBe(3);
    query.mockRestore();
  });

  it('a watcher of kept months hears an edit with the month already dropped, and the report follows it', async () => {
    const db = await loaded();
    const { current, previous } = comparisonFor(yearOf('2026-11-01'), NOW.slice(0, 10));
    const answers: VisitPart[][] = [];
    let heard: () => void = () => undefined;
    const stop = watchVisitParts(db, visitSegments(current, previous), reportReadRange(current, previous), (parts) => {
      answers.push(parts);
      heard();
    }, (e) => {
      throw e;
    });
    const next = () => new Promise<void>((resolve) => (heard = resolve));
    await next();
    expect(keptMonths(db)).toBeGreaterThan(5); // the watcher's own first read kept them
    const data = await loadReportData(db, current, NOW, previous);
    const entries = (parts: VisitPart[]) => parts.reduce((n, p) => n + p.children, 0);
    const before = entries(answers[0]!);
    const [visit] = await db.visits.find({ selector: { timeIn: { $gte: '2026-03-01T00:00', $lt: '2026-04-01T00:00' } } }).exec();
    const changed = next();
    await visit!.incrementalPatch(stampChange({ children: (visit!.children ?? 0) + 3 }, author));
    await changed;
    stop();
    expect(entries(answers.at(-1)!)).toBe(before + 3);
    const visits = (await db.visits.find().exec()).map((d) => d.toJSON() as ReportVisit);
    expect(assembleReport({ ...data, visitParts: answers.at(-1)! }, current, NOW, previous)).toEqual(await fromEveryVisit(db, data, visits, current, previous));
  });
});
