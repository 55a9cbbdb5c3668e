/**
 * The people commands: every write of People & groups by name (save a person or a group, merge, erase) and the
 * export. Hooks bind them to the desk (`usePeopleActions` in ./hooks.ts).
 */
import { stampChange, stampNew, type Author, type DeskDatabase, type GroupDoc, type PersonDoc } from '@shared/db';
import { mergePeople } from '@shared/people/merge';
import type { PeoplePatches, PersonLinks } from '@shared/people/patches';
import { erasePerson, exportPersonData, findNameMatches, type ErasureConfirmed, type ErasureMatches } from '@shared/visits/privacy';
import { getDesk } from '../../app/desk';
import { asCoordinator } from '../staff/commands';

type PersonFields = Omit<PersonDoc, 'id' | 'createdAt' | 'updatedAt' | 'updatedBy'>;
type GroupFields = Omit<GroupDoc, 'id' | 'createdAt' | 'updatedAt' | 'updatedBy'>;
interface Desk {
  db: DeskDatabase;
  author: Author;
}

/** Everything that may link to a person, read once for a merge, an erasure or an export. */
async function loadLinks(db: DeskDatabase): Promise<PersonLinks> {
  const [people, groups, visits, loans, bookings, series, conflicts] = await Promise.all([
    db.people.find().exec(),
    db.groups.find().exec(),
    db.visits.find().exec(),
    db.loans.find().exec(),
    db.bookings.find().exec(),
    db.series.find().exec(),
    db.conflicts.find().exec(),
  ]);
  const json = <T,>(docs: { toJSON(): unknown }[]) => docs.map((d) => d.toJSON() as T);
  return {
    people: json(people),
    groups: json(groups),
    visits: json(visits),
    loans: json(loans),
    bookings: json(bookings),
    series: json(series),
    conflicts: json(conflicts),
  };
}

/** Writes domain patches, each stamped with who made the change. */
export async function writePatches(db: DeskDatabase, patches: Partial<PeoplePatches>, author: Author): Promise<number> {
  let written = 0;
  for (const name of ['people', 'groups', 'visits', 'loans', 'bookings', 'series', 'conflicts'] as const) {
    const list = patches[name] ?? [];
    if (list.length === 0) continue;
    const collection = db[name] as unknown as DeskDatabase['people'];
    const docs = await collection.findByIds(list.map((p) => p.id)).exec();
    for (const { id, patch } of list) {
      const doc = docs.get(id);
      if (!doc) continue;
      await doc.incrementalPatch(stampChange(patch as Partial<PersonDoc>, author));
      written++;
    }
  }
  return written;
}

/** Merges `duplicateId` into `survivorId` in the database; returns an error code or null. */
export async function mergeInDb(db: DeskDatabase, survivorId: string, duplicateId: string, author: Author): Promise<string | null> {
  const links = await loadLinks(db);
  const survivor = links.people.find((p) => p.id === survivorId);
  const duplicate = links.people.find((p) => p.id === duplicateId);
  if (!survivor || !duplicate) return 'merge.missing';
  const result = mergePeople(survivor, duplicate, links);
  if (!result.ok) return result.code;
  await writePatches(db, result.patches, author);
  return null;
}

/** Typed-in records carrying the person's name or phone, for the volunteer to confirm before an erasure. */
export async function nameMatchesInDb(db: DeskDatabase, personId: string): Promise<ErasureMatches> {
  return findNameMatches(personId, await loadLinks(db));
}

/**
 * Erases a person's data everywhere in the database (counts kept), and the typed-in records confirmed as theirs.
 * Coordinator only (logged).
 */
export async function eraseInDb(db: DeskDatabase, personId: string, author: Author, confirmed: ErasureConfirmed = {}): Promise<number> {
  return asCoordinator({ db, author }, 'person.erase', personId, async () => writePatches(db, erasePerson(personId, await loadLinks(db), confirmed), author));
}

/** Inserts a new person or group, or patches the stored one (`missing` is thrown when it is gone). */
async function saveEntry<T extends PersonFields | GroupFields>(collection: 'people' | 'groups', { db, author }: Desk, clean: T, id: string | undefined, missing: string): Promise<string> {
  const coll = db[collection] as unknown as DeskDatabase['people'];
  if (id) {
    const doc = await coll.findOne(id).exec();
    if (!doc) throw new Error(missing);
    await doc.incrementalPatch(stampChange(clean as Partial<PersonDoc>, author));
    return id;
  }
  const doc = stampNew(clean, author);
  await coll.insert(doc as unknown as PersonDoc);
  return doc.id;
}

const savePerson = (desk: Desk, fields: PersonFields, id?: string): Promise<string> =>
  saveEntry('people', desk, { ...fields, name: fields.name.trim(), phone: fields.phone.trim(), email: fields.email.trim() }, id, 'person.missing');

const saveGroup = (desk: Desk, fields: GroupFields, id?: string): Promise<string> => saveEntry('groups', desk, { ...fields, name: fields.name.trim() }, id, 'group.missing');

/** Saves everything held about the person as a JSON file; false if cancelled or failed. Coordinator only (logged). */
async function exportData(desk: Desk, personId: string): Promise<boolean> {
  return asCoordinator(desk, 'person.export', personId, () => writeExport(desk.db, personId));
}

async function writeExport(db: DeskDatabase, personId: string): Promise<boolean> {
  const data = exportPersonData(personId, await loadLinks(db), new Date().toISOString());
  if (!data) return false;
  const safeName = (data.person.name || 'person').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '') || 'person';
  const result = await getDesk().saveFile({
    suggestedName: `${safeName}-${new Date().toISOString().slice(0, 10)}.json`,
    data: JSON.stringify(data, null, 2),
    filters: [{ name: 'JSON', extensions: ['json'] }],
  });
  return result.ok;
}

export const people = { savePerson, saveGroup, exportData };
