import { describe, expect, it } from 'vitest';
import { isErasedBorrower } from './types';
import { erasePerson } from '../visits/privacy';
import { applyPatches } from '../people/patches';
import { loan, person } from '../people/testDocs';

describe('isErasedBorrower', () => {
  it('an open loan of a person erased on request is recognised as erased (the desk says "data erased")', () => {
    const people = [person('p0', 'Анна Петрова', { phone: '+7 912 000 11 22' }), person('p1', 'Сергей')];
    const loans = [loan('l0', 'p0'), loan('l1', 'p1')];
    expect(loans.map((l) => isErasedBorrower(l.borrower))).toEqual([false, false]);
    const patches = erasePerson('p0', { people, visits: [], loans, bookings: [], groups: [] });
    const after = applyPatches(loans, patches.loans);
    expect(after.map((l) => [l.status, isErasedBorrower(l.borrower)])).toEqual([
      ['open', true],
      ['open', false],
    ]);
  });

  it('a typed-in borrower with only a name or only a phone is not erased', () => {
    expect(isErasedBorrower({ personId: '', name: 'Гость', phone: '' })).toBe(false);
    expect(isErasedBorrower({ personId: '', name: '', phone: '+7 900 000 00 00' })).toBe(false);
  });
});
