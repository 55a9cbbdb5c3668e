import { describe, expect, it } from 'vitest';
import { onShelf } from './availability';
import { validateCheckout } from './checkout';
import { applyReturn, openLoansWithItem } from './returns';
import { asLoan, by, item, person } from './testkit';

const now = '2026-11-20T12:00';
const mugs = item('mugs', { code: 'MUGS', tracking: 'counted', quantity: 60 });
const drill = item('drill', { code: 'DRILL' });
const items = [mugs, drill];

function openLoan() {
  const r = validateCheckout(
    { borrower: person('Ольга'), deposit: '500', lines: [{ code: 'MUGS', quantity: 20 }, { code: 'DRILL', quantity: 1 }] },
    { items, loans: [], now, by },
  );
  if (!r.ok) throw new Error('setup loan refused');
  return asLoan('l1', r.loan);
}

describe('returns', () => {
  it('keeps the rest on loan after a partial return and records condition and who took it back', () => {
    const loan = openLoan();
    const r = applyReturn(loan, { lines: [{ itemId: 'mugs', quantity: 15, condition: '2 со сколами' }], at: '2026-11-21T10:00', by });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.complete).toBe(false);
    expect(r.patch.status).toBe('open');
    const after = { ...loan, ...r.patch };
    expect(onShelf(mugs, [after])).toBe(55);
    expect(onShelf(drill, [after])).toBe(0);
    expect(after.lines[0]).toMatchObject({ returnedQuantity: 15, returnCondition: '2 со сколами', returnedBy: 'Анна · counter' });
    expect(after.history.at(-1)).toMatchObject({ action: 'partly-returned', by: 'Анна · counter' });
    expect(openLoansWithItem('mugs', [after]).map((l) => l.id)).toEqual(['l1']);

    const rest = applyReturn(after, {
      lines: [{ itemId: 'mugs', quantity: 5 }, { itemId: 'drill', quantity: '1' }],
      depositReturned: true,
      at: '2026-11-22T10:00',
      by,
    });
    expect(rest.ok && rest.complete).toBe(true);
    if (!rest.ok) return;
    expect(rest.patch).toMatchObject({ status: 'returned', returnedAt: '2026-11-22T10:00', depositReturned: true });
    expect(rest.patch.history.map((h) => h.action)).toEqual(['lent', 'partly-returned', 'returned', 'deposit-returned']);
    expect(openLoansWithItem('mugs', [{ ...after, ...rest.patch }])).toEqual([]);
  });

  it('refuses returning more than lent, items not on the loan, and an empty return — changing nothing', () => {
    const loan = openLoan();
    const r = applyReturn(loan, {
      lines: [{ itemId: 'mugs', quantity: 21 }, { itemId: 'chairs', quantity: 1 }, { itemId: 'drill', quantity: -1 }],
      at: now,
      by,
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.lineErrors.map((e) => e.map((x) => x.code))).toEqual([['loans.returnTooMany'], ['loans.notOnLoan'], ['loans.quantityInvalid']]);
    if (!r.ok) expect(r.lineErrors[0]![0]!.available).toBe(20);
    const empty = applyReturn(loan, { lines: [{ itemId: 'mugs', quantity: 0 }], at: now, by });
    expect(!empty.ok && empty.errors.map((e) => e.code)).toEqual(['loans.nothingToReturn']);
    const closed = applyReturn({ ...loan, status: 'returned' }, { lines: [{ itemId: 'mugs', quantity: 1 }], at: now, by });
    expect(!closed.ok && closed.errors.map((e) => e.code)).toEqual(['loans.notOpen']);
  });

  it('returns only the deposit when nothing else comes back', () => {
    const r = applyReturn(openLoan(), { lines: [], depositReturned: true, at: now, by });
    expect(r.ok && r.patch.depositReturned).toBe(true);
    expect(r.ok && r.patch.status).toBe('open');
  });
});
