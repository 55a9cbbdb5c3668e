import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isValidPhone, validateGroup, validatePerson, type PersonInput } from './validate';

const ok: PersonInput = { name: 'Анна', phone: '', email: '', consent: { given: false, date: '', recordedBy: '' } };
const codes = (input: Partial<PersonInput>) => validatePerson({ ...ok, ...input }).map((e) => e.code);

describe('validatePerson', () => {
  it('accepts a name alone', () => {
    expect(codes({})).toEqual([]);
  });
  it('requires a name (spaces are not a name)', () => {
    expect(codes({ name: '   ' })).toEqual(['person.nameRequired']);
    expect(codes({ name: 'я'.repeat(201) })).toEqual(['person.nameTooLong']);
  });
  it('accepts phones in any usual formatting and refuses letters', () => {
    for (const p of ['+7 (912) 345-67-89', '8 912 345 67 89', '345-67-89', '112']) expect(codes({ phone: p })).toEqual([]);
    for (const p of ['8 912 ABC 67 89', '+7 912 345 67 89 доб. 5', '12', '1'.repeat(16), '+7.912.345']) {
      expect(codes({ phone: p }), p).toEqual(['person.phoneInvalid']);
    }
  });
  it('checks the e-mail shape', () => {
    expect(codes({ email: 'anna@example.org' })).toEqual([]);
    for (const e of ['anna', 'anna@', '@example.org', 'an na@example.org', 'anna@example']) expect(codes({ email: e }), e).toEqual(['person.emailInvalid']);
  });
  it('wants a real consent date when consent is given', () => {
    expect(codes({ consent: { given: true, date: '', recordedBy: 'Анна' } })).toEqual(['person.consentDateRequired']);
    expect(codes({ consent: { given: true, date: '2026-02-30', recordedBy: 'Анна' } })).toEqual(['person.consentDateInvalid']);
    expect(codes({ consent: { given: true, date: '2026-02-28', recordedBy: 'Анна' } })).toEqual([]);
  });
  it('reports every bad field at once', () => {
    expect(validatePerson({ name: '', phone: 'abc', email: 'x', consent: { given: false, date: '', recordedBy: '' } }).map((e) => e.field)).toEqual([
      'name',
      'phone',
      'email',
    ]);
  });
  it('no string containing a letter is a valid phone', () => {
    fc.assert(fc.property(fc.string(), fc.constantFrom(...'abcxyzабвя'.split('')), (s, letter) => !isValidPhone(s + letter + s)));
  });
});

describe('validateGroup', () => {
  it('requires a name and a known kind', () => {
    expect(validateGroup({ name: 'ТОС', kind: 'tos', contactPhone: '' })).toEqual([]);
    expect(validateGroup({ name: ' ', kind: 'nope' as never, contactPhone: 'x' }).map((e) => e.code)).toEqual([
      'group.nameRequired',
      'group.kindInvalid',
      'group.phoneInvalid',
    ]);
  });
});
