import { describe, expect, it } from 'vitest';
import { availability, onShelf } from './availability';
import { findItemByCode, normalizeCode, validateCheckout } from './checkout';
import { parseMoney } from './lines';
import { validateReservation } from './reservations';
import { asLoan, by, item, person } from './testkit';
import type { LoanLike } from './types';

const now = '2026-11-20T12:00';
const chairs = item('chairs', { code: 'SD-000001-8', tracking: 'counted', quantity: 40, loanDays: 3 });
const projector = item('projector', { code: 'SD-000002-6', loanDays: 2 });
const drill = item('drill', { code: 'DRILL-1', loanDays: 7 });
const old = item('old', { code: 'OLD', archived: true });
const items = [chairs, projector, drill, old];

function lend(loans: LoanLike[], lines: { code: string; quantity: number | string }[], who = person('Иван', '+7 900 000-00-01')) {
  return validateCheckout({ borrower: who, lines, deposit: '' }, { items, loans, now, by });
}

describe('check-out validation', () => {
  it('builds a complete open loan with the due date from the shortest loan period', () => {
    const r = lend([], [{ code: 'sd-000001-8', quantity: 10 }, { code: 'DRILL-1', quantity: 1 }]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.loan.status).toBe('open');
    expect(r.loan.dueAt).toBe('2026-11-23T12:00');
    expect(r.loan.lines.map((l) => [l.itemId, l.quantity, l.returnedQuantity])).toEqual([['chairs', 10, 0], ['drill', 1, 0]]);
    expect(r.loan.backdated).toBe(false);
    expect(r.loan.history).toEqual([{ at: now, by: 'Анна · counter', action: 'lent', detail: '' }]);
  });

  it('gives an error code per line and writes nothing when any line fails', () => {
    const r = validateCheckout(
      {
        borrower: person('  '),
        deposit: 'пятьсот',
        lines: [
          { code: 'NOPE', quantity: 1 },
          { code: 'SD-000001-8', quantity: 41 },
          { code: 'SD-000002-6', quantity: 2 },
          { code: 'OLD', quantity: 1 },
          { code: 'DRILL-1', quantity: '1.5' },
          { code: 'DRILL-1', quantity: 1 },
        ],
      },
      { items, loans: [], now, by },
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.code).sort()).toEqual(['loans.depositInvalid', 'loans.noBorrower']);
    expect(r.lineErrors.map((e) => e.map((x) => x.code))).toEqual([
      ['loans.unknownCode'],
      ['loans.notEnough'],
      ['loans.singleQuantity'],
      ['loans.archived'],
      ['loans.quantityInvalid'],
      [],
    ]);
    expect(r.lineErrors[1]![0]!.available).toBe(40);
  });

  it('never lends more than is on the shelf, adding up lines of the same item', () => {
    const first = lend([], [{ code: 'SD-000001-8', quantity: 30 }]);
    if (!first.ok) throw new Error('first loan refused');
    const loans = [asLoan('l1', first.loan)];
    expect(onShelf(chairs, loans)).toBe(10);
    const r = lend(loans, [{ code: 'SD-000001-8', quantity: 6 }, { code: 'SD-000001-8', quantity: 5 }]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.lineErrors.map((e) => e[0]?.code)).toEqual(['loans.notEnough', 'loans.notEnough']);
    expect(lend(loans, [{ code: 'SD-000001-8', quantity: 10 }]).ok).toBe(true);
  });

  it('refuses a reserved projector over the reservation and says who reserved it', () => {
    const res = validateReservation(
      { borrower: person('Клуб «Кино»', '+7 900 111-22-33'), lines: [{ itemId: 'projector', quantity: 1 }], from: '2026-11-21T10:00', to: '2026-11-21T18:00' },
      { items, loans: [], now, by },
    );
    if (!res.ok) throw new Error('reservation refused');
    const loans = [asLoan('r1', res.loan)];
    const r = lend(loans, [{ code: 'SD-000002-6', quantity: 1 }]); // due in 2 days: overlaps Saturday
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const err = r.lineErrors[0]![0]!;
    expect(err.code).toBe('loans.reserved');
    expect(err.holders?.map((h) => [h.name, h.phone, h.loanId])).toEqual([['Клуб «Кино»', '+7 900 111-22-33', 'r1']]);
    // Back before the reservation starts: fine.
    const short = validateCheckout(
      { borrower: person('Иван'), lines: [{ code: 'SD-000002-6', quantity: 1 }], deposit: '', dueAt: '2026-11-21T09:00' },
      { items, loans, now, by },
    );
    expect(short.ok).toBe(true);
    expect(availability(projector, loans, { from: now, to: '2026-11-21T09:00' }, now).available).toBe(1);
  });

  it('marks a loan recorded later as backdated and refuses one in the future', () => {
    const r = validateCheckout(
      { borrower: person('Иван'), lines: [{ code: 'DRILL-1', quantity: 1 }], deposit: '300', outAt: '2026-11-18T16:00' },
      { items, loans: [], now, by },
    );
    expect(r.ok && r.loan.backdated).toBe(true);
    expect(r.ok && r.loan.dueAt).toBe('2026-11-25T16:00');
    expect(r.ok && r.loan.deposit).toBe(300);
    expect(r.ok && r.loan.history[0]!.detail).toBe('backdated:2026-11-18T16:00');
    const future = validateCheckout(
      { borrower: person('Иван'), lines: [{ code: 'DRILL-1', quantity: 1 }], deposit: '', outAt: '2026-11-21T16:00' },
      { items, loans: [], now, by },
    );
    expect(!future.ok && future.errors.map((e) => e.code)).toEqual(['loans.outInFuture']);
    const noLines = validateCheckout({ borrower: person('Иван'), lines: [], deposit: '' }, { items, loans: [], now, by });
    expect(!noLines.ok && noLines.errors.map((e) => e.code)).toEqual(['loans.noLines']);
  });

  it('reads scanner input typed on a Russian keyboard layout', () => {
    expect(normalizeCode(' ЫВ-000001-8 ')).toBe('SD-000001-8');
    expect(findItemByCode(items, 'ыв-000002-6')?.id).toBe('projector');
    expect(findItemByCode(items, '')).toBeUndefined();
  });

  it('parses deposits as typed at the desk', () => {
    expect(parseMoney('')).toBe(0);
    expect(parseMoney('1 500,50')).toBe(1500.5);
    expect(parseMoney('500 ₽')).toBe(500);
    expect(parseMoney('-5')).toBeNull();
    expect(parseMoney('5e3')).toBeNull();
    expect(parseMoney('abc')).toBeNull();
  });
});
