/**
 * People and groups: live data, the search index, and the people commands (./commands.ts) bound to this desk.
 * Components call these hooks; the rules live in shared/people and shared/visits.
 */
import { useCallback, useMemo } from 'react';
import type { BookingDoc, GroupDoc, LoanDoc, PersonDoc, VisitDoc } from '@shared/db';
import { createPeopleIndex, searchPeople, syncPeopleIndex, type PeopleIndex, type SearchHit, type SearchOptions } from '@shared/people/search';
import type { ErasureConfirmed } from '@shared/visits/privacy';
import { useDb, useLiveQuery } from '../../app/db';
import { eraseInDb, mergeInDb, nameMatchesInDb, people as peopleCommands } from './commands';
import { useGatedCommands } from '../staff/hooks';

export { eraseInDb, mergeInDb, nameMatchesInDb } from './commands';

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

export function usePeopleActions() {
  return useGatedCommands((desk, { coordinator }) => {
    const { db, author } = desk;
    return {
      savePerson: (fields: PersonFields, id?: string) => peopleCommands.savePerson(desk, fields, id),
      saveGroup: (fields: GroupFields, id?: string) => peopleCommands.saveGroup(desk, fields, id),
      /** Merges `duplicateId` into `survivorId`; returns an error code or null. */
      merge: (survivorId: string, duplicateId: string) => mergeInDb(db, survivorId, duplicateId, author),
      /** Coordinator only (a volunteer is asked for a coordinator's PIN): false when that was cancelled. */
      erase: async (personId: string, confirmed: ErasureConfirmed = {}): Promise<boolean> =>
        (await coordinator(() => eraseInDb(db, personId, author, confirmed))).ok,
      nameMatches: (personId: string) => nameMatchesInDb(db, personId),
      /** Saves everything held about the person as a JSON file; false if cancelled or failed. */
      exportData: async (personId: string): Promise<boolean> => {
        const r = await coordinator(() => peopleCommands.exportData(desk, personId));
        return r.ok && r.value;
      },
    };
  });
}
