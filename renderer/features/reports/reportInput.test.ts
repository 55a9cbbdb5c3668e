/**
 * One document whose time does not read (stored before the schemas were strict, or by an older desk) must not take
 * the report down: it is left out and the rest is counted. Before `readableJson`, loadReport threw `time.invalid`.
 */
import { describe, expect, it } from 'vitest';
import { testDatabases } from '@shared/db/testDatabase';
import { monthOf } from '@shared/reports';
import { generateDataset } from '@shared/fixtures/generate';
import { loadReport } from './reportInput';

const ds = generateDataset({ size: 'tiny', anchor: '2026-02-20T15:00' });
const openDb = testDatabases();

describe('a report with one unreadable document', () => {
  it('leaves the document out and counts the rest', async () => {
    // validate: false stands in for a document that reached the database before the strict patterns
    const db = await openDb({ validate: false, devMode: false });
    const visits = ds.visits.filter((v) => v.timeIn.startsWith('2026-02'));
    expect(visits.length).toBeGreaterThan(3);
    await db.visits.bulkInsert(visits as never[]);
    await db.bookings.bulkInsert(ds.bookings.filter((b) => b.start.startsWith('2026-02')) as never[]);
    const good = await loadReport(db, monthOf('2026-02-10'), '2026-02-28T12:00');
    await db.visits.insert({ ...visits[0]!, id: 'visit-bad', timeIn: '2026-02-31T10:00' } as never);
    await db.bookings.insert({ ...ds.bookings.find((b) => b.start.startsWith('2026-02'))!, id: 'booking-bad', start: '2026-02-30T10:00' } as never);
    const withBad = await loadReport(db, monthOf('2026-02-10'), '2026-02-28T12:00');
    expect(withBad).toEqual(good);
  });
});
