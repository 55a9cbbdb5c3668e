import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { editVisit, findDuplicateSignIn, newVisit, signOutAllPatches, validateSignIn, validateSignOut, type SignInInput } from './signIn';
import { visit } from '../people/testDocs';
import { isLocalDateTime } from '../time';

const input: SignInInput = { personId: '', name: 'Мария', resident: true, purpose: 'visit', bookingId: '', adults: 0, children: 0 };
const codes = (patch: Partial<SignInInput>) => validateSignIn({ ...input, ...patch }).map((e) => e.code);

describe('validateSignIn', () => {
  it('accepts a free name or a known person', () => {
    expect(codes({})).toEqual([]);
    expect(codes({ name: '', personId: 'p1' })).toEqual([]);
  });
  it('wants a name for an unknown visitor', () => {
    expect(codes({ name: '  ' })).toEqual(['visit.nameRequired']);
  });
  it('refuses impossible companion counts', () => {
    expect(codes({ adults: -1 })).toEqual(['visit.countNegative']);
    expect(codes({ children: 501 })).toEqual(['visit.countTooLarge']);
    expect(codes({ adults: 1.5, children: Number.NaN })).toEqual(['visit.countInvalid', 'visit.countInvalid']);
    expect(codes({ adults: 500, children: 0 })).toEqual([]);
  });
  it('accepts exactly the counts 0…500', () => {
    fc.assert(fc.property(fc.integer({ min: -10000, max: 10000 }), (n) => (codes({ adults: n }).length === 0) === (n >= 0 && n <= 500)));
  });
});

describe('newVisit', () => {
  it('keeps the typed name only for a free visitor', () => {
    expect(newVisit({ ...input, name: ' Мария ' }, '2026-03-02T10:00')).toMatchObject({ name: 'Мария', personId: '', timeOut: '', anonymised: false });
    expect(newVisit({ ...input, personId: 'p1' }, '2026-03-02T10:00')).toMatchObject({ name: '', personId: 'p1' });
  });
});

describe('findDuplicateSignIn', () => {
  const open = [visit('a', { personId: 'p1', timeIn: '2026-03-02T10:00' }), visit('b', { name: 'Мария', timeIn: '2026-03-02T10:00' })];
  it('finds a known person already in the building today', () => {
    expect(findDuplicateSignIn(open, { ...input, personId: 'p1' }, '2026-03-02T15:00')?.id).toBe('a');
    expect(findDuplicateSignIn(open, { ...input, personId: 'p1' }, '2026-03-03T09:00')).toBeUndefined();
    expect(findDuplicateSignIn([{ ...open[0]!, timeOut: '2026-03-02T11:00' }], { ...input, personId: 'p1' }, '2026-03-02T15:00')).toBeUndefined();
  });
  it('treats the same free name within a minute as the same press (double Enter), later as a new visitor', () => {
    expect(findDuplicateSignIn(open, { ...input, name: 'мария ' }, '2026-03-02T10:01')?.id).toBe('b');
    expect(findDuplicateSignIn(open, input, '2026-03-02T10:05')).toBeUndefined();
  });
});

describe('sign-out', () => {
  it('refuses a sign-out before the sign-in, twice, or at an impossible time', () => {
    const v = visit('a', { timeIn: '2026-03-02T10:00' });
    expect(validateSignOut(v, '2026-03-02T09:59')).toBe('visit.outBeforeIn');
    expect(validateSignOut(v, '2026-03-02T10:00')).toBeNull();
    expect(validateSignOut({ ...v, timeOut: '2026-03-02T11:00' }, '2026-03-02T12:00')).toBe('visit.alreadyOut');
    expect(validateSignOut(v, '2026-02-30T10:00')).toBe('visit.timeInvalid');
  });
  it('signs everyone out, never before their own sign-in', () => {
    const vs = [visit('a', { timeIn: '2026-03-02T10:00' }), visit('b', { timeIn: '2026-03-02T21:05' }), visit('c', { timeIn: '2026-03-02T09:00', timeOut: '2026-03-02T09:30' })];
    expect(signOutAllPatches(vs, '2026-03-02T21:00')).toEqual([
      { id: 'a', patch: { timeOut: '2026-03-02T21:00' } },
      { id: 'b', patch: { timeOut: '2026-03-02T21:05' } },
    ]);
  });
});

describe('editVisit', () => {
  const v = visit('a', { name: 'Мрия', timeIn: '2026-03-02T10:00' });
  it('applies the correction and records who changed which fields and when', () => {
    const r = editVisit(v, { name: 'Мария', adults: 2, purpose: 'visit' }, '2026-03-02T09:00:00.000Z', 'Анна');
    expect(r).toEqual({ ok: true, patch: { name: 'Мария', adults: 2, edits: [{ at: '2026-03-02T09:00:00.000Z', by: 'Анна', what: 'name, adults' }] } });
  });
  it('keeps earlier edits and changes nothing when nothing changed', () => {
    const r = editVisit({ ...v, edits: [{ at: 'x', by: 'y', what: 'purpose' }] }, { children: 1 }, 'z', 'Анна');
    expect(r.ok && r.patch.edits?.length).toBe(2);
    expect(editVisit(v, { name: 'Мрия' }, 'z', 'Анна')).toEqual({ ok: true, patch: {} });
  });
  it('refuses bad corrections with codes', () => {
    const r = editVisit(v, { name: '', adults: -2, timeOut: '2026-03-02T09:00' }, 'z', 'Анна');
    expect(r.ok ? [] : r.errors.map((e) => e.code)).toEqual(['visit.nameRequired', 'visit.countNegative', 'visit.outBeforeIn']);
  });
  it('never puts a name back on an anonymised visit', () => {
    const r = editVisit({ ...v, name: '', anonymised: true }, { name: 'Мария' }, 'z', 'Анна');
    expect(r.ok ? [] : r.errors.map((e) => e.code)).toEqual(['visit.anonymised']);
    expect(editVisit({ ...v, name: '', anonymised: true }, { adults: 3 }, 'z', 'Анна').ok).toBe(true);
  });
});

describe('isLocalDateTime', () => {
  it('accepts real wall-clock times only', () => {
    expect(isLocalDateTime('2026-03-02T10:00')).toBe(true);
    expect(isLocalDateTime('2026-03-02T10:00:30')).toBe(true);
    expect(isLocalDateTime('2026-02-30T10:00')).toBe(false);
    expect(isLocalDateTime('2026-03-02 10:00')).toBe(false);
  });
});
