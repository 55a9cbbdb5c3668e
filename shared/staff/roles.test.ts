import { describe, expect, it } from 'vitest';
import type { StaffDoc, StaffRole } from '../db/schemas';
import { authorise, leavesNoCoordinator, staffNameProblem } from './roles';

const hash = { kdf: 'scrypt', N: 16384, r: 8, p: 1, salt: '', hash: '' } as const;
const member = (id: string, name: string, role: StaffRole, archived = false): StaffDoc => ({
  id,
  name,
  role,
  archived,
  pin: hash,
  pinSetAt: '',
  createdAt: '',
  updatedAt: '',
  updatedBy: { desk: 'd', volunteer: '' },
});
const anna = member('a', 'Анна', 'coordinator');
const petr = member('p', 'Пётр', 'volunteer');
const olga = member('o', 'Ольга', 'coordinator', true);
const staff = [anna, petr, olga];

describe('authorise (coordinator-only actions)', () => {
  it('a centre without (active) staff is open, signed with the typed name', () => {
    expect(authorise([], null, null, 'Маша')).toEqual({ ok: true, by: { id: '', name: 'Маша' }, approvedBy: null });
    expect(authorise([olga], null, null, 'Маша').ok).toBe(true);
  });
  it('needs someone on shift who is still on the list', () => {
    expect(authorise(staff, null, null, '')).toEqual({ ok: false, code: 'staff.notOnShift' });
    expect(authorise(staff, { id: 'o', name: 'Ольга', role: 'coordinator' }, null, '')).toEqual({ ok: false, code: 'staff.notOnShift' });
  });
  it('the list decides the role, not what the desk remembers', () => {
    expect(authorise(staff, { id: 'p', name: 'Пётр', role: 'coordinator' }, null, '')).toEqual({ ok: false, code: 'staff.coordinatorRequired' });
    expect(authorise(staff, { id: 'a', name: 'A', role: 'volunteer' }, null, '')).toEqual({ ok: true, by: { id: 'a', name: 'Анна' }, approvedBy: null });
  });
  it('a volunteer with an active coordinator’s approval: both names', () => {
    expect(authorise(staff, { id: 'p', name: 'Пётр', role: 'volunteer' }, anna, '')).toEqual({ ok: true, by: { id: 'p', name: 'Пётр' }, approvedBy: { id: 'a', name: 'Анна' } });
    expect(authorise(staff, { id: 'p', name: 'Пётр', role: 'volunteer' }, olga, '').ok).toBe(false);
    expect(authorise(staff, { id: 'p', name: 'Пётр', role: 'volunteer' }, petr, '').ok).toBe(false);
  });
});

describe('staff list rules', () => {
  it('never leaves the centre without a coordinator', () => {
    expect(leavesNoCoordinator(staff, 'a', { role: 'coordinator', archived: true })).toBe(true);
    expect(leavesNoCoordinator(staff, 'a', { role: 'volunteer', archived: false })).toBe(true);
    expect(leavesNoCoordinator(staff, 'p', { role: 'volunteer', archived: true })).toBe(false);
    expect(leavesNoCoordinator([...staff, member('b', 'Борис', 'coordinator')], 'a', { role: 'volunteer', archived: false })).toBe(false);
  });
  it('names are given and unique among active staff (case aside)', () => {
    expect(staffNameProblem(staff, '  ')).toBe('staff.name');
    expect(staffNameProblem(staff, 'анна ')).toBe('staff.duplicate');
    expect(staffNameProblem(staff, 'Анна', 'a')).toBeNull();
    expect(staffNameProblem(staff, 'Ольга')).toBeNull(); // archived
  });
});
