/**
 * Signing visitors in and out, and correcting a logged visit. Pure: validation returns codes, changes are
 * returned as fields/patches for the hook to stamp and write.
 */
import type { BaseDoc } from '../db/types';
import { VISIT_PURPOSES, type VisitDoc } from '../db/schemas';
import type { FieldError } from '../people/validate';
import type { DocPatch } from '../people/patches';
import { normaliseName } from '../people/normalise';
import { datePart, isLocalDateTime } from '../time';

/** The most companions one entry can carry (the schema's limit too). */
export const MAX_COMPANIONS = 500;

export type VisitErrorCode =
  | 'visit.nameRequired'
  | 'visit.countInvalid'
  | 'visit.countNegative'
  | 'visit.countTooLarge'
  | 'visit.purposeInvalid'
  | 'visit.timeInvalid'
  | 'visit.outBeforeIn'
  | 'visit.alreadyOut'
  | 'visit.anonymised';

/**
 * What the door form sends: a directory person (`personId`, name ignored) or a free `name` ('' personId);
 * the purpose, today's booking for a club/event ('' if none) and the companions besides the visitor.
 */
export type SignInInput = Pick<VisitDoc, 'personId' | 'name' | 'resident' | 'purpose' | 'bookingId' | 'adults' | 'children'> & { notes?: string };

export type VisitFields = Omit<VisitDoc, keyof BaseDoc>;

function checkCount(field: 'adults' | 'children', value: number, errors: FieldError<VisitErrorCode>[]): void {
  if (!Number.isInteger(value)) errors.push({ field, code: 'visit.countInvalid' });
  else if (value < 0) errors.push({ field, code: 'visit.countNegative' });
  else if (value > MAX_COMPANIONS) errors.push({ field, code: 'visit.countTooLarge' });
}

export function validateSignIn(input: SignInInput): FieldError<VisitErrorCode>[] {
  const errors: FieldError<VisitErrorCode>[] = [];
  if (!input.personId && !input.name.trim()) errors.push({ field: 'name', code: 'visit.nameRequired' });
  if (!VISIT_PURPOSES.includes(input.purpose)) errors.push({ field: 'purpose', code: 'visit.purposeInvalid' });
  checkCount('adults', input.adults, errors);
  checkCount('children', input.children, errors);
  return errors;
}

/** The new visit's fields (validate first). */
export function newVisit(input: SignInInput, timeIn: string): VisitFields {
  return {
    timeIn,
    timeOut: '',
    personId: input.personId,
    name: input.personId ? '' : input.name.trim(),
    resident: input.resident,
    purpose: input.purpose,
    bookingId: input.bookingId,
    adults: input.adults,
    children: input.children,
    anonymised: false,
    notes: input.notes?.trim() ?? '',
    edits: [],
  };
}

/** Seconds within which the same free name signed in again counts as the same press (double click, double Enter). */
export const REPEAT_WINDOW_MINUTES = 1;

function minutesBetween(a: string, b: string): number {
  return Math.abs(Date.parse(b) - Date.parse(a)) / 60000;
}

/**
 * An open visit that a new sign-in would duplicate: the same directory person still in the building today,
 * or the same free name signed in within the last minute. Returns undefined when the sign-in is new.
 */
export function findDuplicateSignIn(visits: readonly VisitDoc[], input: SignInInput, timeIn: string): VisitDoc | undefined {
  const day = datePart(timeIn);
  const name = normaliseName(input.name);
  return visits.find((v) => {
    if (v.timeOut || datePart(v.timeIn) !== day) return false;
    if (input.personId) return v.personId === input.personId;
    return !v.personId && normaliseName(v.name) === name && minutesBetween(v.timeIn, timeIn) <= REPEAT_WINDOW_MINUTES;
  });
}

export function validateSignOut(visit: Pick<VisitDoc, 'timeIn' | 'timeOut'>, timeOut: string): VisitErrorCode | null {
  if (!isLocalDateTime(timeOut)) return 'visit.timeInvalid';
  if (visit.timeOut) return 'visit.alreadyOut';
  if (timeOut < visit.timeIn) return 'visit.outBeforeIn';
  return null;
}

/**
 * Sign everyone still in the building out (closing time). A visit signed in "later" than now by a desk with
 * a fast clock is closed at its own sign-in time, so no visit ends before it began.
 */
export function signOutAllPatches(visits: readonly VisitDoc[], timeOut: string): DocPatch<VisitDoc>[] {
  return visits.filter((v) => !v.timeOut).map((v) => ({ id: v.id, patch: { timeOut: timeOut < v.timeIn ? v.timeIn : timeOut } }));
}

/** Fields a volunteer may correct on a logged visit. */
export type VisitEdit = Partial<Pick<VisitDoc, 'name' | 'personId' | 'resident' | 'purpose' | 'bookingId' | 'adults' | 'children' | 'notes' | 'timeIn' | 'timeOut'>>;

export type EditResult = { ok: true; patch: Partial<VisitDoc> } | { ok: false; errors: FieldError<VisitErrorCode>[] };

/**
 * Corrects a wrong entry. The edit trail records who changed which fields and when (field names only: the
 * trail must not keep a name that retention or erasure removes).
 */
export function editVisit(visit: VisitDoc, edit: VisitEdit, at: string, by: string): EditResult {
  const changed = (Object.keys(edit) as (keyof VisitEdit)[]).filter((k) => edit[k] !== undefined && edit[k] !== visit[k]);
  const next = { ...visit, ...edit };
  const errors: FieldError<VisitErrorCode>[] = [];
  if (visit.anonymised && ((edit.name ?? '') !== '' || (edit.personId ?? '') !== '')) errors.push({ field: 'name', code: 'visit.anonymised' });
  else if (!visit.anonymised && !next.personId && !next.name.trim()) errors.push({ field: 'name', code: 'visit.nameRequired' });
  if (!VISIT_PURPOSES.includes(next.purpose)) errors.push({ field: 'purpose', code: 'visit.purposeInvalid' });
  checkCount('adults', next.adults, errors);
  checkCount('children', next.children, errors);
  if (!isLocalDateTime(next.timeIn)) errors.push({ field: 'timeIn', code: 'visit.timeInvalid' });
  if (next.timeOut && !isLocalDateTime(next.timeOut)) errors.push({ field: 'timeOut', code: 'visit.timeInvalid' });
  else if (next.timeOut && next.timeOut < next.timeIn) errors.push({ field: 'timeOut', code: 'visit.outBeforeIn' });
  if (errors.length) return { ok: false, errors };
  if (changed.length === 0) return { ok: true, patch: {} };
  const patch: Partial<VisitDoc> = {};
  for (const k of changed) (patch as Record<string, unknown>)[k] = k === 'name' ? (edit.name ?? '').trim() : edit[k];
  patch.edits = [...(visit.edits ?? []), { at, by, what: changed.join(', ') }];
  return { ok: true, patch };
}
