import { afterEach, describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createDatabase, SETTINGS_ID, stampNew, type DeskDatabase, type VisitDoc } from '@shared/db';
import { defaultCentre } from '@shared/centre/validate';
import { visit } from '@shared/people/testDocs';
import { runRetention } from './useRetention';

const by = { desk: 'test-desk', volunteer: 'Анна' };
let db: DeskDatabase | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

describe('runRetention against a real RxDB database', () => {
  it('anonymises old visits only, keeps their counts, stamps who did it, and is idempotent', async () => {
    db = await createDatabase({ name: 'ret-' + Math.random().toString(36).slice(2), storage: getRxStorageMemory(), devMode: true });
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
});
