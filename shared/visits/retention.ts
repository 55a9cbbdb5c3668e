/**
 * Retention: after the centre's period, a visit keeps its date, purpose, counts, resident flag and booking
 * link, and loses the visitor's name, the link to the person and free-text notes (which may name people).
 * A visit linked to a person keeps instead a one-way visitor key (see visitorKey.ts) so that unique
 * participants stay the same. Runs on each desk at start-up and daily; idempotent.
 */
import type { PersonDoc, VisitDoc } from '../db/schemas';
import { resolvePersonId, type DocPatch } from '../people/patches';
import { datePart } from '../time';
import { daysBefore } from './time';
import { visitorKey } from './visitorKey';

/**
 * The patch that anonymises a visit. `personId` is the person the visit counts for (merged duplicates
 * followed to the survivor); without one, a key the visit already holds stays.
 */
export function anonymisedVisitPatch(v?: Pick<VisitDoc, 'timeIn'>, personId = ''): Partial<VisitDoc> {
  const patch: Partial<VisitDoc> = { name: '', personId: '', notes: '', anonymised: true };
  if (v && personId) patch.visitorKey = visitorKey(personId, v.timeIn);
  return patch;
}

/** Who a visit counts for in reports: its person link followed through merges ('' = nobody). */
export function countedPersonOf(v: Pick<VisitDoc, 'personId'>, people?: ReadonlyMap<string, Pick<PersonDoc, 'mergedInto'>>): string {
  return v.personId ? (people ? resolvePersonId(v.personId, people) : v.personId) : '';
}

/** Whether a visit still holds personal data. */
export function holdsPersonalData(v: VisitDoc): boolean {
  return !v.anonymised || v.name !== '' || v.personId !== '' || (v.notes ?? '') !== '';
}

/**
 * Patches that anonymise visits older than `retentionDays` days before `now` (visits of the cut-off day
 * itself are kept). `retentionDays` 0 (or less, or not a number) keeps visits forever.
 */
export function retentionPatches(
  visits: readonly VisitDoc[],
  retentionDays: number,
  now: Date | number,
  people: readonly Pick<PersonDoc, 'id' | 'mergedInto'>[] = [],
): DocPatch<VisitDoc>[] {
  const cutoff = retentionCutoff(retentionDays, now);
  if (cutoff === null) return [];
  const byId = new Map(people.map((p) => [p.id, p]));
  return visits
    .filter((v) => datePart(v.timeIn) < cutoff && holdsPersonalData(v))
    .map((v) => ({ id: v.id, patch: anonymisedVisitPatch(v, countedPersonOf(v, byId)) }));
}

/** The oldest local date whose visits are kept with names; older ones are anonymised. */
export function retentionCutoff(retentionDays: number, now: Date | number): string | null {
  if (!Number.isFinite(retentionDays) || retentionDays <= 0) return null;
  return daysBefore(now, Math.floor(retentionDays));
}
