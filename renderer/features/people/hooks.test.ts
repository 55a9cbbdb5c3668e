import { afterEach, describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createDatabase, type DeskDatabase } from '@shared/db';
import { booking, conflict, group, loan, person, series, visit } from '@shared/people/testDocs';
import { eraseInDb, mergeInDb, nameMatchesInDb } from './hooks';

const by = { desk: 'desk-2', volunteer: 'Ольга' };
let db: DeskDatabase | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

async function seed(): Promise<DeskDatabase> {
  const d = await createDatabase({ name: 'ppl-' + Math.random().toString(36).slice(2), storage: getRxStorageMemory(), devMode: true });
  await d.people.bulkInsert([person('a', 'Анна Петрова', { phone: '+7 900 000-11-22' }), person('b', 'Анна П.', { email: 'anna@example.org' }), person('c', 'Сергей')]);
  await d.visits.bulkInsert([visit('v1', { personId: 'a', adults: 1 }), visit('v2', { personId: 'b', children: 2 }), visit('v3', { personId: 'c' })]);
  await d.loans.bulkInsert([loan('l1', 'b')]);
  await d.bookings.bulkInsert([booking('bk1', 'b')]);
  await d.groups.bulkInsert([group('g1', 'Хор', { memberIds: ['b', 'c'], contactPersonId: 'b', contactName: 'Анна П.' })]);
  return d;
}

const all = async <T,>(q: { exec(): Promise<{ toJSON(): unknown }[]> }) => (await q.exec()).map((d) => d.toJSON() as T);

describe('merge and erase written to a real RxDB database (schema-validated)', () => {
  it('merges: every link re-pointed, duplicate kept as tombstone, changes stamped', async () => {
    db = await seed();
    expect(await mergeInDb(db, 'a', 'b', by)).toBeNull();
    const b = (await db.people.findOne('b').exec())!.toJSON();
    expect(b).toMatchObject({ mergedInto: 'a', updatedBy: by, name: '', email: '' });
    expect((await db.people.findOne('a').exec())!.email).toBe('anna@example.org');
    expect((await db.visits.findOne('v2').exec())!.personId).toBe('a');
    expect((await db.loans.findOne('l1').exec())!.borrower.personId).toBe('a');
    expect((await db.bookings.findOne('bk1').exec())!.organiser.refId).toBe('a');
    expect((await db.groups.findOne('g1').exec())!.toJSON()).toMatchObject({ memberIds: ['a', 'c'], contactPersonId: 'a' });
    expect(await mergeInDb(db, 'a', 'b', by)).toBe('merge.alreadyMerged');
  });

  it('erases the survivor and its merged record; visit counts unchanged', async () => {
    db = await seed();
    await mergeInDb(db, 'a', 'b', by);
    const before = await all<{ adults: number; children: number }>(db.visits.find());
    await eraseInDb(db, 'a', by);
    const people = await all<{ id: string; name: string; erased: boolean }>(db.people.find());
    expect(people.filter((p) => p.erased).map((p) => p.id).sort()).toEqual(['a', 'b']);
    expect(people.find((p) => p.id === 'c')?.name).toBe('Сергей');
    const visits = await all<{ id: string; personId: string; anonymised: boolean; adults: number; children: number }>(db.visits.find());
    expect(visits.filter((v) => v.anonymised).map((v) => v.id).sort()).toEqual(['v1', 'v2']);
    expect(visits.reduce((n, v) => n + 1 + v.adults + v.children, 0)).toBe(before.reduce((n, v) => n + 1 + v.adults + v.children, 0));
    expect((await db.loans.findOne('l1').exec())!.borrower).toMatchObject({ personId: '', name: '', phone: '' });
    expect((await db.groups.findOne('g1').exec())!.toJSON()).toMatchObject({ memberIds: ['c'], contactPersonId: '', contactName: '' });
  });

  it('erases typed-in records only when confirmed, and series organisers and conflict copies, schema-valid', async () => {
    db = await seed();
    await db.visits.bulkInsert([visit('v4', { name: 'анна петрова', children: 1 }), visit('v5', { name: 'Анна Петрова' })]);
    await db.series.bulkInsert([series('s1', 'a')]);
    await db.conflicts.bulkInsert([conflict('c1', 'people', 'a', { id: 'a', name: 'Анна Петрова' }, { id: 'a', name: 'Анна Петрова', phone: '+7 900 000-11-22' })]);
    const matches = await nameMatchesInDb(db, 'a');
    expect(matches.visits.map((v) => v.id).sort()).toEqual(['v4', 'v5']);
    await eraseInDb(db, 'a', by, { visits: ['v4'] });
    expect((await db.visits.findOne('v4').exec())!.toJSON()).toMatchObject({ name: '', anonymised: true, children: 1, updatedBy: by });
    expect((await db.visits.findOne('v5').exec())!.name).toBe('Анна Петрова');
    expect((await db.series.findOne('s1').exec())!.template.organiser).toEqual({ kind: 'free', refId: '', name: '', phone: '' });
    expect((await db.conflicts.findOne('c1').exec())!.toJSON()).toMatchObject({ kept: '', other: '', status: 'resolved' });
  });
});
