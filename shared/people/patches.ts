/**
 * Domain functions that touch several documents return patches: plain field changes by id. The hook that
 * calls them stamps each patch (`stampChange`) and writes it; the domain never touches the database.
 */
import type { BookingDoc, ConflictDoc, GroupDoc, LoanDoc, PersonDoc, SeriesDoc, VisitDoc } from '../db/schemas';

export interface DocPatch<T> {
  id: string;
  patch: Partial<T>;
}

/** Patches per collection, for operations that re-point or anonymise links to a person. */
export interface PeoplePatches {
  people: DocPatch<PersonDoc>[];
  groups: DocPatch<GroupDoc>[];
  visits: DocPatch<VisitDoc>[];
  loans: DocPatch<LoanDoc>[];
  bookings: DocPatch<BookingDoc>[];
  /** Weekly clubs: the series template's organiser. */
  series: DocPatch<SeriesDoc>[];
  /** Sync conflict records hold copies of documents (erasure blanks them). */
  conflicts: DocPatch<ConflictDoc>[];
}

/** Everything that may point at a person. */
export interface PersonLinks {
  /** Other people: tombstones merged into this person point at it with `mergedInto`. */
  people: readonly PersonDoc[];
  groups: readonly GroupDoc[];
  visits: readonly VisitDoc[];
  loans: readonly LoanDoc[];
  bookings: readonly BookingDoc[];
  /** Series (weekly clubs) whose template names an organiser; optional for callers that have none. */
  series?: readonly SeriesDoc[];
  /** Sync conflict records (copies of documents); only erasure reads them. */
  conflicts?: readonly ConflictDoc[];
}

export function emptyPatches(): PeoplePatches {
  return { people: [], groups: [], visits: [], loans: [], bookings: [], series: [], conflicts: [] };
}

/** Applies patches to documents (a pure helper for previews and tests). */
export function applyPatches<T extends { id: string }>(docs: readonly T[], patches: readonly DocPatch<T>[]): T[] {
  const byId = new Map<string, Partial<T>>();
  for (const p of patches) byId.set(p.id, { ...byId.get(p.id), ...p.patch });
  return docs.map((d) => {
    const patch = byId.get(d.id);
    return patch ? { ...d, ...patch } : d;
  });
}

/** The person a (possibly merged-away) id finally resolves to, following `mergedInto` (cycle-safe). */
export function resolvePersonId(id: string, people: ReadonlyMap<string, Pick<PersonDoc, 'mergedInto'>>): string {
  let current = id;
  for (let i = 0; i < 100; i++) {
    const next = people.get(current)?.mergedInto;
    if (!next || next === current) return current;
    current = next;
  }
  return current;
}
