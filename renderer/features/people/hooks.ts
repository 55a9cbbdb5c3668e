/**
 * People and groups: live data, the search index, and the writes (save, merge, erase, export).
 * Components call these hooks; the rules live in shared/people and shared/visits.
 */
import { useCallback, useMemo } from 'react';
import { stampChange, stampNew, type Author, type BookingDoc, type DeskDatabase, type GroupDoc, type LoanDoc, type PersonDoc, type VisitDoc } from '@shared/db';
import { createPeopleIndex, searchPeople, syncPeopleIndex, type PeopleIndex, type SearchHit, type SearchOptions } from '@shared/people/search';
import { mergePeople } from '@shared/people/merge';
import type { PeoplePatches, PersonLinks } from '@shared/people/patches';
import { erasePerson, exportPersonData, findNameMatches, type ErasureConfirmed, type ErasureMatches } from '@shared/visits/privacy';
import { useAuthor, useDb, useLiveQuery } from '../../app/db';
import { getDesk } from '../../app/desk';

export type PersonFields = Omit<PersonDoc, 'id' | 'createdAt' | 'updatedAt' | 'updatedBy'>;
export type GroupFields = Omit<GroupDoc, 'id' | 'createdAt' | 'updatedAt' | 'updatedBy'>;

export function emptyPerson(): PersonFields {
  return { name: '', phone: '', email: '', resident: true, consent: { given: false, date: '', recordedBy: '' }, notes: '', tags: [], mergedInto: '', erased: false };
}

export function emptyGroup(): GroupFields {
  return { name: '', kind: 'club', contactPersonId: '', contactName: '', contactPhone: '', local: true, memberIds: [], notes: '', archived: false };
}

/** Every person document (tombstones and erased ones included: links must resolve). */
export function usePeople(): { people: PersonDoc[]; loading: boolean } {
  const { data, loading } = useLiveQuery((db) => db.people.find(), []);
  return { people: (data as PersonDoc[] | undefined) ?? [], loading };
}

export function useGroups(): { groups: GroupDoc[]; loading: boolean } {
  const { data, loading } = useLiveQuery((db) => db.groups.find(), []);
  return { groups: (data as GroupDoc[] | undefined) ?? [], loading };
}

/** People that are live in the directory (not merged away, not erased), by id. */
export function usePeopleById(people: PersonDoc[]): Map<string, PersonDoc> {
  return useMemo(() => new Map(people.map((p) => [p.id, p])), [people]);
}

const sharedIndexes = new WeakMap<object, PeopleIndex>();

/**
 * The search index of one database, shared by every page that searches people: built on the first visit, then
 * only kept in step (documents whose updatedAt changed are re-indexed), so going from People to Visitors and
 * back does not build it again (building costs far more than keeping in step: docs/performance.md). While the
 * live queries are still loading (`ready` false) the index is left as it is: an empty first answer must not
 * empty it for the pages already showing results.
 */
export function sharedPeopleIndex(key: object, people: readonly PersonDoc[], groups: readonly GroupDoc[], ready: boolean): PeopleIndex {
  let index = sharedIndexes.get(key);
  if (!index) sharedIndexes.set(key, (index = createPeopleIndex()));
  if (ready) syncPeopleIndex(index, people, groups);
  return index;
}

/** The search over people and groups (the shared index of this database). */
export function usePeopleSearch(people: PersonDoc[], groups: GroupDoc[], ready = true): (query: string, options?: SearchOptions) => SearchHit[] {
  const db = useDb();
  // a new function whenever the index was brought in step, so that results depending on it are computed again
  const index = useMemo(() => ({ current: sharedPeopleIndex(db, people, groups, ready) }), [db, people, groups, ready]);
  return useCallback((query: string, options?: SearchOptions) => searchPeople(index.current, query, options), [index]);
}

/** The directory as the pages use it: people, groups, people by id, and the search over both. */
export function useDirectory() {
  const { people, loading: loadingPeople } = usePeople();
  const { groups, loading: loadingGroups } = useGroups();
  const peopleById = usePeopleById(people);
  const search = usePeopleSearch(people, groups, !loadingPeople && !loadingGroups);
  return { people, groups, peopleById, search };
}

/** Visits, loans and bookings of one person (and of the records merged into them). */
export function usePersonLinks(personId: string | null, people: PersonDoc[]): { visits: VisitDoc[]; loans: LoanDoc[]; bookings: BookingDoc[] } {
  const ids = useMemo(() => (personId ? [personId, ...people.filter((p) => p.mergedInto === personId).map((p) => p.id)] : []), [personId, people]);
  const key = ids.join(',');
  const visits = useLiveQuery((db) => (ids.length ? db.visits.find({ selector: { personId: { $in: ids } }, sort: [{ timeIn: 'desc' }] }) : null), [key]);
  const loans = useLiveQuery((db) => (ids.length ? db.loans.find({ selector: { 'borrower.personId': { $in: ids } } }) : null), [key]);
  const bookings = useLiveQuery((db) => (ids.length ? db.bookings.find({ selector: { 'organiser.refId': { $in: ids } } }) : null), [key]);
  return {
    visits: (visits.data as VisitDoc[] | undefined) ?? [],
    loans: ((loans.data as LoanDoc[] | undefined) ?? []).sort((a, b) => b.outAt.localeCompare(a.outAt)),
    bookings: ((bookings.data as BookingDoc[] | undefined) ?? []).filter((b) => b.organiser.kind === 'person').sort((a, b) => b.start.localeCompare(a.start)),
  };
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

/** Erases a person's data everywhere in the database (counts kept), and the typed-in records confirmed as theirs. */
export async function eraseInDb(db: DeskDatabase, personId: string, author: Author, confirmed: ErasureConfirmed = {}): Promise<number> {
  return writePatches(db, erasePerson(personId, await loadLinks(db), confirmed), author);
}

export function usePeopleActions() {
  const db = useDb();
  const author = useAuthor();

  const savePerson = useCallback(
    async (fields: PersonFields, id?: string): Promise<string> => {
      const clean = { ...fields, name: fields.name.trim(), phone: fields.phone.trim(), email: fields.email.trim() };
      if (id) {
        const doc = await db.people.findOne(id).exec();
        if (!doc) throw new Error('person.missing');
        await doc.incrementalPatch(stampChange(clean, author));
        return id;
      }
      const doc = stampNew(clean, author);
      await db.people.insert(doc);
      return doc.id;
    },
    [db, author],
  );

  const saveGroup = useCallback(
    async (fields: GroupFields, id?: string): Promise<string> => {
      const clean = { ...fields, name: fields.name.trim() };
      if (id) {
        const doc = await db.groups.findOne(id).exec();
        if (!doc) throw new Error('group.missing');
        await doc.incrementalPatch(stampChange(clean, author));
        return id;
      }
      const doc = stampNew(clean, author);
      await db.groups.insert(doc);
      return doc.id;
    },
    [db, author],
  );

  /** Merges `duplicateId` into `survivorId`; returns an error code or null. */
  const merge = useCallback(
    (survivorId: string, duplicateId: string): Promise<string | null> => mergeInDb(db, survivorId, duplicateId, author),
    [db, author],
  );

  const erase = useCallback(
    async (personId: string, confirmed: ErasureConfirmed = {}): Promise<void> => {
      await eraseInDb(db, personId, author, confirmed);
    },
    [db, author],
  );

  const nameMatches = useCallback((personId: string) => nameMatchesInDb(db, personId), [db]);

  /** Saves everything held about the person as a JSON file; false if cancelled or failed. */
  const exportData = useCallback(
    async (personId: string): Promise<boolean> => {
      const data = exportPersonData(personId, await loadLinks(db), new Date().toISOString());
      if (!data) return false;
      const safeName = (data.person.name || 'person').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '') || 'person';
      const result = await getDesk().saveFile({
        suggestedName: `${safeName}-${new Date().toISOString().slice(0, 10)}.json`,
        data: JSON.stringify(data, null, 2),
        filters: [{ name: 'JSON', extensions: ['json'] }],
      });
      return result.ok;
    },
    [db],
  );

  return { savePerson, saveGroup, merge, erase, nameMatches, exportData };
}
