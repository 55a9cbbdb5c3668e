/**
 * Retention: after the centre's period, a visit keeps its date, purpose, counts, resident flag and booking
 * link, and loses the visitor's name, the link to the person and free-text notes (which may name people).
 * Runs on each desk at start-up and daily; idempotent.
 */
import type { VisitDoc } from '../db/schemas';
import type { DocPatch } from '../people/patches';
import { daysBefore, localDateOf } from './time';

export function anonymisedVisitPatch(): Partial<VisitDoc> {
  return { name: '', personId: '', notes: '', anonymised: true };
}

/** Whether a visit still holds personal data. */
export function holdsPersonalData(v: VisitDoc): boolean {
  return !v.anonymised || v.name !== '' || v.personId !== '' || (v.notes ?? '') !== '';
}

/**
 * Patches that anonymise visits older than `retentionDays` days before `now` (visits of the cut-off day
 * itself are kept). `retentionDays` 0 (or less, or not a number) keeps visits forever.
 */
export function retentionPatches(visits: readonly VisitDoc[], retentionDays: number, now: Date | number): DocPatch<VisitDoc>[] {
  const cutoff = retentionCutoff(retentionDays, now);
  if (cutoff === null) return [];
  return visits.filter((v) => localDateOf(v.timeIn) < cutoff && holdsPersonalData(v)).map((v) => ({ id: v.id, patch: anonymisedVisitPatch() }));
}

/** The oldest local date whose visits are kept with names; older ones are anonymised. */
export function retentionCutoff(retentionDays: number, now: Date | number): string | null {
  if (!Number.isFinite(retentionDays) || retentionDays <= 0) return null;
  return daysBefore(now, Math.floor(retentionDays));
}
