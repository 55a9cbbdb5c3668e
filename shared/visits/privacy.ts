/**
 * A person's rights over their data: erasure on request and an export of everything the desk holds.
 *
 * Erasure blanks the person's personal data (the document stays, `erased: true`, so links and synced
 * copies resolve) and removes it from every record that links to them: visits are anonymised, loans lose
 * the borrower's name and phone (and history details or notes that name them), bookings and weekly-club
 * series lose the organiser's name and phone, groups lose them as member and contact, and sync conflict
 * records holding a copy are blanked. Counts, dates, purposes, items, money and attendance stay, and each
 * linked visit keeps a one-way visitor key (visitorKey.ts), so no report figure changes (docs/privacy.md).
 *
 * Records typed in by hand (a visitor's free name, a loan to a typed-in borrower, a free organiser, a
 * group's typed contact) that carry the same name or phone are not linked: they may be a namesake.
 * `findNameMatches` lists them for the volunteer, and only those confirmed are cleared.
 */
import type { BookingDoc, ConflictDoc, GroupDoc, LoanDoc, Organiser, PersonDoc, SeriesDoc, VisitDoc } from '../db/schemas';
import { emptyPatches, resolvePersonId, type PeoplePatches, type PersonLinks } from '../people/patches';
import { normaliseName, phoneDigits } from '../people/normalise';
import { blankPersonalFields } from '../people/merge';
import { anonymisedVisitPatch, countedPersonOf } from './retention';

/** The person and every tombstone merged into them (directly or through a chain). */
export function identitiesOf(personId: string, people: readonly PersonDoc[]): Set<string> {
  const byId = new Map(people.map((p) => [p.id, p]));
  const ids = new Set([personId]);
  for (const p of people) if (resolvePersonId(p.id, byId) === personId) ids.add(p.id);
  return ids;
}

export function erasedPersonPatch(): Partial<PersonDoc> {
  return { ...blankPersonalFields(), erased: true };
}

/** Shorter phone numbers than this are not used to recognise a person (too many namesakes). */
const MIN_PHONE_DIGITS = 6;

/** What identifies a person in typed-in records and free text: their names (normalised) and phone digits. */
export interface PersonMarks {
  names: string[];
  phones: string[];
}

export function marksOf(ids: ReadonlySet<string>, people: readonly PersonDoc[]): PersonMarks {
  const names = new Set<string>();
  const phones = new Set<string>();
  for (const p of people) {
    if (!ids.has(p.id)) continue;
    const name = normaliseName(p.name);
    if (name) names.add(name);
    const digits = phoneDigits(p.phone);
    if (digits.length >= MIN_PHONE_DIGITS) phones.add(digits);
  }
  return { names: [...names], phones: [...phones] };
}

/** A typed-in name/phone pair that is the person's: the same normalised name, or the same phone number. */
export function isSameContact(name: string, phone: string, marks: PersonMarks): boolean {
  const n = normaliseName(name);
  const d = phoneDigits(phone);
  return (n !== '' && marks.names.includes(n)) || (d.length >= MIN_PHONE_DIGITS && marks.phones.includes(d));
}

/** Whether free text names the person (their full name, any case, ё/е) or contains their phone number. */
export function mentions(text: string, marks: PersonMarks): boolean {
  if (!text) return false;
  const norm = normaliseName(text);
  if (marks.names.some((n) => norm.includes(n))) return true;
  const digits = text.replace(/\D+/g, '');
  return marks.phones.some((p) => digits.includes(p));
}

/** Typed-in records that carry the person's name or phone but are not linked to them: the volunteer decides. */
export interface ErasureMatches {
  visits: VisitDoc[];
  loans: LoanDoc[];
  bookings: BookingDoc[];
  series: SeriesDoc[];
  groups: GroupDoc[];
}

/** Ids of the typed-in records the volunteer confirmed as the person's (see `findNameMatches`). */
export type ErasureConfirmed = Partial<Record<keyof ErasureMatches, readonly string[]>>;

const freeOrganiserMatches = (o: Organiser | undefined, marks: PersonMarks) => o?.kind === 'free' && isSameContact(o.name, o.phone, marks);

export function findNameMatches(personId: string, links: PersonLinks): ErasureMatches {
  const marks = marksOf(identitiesOf(personId, links.people), links.people);
  return {
    // Visits carry a typed name only (no phone): the same normalised name.
    visits: links.visits.filter((v) => !v.personId && !v.anonymised && v.name !== '' && marks.names.includes(normaliseName(v.name))),
    loans: links.loans.filter((l) => !l.borrower?.personId && isSameContact(l.borrower?.name ?? '', l.borrower?.phone ?? '', marks)),
    bookings: links.bookings.filter((b) => freeOrganiserMatches(b.organiser, marks)),
    series: (links.series ?? []).filter((s) => freeOrganiserMatches(s.template?.organiser, marks)),
    groups: links.groups.filter((g) => !g.contactPersonId && isSameContact(g.contactName, g.contactPhone, marks)),
  };
}

const BLANK_ORGANISER: Organiser = { kind: 'free', refId: '', name: '', phone: '' };

/**
 * The organiser with the person's data removed, or null when it is not theirs: a directory link to the
 * person, a confirmed typed-in organiser, or a group they are the contact of whose phone is theirs.
 */
function scrubOrganiser(o: Organiser | undefined, ids: ReadonlySet<string>, confirmed: boolean, contactOf: ReadonlySet<string>, marks: PersonMarks): Organiser | null {
  if (!o) return null;
  if ((o.kind === 'person' && ids.has(o.refId)) || (o.kind === 'free' && confirmed)) return { ...BLANK_ORGANISER };
  if (o.kind === 'group' && contactOf.has(o.refId) && o.phone && isSameContact('', o.phone, marks)) return { ...o, phone: '' };
  return null;
}

/** A loan's history with details that name the person blanked (the steps, times and who recorded them stay). */
function scrubHistory(history: LoanDoc['history'], marks: PersonMarks): LoanDoc['history'] | null {
  if (!history?.some((h) => mentions(h.detail ?? '', marks))) return null;
  return history.map((h) => (mentions(h.detail ?? '', marks) ? { ...h, detail: '' } : h));
}

/** Conflict records about an erased document, or whose copies name the person, lose the copies. */
function conflictPatches(conflicts: readonly ConflictDoc[], touched: ReadonlySet<string>, marks: PersonMarks, ids: ReadonlySet<string>): PeoplePatches['conflicts'] {
  const holds = (text: string) => mentions(text, marks) || [...ids].some((id) => text.includes(`"${id}"`));
  return conflicts
    .filter((c) => (c.kept || c.other) && (touched.has(`${c.docCollection}/${c.docId}`) || holds(c.kept ?? '') || holds(c.other ?? '')))
    .map((c) => ({ id: c.id, patch: { kept: '', other: '', status: 'resolved' as const, resolution: 'erased' } }));
}

/**
 * Patches that erase a person everywhere. `confirmed` names the typed-in records (from `findNameMatches`)
 * the volunteer said are this person's; the others are left alone.
 */
export function erasePerson(personId: string, links: PersonLinks, confirmed: ErasureConfirmed = {}): PeoplePatches {
  const ids = identitiesOf(personId, links.people);
  const marks = marksOf(ids, links.people);
  const yes = (kind: keyof ErasureMatches) => new Set(confirmed[kind] ?? []);
  const matches = findNameMatches(personId, links);
  const pick = <T extends { id: string }>(docs: T[], kind: keyof ErasureMatches) => {
    const ok = yes(kind);
    return new Set(docs.filter((d) => ok.has(d.id)).map((d) => d.id));
  };
  const okVisits = pick(matches.visits, 'visits');
  const okLoans = pick(matches.loans, 'loans');
  const okBookings = pick(matches.bookings, 'bookings');
  const okSeries = pick(matches.series, 'series');
  const okGroups = pick(matches.groups, 'groups');
  const contactOf = new Set(links.groups.filter((g) => ids.has(g.contactPersonId) || okGroups.has(g.id)).map((g) => g.id));
  const patches = emptyPatches();

  for (const p of links.people) if (ids.has(p.id)) patches.people.push({ id: p.id, patch: erasedPersonPatch() });
  const peopleById = new Map(links.people.map((p) => [p.id, p]));
  for (const v of links.visits) {
    if (ids.has(v.personId) || okVisits.has(v.id)) patches.visits.push({ id: v.id, patch: anonymisedVisitPatch(v, countedPersonOf(v, peopleById)) });
  }
  for (const l of links.loans) {
    const theirs = ids.has(l.borrower?.personId) || okLoans.has(l.id);
    const patch: Partial<LoanDoc> = {};
    if (theirs) {
      patch.borrower = { personId: '', groupId: l.borrower.groupId ?? '', name: '', phone: '' };
      if (l.notes && mentions(l.notes, marks)) patch.notes = '';
    }
    const history = scrubHistory(l.history, marks);
    if (history) patch.history = history;
    if (Object.keys(patch).length) patches.loans.push({ id: l.id, patch });
  }
  for (const b of links.bookings) {
    const organiser = scrubOrganiser(b.organiser, ids, okBookings.has(b.id), contactOf, marks);
    if (organiser) patches.bookings.push({ id: b.id, patch: { organiser } });
  }
  for (const s of links.series ?? []) {
    const organiser = scrubOrganiser(s.template?.organiser, ids, okSeries.has(s.id), contactOf, marks);
    if (organiser) patches.series.push({ id: s.id, patch: { template: { ...s.template, organiser } } });
  }
  for (const g of links.groups) {
    const member = g.memberIds.some((m) => ids.has(m));
    const contact = contactOf.has(g.id);
    if (!member && !contact) continue;
    const patch: Partial<GroupDoc> = {};
    if (member) patch.memberIds = g.memberIds.filter((m) => !ids.has(m));
    if (contact) Object.assign(patch, { contactPersonId: '', contactName: '', contactPhone: '' });
    patches.groups.push({ id: g.id, patch });
  }
  const touched = new Set<string>();
  for (const name of ['people', 'visits', 'loans', 'bookings', 'series', 'groups'] as const) for (const p of patches[name]) touched.add(`${name}/${p.id}`);
  patches.conflicts = conflictPatches(links.conflicts ?? [], touched, marks, ids);
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
  /** Weekly clubs they organise. */
  series: SeriesDoc[];
}

/** Everything the desk holds about one person, as one JSON-serialisable structure. */
export function exportPersonData(personId: string, links: PersonLinks, exportedAt: string): PersonExport | null {
  const person = links.people.find((p) => p.id === personId);
  if (!person) return null;
  const ids = identitiesOf(personId, links.people);
  const byTime = <T,>(key: (x: T) => string) => (a: T, b: T) => key(a).localeCompare(key(b));
  const organises = (o: Organiser | undefined) => o?.kind === 'person' && ids.has(o.refId);
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
    bookings: links.bookings.filter((b) => organises(b.organiser)).sort(byTime((b) => b.start)),
    series: (links.series ?? []).filter((s) => organises(s.template?.organiser)).sort(byTime((s) => s.dtstart)),
  };
}
