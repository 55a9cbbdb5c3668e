import { afterEach, describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createDatabase, type DeskDatabase } from '@shared/db';
import { visit } from '@shared/people/testDocs';
import { daysSince, inBuildingFrom } from '@shared/visits/time';
import { openVisitsQuery } from './hooks';

let db: DeskDatabase | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

describe('"in the building now" against a real RxDB database', () => {
  const now = new Date(2026, 2, 4, 11, 0); // 4 March 2026, 11:00 local

  it('lists open visits of today, yesterday and the day before; not closed ones, not stale ones', async () => {
    db = await createDatabase({ name: 'inb-' + Math.random().toString(36).slice(2), storage: getRxStorageMemory(), devMode: true });
    await db.visits.bulkInsert([
      visit('stale', { timeIn: '2026-03-01T23:59', name: 'Давно забыт' }),
      visit('day-before', { timeIn: '2026-03-02T00:00', name: 'Позавчера' }),
      visit('yesterday', { timeIn: '2026-03-03T19:30', name: 'Вчера вечером' }),
      visit('gone', { timeIn: '2026-03-04T09:00', timeOut: '2026-03-04T10:00', name: 'Ушла' }),
      visit('today', { timeIn: '2026-03-04T10:30', name: 'Сегодня' }),
    ]);
    const open = await openVisitsQuery(db, inBuildingFrom(now)).exec();
    expect(open.map((v) => v.id)).toEqual(['day-before', 'yesterday', 'today']);
    expect(open.map((v) => daysSince(v.timeIn, now))).toEqual([2, 1, 0]);
  });

  it('runs on the timeIn index (a range, not a scan of every visit)', async () => {
    db = await createDatabase({ name: 'inb-' + Math.random().toString(36).slice(2), storage: getRxStorageMemory(), devMode: true });
    const plan = openVisitsQuery(db, inBuildingFrom(now)).getPreparedQuery().queryPlan;
    expect(plan.index).toContain('timeIn');
    expect(plan.startKeys).toContain('2026-03-02T00:00');
    // The old selector ({ timeOut: '' } alone) read the whole index from the first visit ever logged.
    expect(db.visits.find({ selector: { timeOut: '' } }).getPreparedQuery().queryPlan.startKeys).not.toContain('2026-03-02T00:00');
  });
});
