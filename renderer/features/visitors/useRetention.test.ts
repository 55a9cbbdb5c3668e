import { describe, expect, it } from 'vitest';
import { SETTINGS_ID, stampNew, type VisitDoc } from '@shared/db';
import { testDatabases } from '@shared/db/testDatabase';
import { defaultCentre } from '@shared/centre/validate';
import { visit } from '@shared/people/testDocs';
import { runRetention, type RetentionMark, type RetentionMarkStore } from './useRetention';

const by = { desk: 'test-desk', volunteer: 'Анна' };
const openDb = testDatabases();

describe('runRetention against a real RxDB database', () => {
  it('anonymises old visits only, keeps their counts, stamps who did it, and is idempotent', async () => {
    const db = await openDb();
    const now = new Date(2026, 10, 22, 9, 0);
    await db.visits.bulkInsert([
      visit('old', { timeIn: '2026-08-01T10:00', personId: 'p1', adults: 2, children: 3, notes: 'Иван' }),
      visit('recent', { timeIn: '2026-11-20T10:00', name: 'Мария' }),
    ]);
    expect(await runRetention(db, by, now)).toBe(0); // no settings: keep forever
    await db.settings.insert(stampNew({ ...defaultCentre(), retentionDays: 30 }, by, SETTINGS_ID));
    expect(await runRetention(db, by, now)).toBe(1);
    const old = (await db.visits.findOne('old').exec())!.toJSON() as VisitDoc;
    expect(old).toMatchObject({ personId: '', name: '', notes: '', anonymised: true, adults: 2, children: 3, purpose: 'visit', timeIn: '2026-08-01T10:00' });
    expect(old.updatedBy).toEqual(by);
    expect((await db.visits.findOne('recent').exec())!.name).toBe('Мария');
    expect(await runRetention(db, by, now)).toBe(0);
  });

  it('with a mark reads only visits that crossed the cut-off since the last run; a weekly or new-period full pass reads them all', async () => {
    const db = await openDb();
    let saved: RetentionMark | null = null;
    const marks: RetentionMarkStore = { get: () => saved, set: (m) => void (saved = m) };
    await db.settings.insert(stampNew({ ...defaultCentre(), retentionDays: 30 }, by, SETTINGS_ID));
    await db.visits.bulkInsert([visit('aug', { timeIn: '2026-08-01T10:00', name: 'Иван' }), visit('oct', { timeIn: '2026-10-23T18:00', name: 'Олег' })]);
    const day = (d: number) => new Date(2026, 10, d, 9, 0);
    expect(await runRetention(db, by, day(22), marks)).toBe(1); // first run: a full pass
    expect(saved).toMatchObject({ days: 30, before: '2026-10-23' });
    // a correction puts a name back on the old visit: the next incremental run does not read that far back …
    await (await db.visits.findOne('aug').exec())!.incrementalPatch({ name: 'Иван', anonymised: false });
    expect(await runRetention(db, by, day(24), marks)).toBe(1); // … only the visit of 23 Oct, now past the cut-off
    expect((await db.visits.findOne('oct').exec())!.anonymised).toBe(true);
    expect((await db.visits.findOne('aug').exec())!.name).toBe('Иван');
    // … the weekly full pass does
    expect(await runRetention(db, by, day(30), marks)).toBe(1);
    expect((await db.visits.findOne('aug').exec())!.name).toBe('');
    // a new period starts over with a full pass
    await (await db.visits.findOne('aug').exec())!.incrementalPatch({ name: 'Иван', anonymised: false });
    await (await db.settings.findOne(SETTINGS_ID).exec())!.incrementalPatch({ retentionDays: 60 });
    expect(await runRetention(db, by, day(30), marks)).toBe(1);
    expect(saved).toMatchObject({ days: 60, before: '2026-10-01' });
  });
});
