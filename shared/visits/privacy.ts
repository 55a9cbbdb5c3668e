/**
 * A person's rights over their data: erasure on request and an export of everything the desk holds.
 * Erasure blanks the person's personal data (the document stays, `erased: true`, so links and synced
 * copies resolve) and anonymises every visit, loan and booking that points at them: counts, dates,
 * purposes, items and money stay, so monthly figures do not change.
 */
import type { BookingDoc, GroupDoc, LoanDoc, PersonDoc, VisitDoc } from '../db/schemas';
import { emptyPatches, resolvePersonId, type PeoplePatches, type PersonLinks } from '../people/patches';
import { anonymisedVisitPatch } from './retention';

/** The person and every tombstone merged into them (directly or through a chain). */
export function identitiesOf(personId: string, people: readonly PersonDoc[]): Set<string> {
  const byId = new Map(people.map((p) => [p.id, p]));
  const ids = new Set([personId]);
  for (const p of people) if (resolvePersonId(p.id, byId) === personId) ids.add(p.id);
  return ids;
}

export function erasedPersonPatch(): Partial<PersonDoc> {
  return {
    name: '',
    phone: '',
    email: '',
    notes: '',
    tags: [],
    consent: { given: false, date: '', recordedBy: '' },
    erased: true,
  };
}

export function erasePerson(personId: string, links: PersonLinks): PeoplePatches {
  const ids = identitiesOf(personId, links.people);
  const patches = emptyPatches();
  for (const p of links.people) if (ids.has(p.id)) patches.people.push({ id: p.id, patch: erasedPersonPatch() });
  for (const v of links.visits) if (ids.has(v.personId)) patches.visits.push({ id: v.id, patch: anonymisedVisitPatch() });
  for (const l of links.loans) {
    if (ids.has(l.borrower?.personId)) patches.loans.push({ id: l.id, patch: { borrower: { personId: '', groupId: l.borrower.groupId ?? '', name: '', phone: '' } } });
  }
  for (const b of links.bookings) {
    if (b.organiser?.kind === 'person' && ids.has(b.organiser.refId)) {
      patches.bookings.push({ id: b.id, patch: { organiser: { kind: 'free', refId: '', name: '', phone: '' } } });
    }
  }
  for (const g of links.groups) {
    const member = g.memberIds.some((m) => ids.has(m));
    const contact = ids.has(g.contactPersonId);
    if (!member && !contact) continue;
    const patch: Partial<GroupDoc> = {};
    if (member) patch.memberIds = g.memberIds.filter((m) => !ids.has(m));
    if (contact) Object.assign(patch, { contactPersonId: '', contactName: '', contactPhone: '' });
    patches.groups.push({ id: g.id, patch });
  }
  return patches;
}

export interface PersonExport {
  format: 'sosedi-desk/person-data';
  version: 1;
  exportedAt: string;
  person: PersonDoc;
  /** Duplicate records merged into this person. */
  mergedRecords: PersonDoc[];
  /** Groups they belong to or are the contact of (without other members' ids: those are other people's data). */
  groups: { id: string; name: string; kind: GroupDoc['kind']; member: boolean; contact: boolean }[];
  visits: VisitDoc[];
  loans: LoanDoc[];
  bookings: BookingDoc[];
}

/** Everything the desk holds about one person, as one JSON-serialisable structure. */
export function exportPersonData(personId: string, links: PersonLinks, exportedAt: string): PersonExport | null {
  const person = links.people.find((p) => p.id === personId);
  if (!person) return null;
  const ids = identitiesOf(personId, links.people);
  const byTime = <T,>(key: (x: T) => string) => (a: T, b: T) => key(a).localeCompare(key(b));
  return {
    format: 'sosedi-desk/person-data',
    version: 1,
    exportedAt,
    person,
    mergedRecords: links.people.filter((p) => p.id !== personId && ids.has(p.id)),
    groups: links.groups
      .filter((g) => g.memberIds.some((m) => ids.has(m)) || ids.has(g.contactPersonId))
      .map((g) => ({ id: g.id, name: g.name, kind: g.kind, member: g.memberIds.some((m) => ids.has(m)), contact: ids.has(g.contactPersonId) })),
    visits: links.visits.filter((v) => ids.has(v.personId)).sort(byTime((v) => v.timeIn)),
    loans: links.loans.filter((l) => ids.has(l.borrower?.personId)).sort(byTime((l) => l.outAt)),
    bookings: links.bookings.filter((b) => b.organiser?.kind === 'person' && ids.has(b.organiser.refId)).sort(byTime((b) => b.start)),
  };
}
