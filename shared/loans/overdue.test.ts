import { describe, expect, it } from 'vitest';
import { daysOverdue, hasOverdue, overdueList, sameBorrower } from './overdue';
import { person } from './testkit';
import type { LoanLike } from './types';

function loan(id: string, dueAt: string, borrower = person(id), status: LoanLike['status'] = 'open'): LoanLike {
  return { id, status, borrower, bookingId: '', outAt: '2026-01-01T10:00', dueAt, lines: [{ itemId: 'drill', quantity: 2, returnedQuantity: 1, returnCondition: '', returnedAt: '', returnedBy: '' }] };
}

describe('overdue', () => {
  it('counts days across month ends and leap years', () => {
    expect(daysOverdue(loan('a', '2026-01-31T18:00'), '2026-03-01T09:00')).toBe(29);
    expect(daysOverdue(loan('a', '2028-01-31T18:00'), '2028-03-01T09:00')).toBe(30);
    expect(daysOverdue(loan('a', '2026-04-30T18:00'), '2026-05-01T09:00')).toBe(1);
    expect(daysOverdue(loan('a', '2026-12-31T18:00'), '2027-01-01T00:00')).toBe(1);
    expect(daysOverdue(loan('a', '2026-03-01T10:00'), '2026-03-01T11:00')).toBe(0);
    expect(daysOverdue(loan('a', '2026-03-01T10:00'), '2026-03-01T10:00')).toBe(-1);
    expect(daysOverdue(loan('a', '2026-01-01T10:00', person('a'), 'returned'), '2026-03-01T10:00')).toBe(-1);
  });

  it('lists overdue loans longest first with the phone from the loan or the directory', () => {
    const loans = [
      loan('feb', '2026-02-27T18:00', person('Пётр', '', 'p1')),
      loan('jan', '2026-01-31T18:00', person('Мария', '+7 900 000-00-02')),
      loan('future', '2026-03-05T18:00'),
      loan('done', '2026-01-01T18:00', person('x'), 'returned'),
    ];
    const list = overdueList(loans, [{ id: 'drill', name: 'Дрель', code: 'SD-1' }], '2026-03-01T09:00', [{ id: 'p1', phone: '+7 911 111-11-11' }]);
    expect(list.map((e) => [e.loan.id, e.days, e.phone])).toEqual([
      ['jan', 29, '+7 900 000-00-02'],
      ['feb', 2, '+7 911 111-11-11'],
    ]);
    expect(list[0]!.items).toEqual([{ itemId: 'drill', name: 'Дрель', code: 'SD-1', quantity: 1 }]);
  });

  it('warns about a borrower with something overdue, matching directory ids or name + phone', () => {
    const loans = [loan('x', '2026-02-27T18:00', person('Пётр Ёлкин', '8 (900) 123-45-67'))];
    expect(hasOverdue(person('пётр  елкин', '+7 900 123 45 67'), loans, '2026-03-01T09:00')).toBe(true);
    expect(hasOverdue(person('Пётр Ёлкин', '+7 900 000 00 00'), loans, '2026-03-01T09:00')).toBe(false);
    expect(hasOverdue(person('Пётр Ёлкин'), loans, '2026-02-27T09:00')).toBe(false);
    expect(sameBorrower(person('A', '', 'p1'), person('B', '', 'p1'))).toBe(true);
    expect(sameBorrower(person('A', '', 'p1'), person('A', '', 'p2'))).toBe(false);
  });
});
