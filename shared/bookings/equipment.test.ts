import { describe, expect, it } from 'vitest';
import type { LoanDoc } from '../db/schemas/loans';
import { asLoan, by, item } from '../loans/testkit';
import { emptyBooking } from './model';
import { equipmentLines, planEquipment, reservationsToCancel } from './equipment';

const stamp = { createdAt: '2030-01-01T00:00:00.000Z', updatedAt: '2030-01-01T00:00:00.000Z', updatedBy: by };
const items = [item('chairs', { name: 'Стулья', tracking: 'counted', quantity: 40 }), item('projector', { name: 'Проектор' })];
const now = '2030-03-01T12:00';
const ctx = (loans: LoanDoc[] = []) => ({ items, loans, now, by });

/** Saturday 14–17 with an hour of setup and half an hour of clean-up. */
const booking = (over: Partial<ReturnType<typeof emptyBooking>> = {}) => ({
  ...emptyBooking({
    roomId: 'hall', title: 'Праздник двора', start: '2030-03-09T14:00', end: '2030-03-09T17:00', setupMinutes: 60, cleanupMinutes: 30,
    organiser: { kind: 'free', refId: '', name: 'Ольга', phone: '+7 900 000-00-00' },
    equipment: [{ itemId: 'chairs', quantity: 30 }, { itemId: 'projector', quantity: 1 }],
    ...over,
  }),
  id: 'b1',
});

/** The reservation a plan would create, stored as a document. */
function stored(plan: ReturnType<typeof planEquipment>, id = 'r1'): LoanDoc {
  if (plan.kind !== 'create') throw new Error(`expected create, got ${plan.kind}`);
  return { ...asLoan(id, plan.loan), ...stamp } as LoanDoc;
}

describe('equipment reserved with a booking', () => {
  it('adds up lines of one item and drops empty ones', () => {
    expect(equipmentLines([{ itemId: 'chairs', quantity: 10 }, { itemId: 'chairs', quantity: 5 }, { itemId: 'projector', quantity: 0 }, { itemId: '', quantity: 2 }])).toEqual([
      { itemId: 'chairs', quantity: 15 },
    ]);
  });

  it('creates a reservation over setup to clean-up, linked to the booking, in the organiser\'s name', () => {
    const plan = planEquipment(booking(), [], ctx());
    expect(plan.kind).toBe('create');
    const loan = stored(plan);
    expect(loan).toMatchObject({ status: 'reserved', bookingId: 'b1', outAt: '2030-03-09T13:00', dueAt: '2030-03-09T17:30', borrower: { name: 'Ольга' } });
    expect(loan.lines.map((l) => [l.itemId, l.quantity])).toEqual([['chairs', 30], ['projector', 1]]);
  });

  it('refuses, per item and with who holds it, when not enough is free over that range', () => {
    const other = stored(planEquipment({ ...booking(), id: 'b0', start: '2030-03-09T10:00', end: '2030-03-09T13:30', setupMinutes: 0, cleanupMinutes: 0, organiser: { kind: 'free', refId: '', name: 'Пётр', phone: '' }, equipment: [{ itemId: 'chairs', quantity: 20 }] }, [], ctx()), 'r0');
    const plan = planEquipment(booking(), [], ctx([other]));
    expect(plan).toMatchObject({ kind: 'refused', problems: [{ itemId: 'chairs', name: 'Стулья', code: 'loans.reserved', wanted: 30, available: 20, holders: [{ name: 'Пётр' }] }] });
    // ending before our setup begins leaves all 40 chairs free (half-open ranges)
    const early = { ...other, dueAt: '2030-03-09T13:00' };
    expect(planEquipment(booking(), [], ctx([early])).kind).toBe('create');
    // more than the centre owns
    expect(planEquipment(booking({ equipment: [{ itemId: 'chairs', quantity: 41 }] }), [], ctx())).toMatchObject({ kind: 'refused', problems: [{ code: 'loans.notEnough', available: 40 }] });
  });

  it('re-saving updates its own reservation without competing with itself; moving it re-checks the new time', () => {
    const mine = stored(planEquipment(booking(), [], ctx()));
    const more = planEquipment(booking({ equipment: [{ itemId: 'chairs', quantity: 40 }] }), [mine], ctx([mine]));
    expect(more).toMatchObject({ kind: 'update', loanId: 'r1', patch: { outAt: '2030-03-09T13:00', lines: [{ itemId: 'chairs', quantity: 40 }] } });
    const someoneElse = { ...mine, id: 'r9', bookingId: 'b9', lines: [{ ...mine.lines[0]!, quantity: 15 }], outAt: '2030-03-10T10:00', dueAt: '2030-03-10T20:00' };
    const moved = planEquipment(booking({ start: '2030-03-10T14:00', end: '2030-03-10T17:00' }), [mine], ctx([mine, someoneElse]));
    expect(moved).toMatchObject({ kind: 'refused', problems: [{ itemId: 'chairs', available: 25 }] });
  });

  it('no equipment left, or the booking cancelled, cancels the reservation; nothing to do without one', () => {
    const mine = stored(planEquipment(booking(), [], ctx()));
    expect(planEquipment(booking({ equipment: [] }), [mine], ctx([mine]))).toMatchObject({ kind: 'cancel', loanId: 'r1', patch: { status: 'cancelled' } });
    expect(planEquipment(booking({ status: 'cancelled' }), [mine], ctx([mine]))).toMatchObject({ kind: 'cancel', loanId: 'r1' });
    expect(planEquipment(booking({ equipment: [] }), [], ctx())).toEqual({ kind: 'none' });
    expect(reservationsToCancel(['b1', 'b2'], [mine, { ...mine, id: 'r2', bookingId: 'b3' }], { now, by }).map((r) => r.loanId)).toEqual(['r1']);
  });

  it('once picked up at the counter, the booking no longer rewrites the loan', () => {
    const mine = { ...stored(planEquipment(booking(), [], ctx())), status: 'open' as const };
    expect(planEquipment(booking({ equipment: [{ itemId: 'chairs', quantity: 5 }] }), [mine], ctx([mine]))).toEqual({ kind: 'none' });
  });
});
