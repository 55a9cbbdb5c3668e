/**
 * Merging two duplicate people: the survivor keeps its own data, filling gaps from the duplicate; every
 * link to the duplicate (visits, loans, bookings' organiser, groups' members and contact person, people
 * already merged into the duplicate, series templates' organiser) is re-pointed to the survivor; the
 * duplicate stays as a tombstone with `mergedInto` only, so a desk that syncs later with an old link can
 * still resolve it. The tombstone's personal fields are blanked at once: the survivor holds them now, and a
 * copy left on the tombstone would outlive the survivor's erasure or correction.
 */
import type { PersonDoc } from '../db/schemas';
import { emptyPatches, type PeoplePatches, type PersonLinks } from './patches';
import { normaliseName } from './normalise';

export type MergeErrorCode = 'merge.samePerson' | 'merge.alreadyMerged' | 'merge.erased';

export type MergeResult = { ok: true; patches: PeoplePatches } | { ok: false; code: MergeErrorCode };

function joinNotes(a: string, b: string): string {
  const parts = [a.trim(), b.trim()].filter((x) => x.length > 0);
  return [...new Set(parts)].join('\n');
}

function unionTags(a: readonly string[], b: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const tag of [...a, ...b]) {
    const key = normaliseName(tag);
    if (key && !seen.has(key)) {
      seen.add(key);
      out.push(tag.trim());
    }
  }
  return out;
}

/** What the survivor looks like after the merge: its own values first, the duplicate's where it has none. */
export function mergedPersonFields(survivor: PersonDoc, duplicate: PersonDoc): Partial<PersonDoc> {
  return {
    name: survivor.name.trim() || duplicate.name,
    phone: survivor.phone.trim() || duplicate.phone,
    email: survivor.email.trim() || duplicate.email,
    resident: survivor.resident || duplicate.resident,
    consent: survivor.consent?.given || !duplicate.consent?.given ? survivor.consent : duplicate.consent,
    notes: joinNotes(survivor.notes ?? '', duplicate.notes ?? ''),
    tags: unionTags(survivor.tags ?? [], duplicate.tags ?? []),
  };
}

/** A person's personal fields, blank (for tombstones and erasure; the id and links stay). */
export function blankPersonalFields(): Pick<PersonDoc, 'name' | 'phone' | 'email' | 'notes' | 'tags' | 'consent'> {
  return { name: '', phone: '', email: '', notes: '', tags: [], consent: { given: false, date: '', recordedBy: '' } };
}

export function mergePeople(survivor: PersonDoc, duplicate: PersonDoc, links: PersonLinks): MergeResult {
  if (survivor.id === duplicate.id) return { ok: false, code: 'merge.samePerson' };
  if (survivor.mergedInto || duplicate.mergedInto) return { ok: false, code: 'merge.alreadyMerged' };
  if (survivor.erased || duplicate.erased) return { ok: false, code: 'merge.erased' };
  const from = duplicate.id;
  const to = survivor.id;
  const patches = emptyPatches();

  patches.people.push({ id: to, patch: mergedPersonFields(survivor, duplicate) });
  patches.people.push({ id: from, patch: { ...blankPersonalFields(), mergedInto: to } });
  for (const p of links.people) {
    if (p.id !== from && p.id !== to && p.mergedInto === from) patches.people.push({ id: p.id, patch: { ...blankPersonalFields(), mergedInto: to } });
  }
  for (const v of links.visits) {
    if (v.personId === from) patches.visits.push({ id: v.id, patch: { personId: to } });
  }
  for (const l of links.loans) {
    if (l.borrower?.personId === from) patches.loans.push({ id: l.id, patch: { borrower: { ...l.borrower, personId: to } } });
  }
  for (const b of links.bookings) {
    if (b.organiser?.kind === 'person' && b.organiser.refId === from) {
      patches.bookings.push({ id: b.id, patch: { organiser: { ...b.organiser, refId: to } } });
    }
  }
  for (const s of links.series ?? []) {
    const o = s.template?.organiser;
    if (o?.kind === 'person' && o.refId === from) patches.series.push({ id: s.id, patch: { template: { ...s.template, organiser: { ...o, refId: to } } } });
  }
  for (const g of links.groups) {
    const member = g.memberIds.includes(from);
    const contact = g.contactPersonId === from;
    if (!member && !contact) continue;
    const patch: Partial<typeof g> = {};
    if (member) patch.memberIds = [...new Set(g.memberIds.map((id) => (id === from ? to : id)))];
    if (contact) patch.contactPersonId = to;
    patches.groups.push({ id: g.id, patch });
  }
  return { ok: true, patches };
}
