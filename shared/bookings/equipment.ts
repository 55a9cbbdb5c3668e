/**
 * Equipment reserved with a booking ("40 chairs and the projector for Saturday").
 *
 * A booking's `equipment` lines are held by one reservation: a `loans` document with status
 * 'reserved' and the booking's id in `bookingId`, over the booking's time range from setup to
 * clean-up. The loan rules (availability, reservation shape) are the loans engineer's
 * (`shared/loans`); this file only decides what to write when a booking is saved or cancelled.
 */
import type { BookingDoc, EquipmentLine } from '../db/schemas/bookings';
import type { LoanDoc } from '../db/schemas/loans';
import type { LoanContext } from '../loans/checkout';
import { cancelReservation, reservationFromBooking } from '../loans/reservations';
import { historyEntry, type Holder, type LoanData, type LoanErrorCode } from '../loans/types';

/** Why a line cannot be reserved, as data for the form to put in words. */
export interface EquipmentProblem {
  itemId: string;
  /** The item's name ('' when it is not in the catalogue). */
  name: string;
  code: LoanErrorCode;
  wanted: number;
  /** Units free over the booking's range, where it matters. */
  available?: number;
  /** Who else holds the item over the range. */
  holders: Holder[];
}

type ReservationPatch = Pick<LoanData, 'borrower' | 'lines' | 'outAt' | 'dueAt' | 'notes' | 'history'>;

export type EquipmentPlan =
  | { kind: 'none' }
  | { kind: 'create'; loan: LoanData }
  | { kind: 'update'; loanId: string; patch: ReservationPatch }
  | { kind: 'cancel'; loanId: string; patch: Pick<LoanData, 'status' | 'history'> }
  | { kind: 'refused'; problems: EquipmentProblem[] };

type BookingForEquipment = Pick<BookingDoc, 'id' | 'start' | 'end' | 'setupMinutes' | 'cleanupMinutes' | 'organiser' | 'title' | 'equipment' | 'status'>;

/** The lines worth reserving: quantities above zero, several lines of one item added up. */
export function equipmentLines(lines: readonly EquipmentLine[]): EquipmentLine[] {
  const total = new Map<string, number>();
  for (const l of lines) if (l.itemId && l.quantity > 0) total.set(l.itemId, (total.get(l.itemId) ?? 0) + l.quantity);
  return [...total].map(([itemId, quantity]) => ({ itemId, quantity }));
}

/** The live reservation of a booking among loans (status 'reserved'), if any. */
export function reservationOf(bookingId: string, loans: readonly LoanDoc[]): LoanDoc | undefined {
  return loans.find((l) => l.bookingId === bookingId && l.status === 'reserved');
}

/**
 * What to write for a booking's equipment when the booking is saved (or cancelled):
 * create, update or cancel its reservation, or refuse with the lines that do not fit.
 * `ctx.loans` are the open loans and reservations (the booking's own reservation is left out of the
 * availability count, so re-saving never competes with itself). Once the equipment was picked up at
 * the counter (a linked loan that is not 'reserved'), the counter owns it and nothing is written.
 */
export function planEquipment(booking: BookingForEquipment, linked: readonly LoanDoc[], ctx: LoanContext): EquipmentPlan {
  const own = linked.filter((l) => l.bookingId === booking.id);
  if (own.some((l) => l.status === 'open' || l.status === 'returned')) return { kind: 'none' };
  const current = reservationOf(booking.id, own);
  const lines = booking.status === 'cancelled' ? [] : equipmentLines(booking.equipment);
  if (lines.length === 0) {
    if (!current) return { kind: 'none' };
    const r = cancelReservation(current, ctx);
    return r.ok ? { kind: 'cancel', loanId: current.id, patch: r.patch } : { kind: 'none' };
  }
  const others = ctx.loans.filter((l) => l.id !== current?.id);
  const r = reservationFromBooking({ ...booking, equipment: lines }, { ...ctx, loans: others });
  if (!r.ok) {
    const problems = lines.flatMap((line, i) =>
      (r.lineErrors[i] ?? []).map((e) => ({
        itemId: line.itemId,
        name: ctx.items.find((it) => it.id === line.itemId)?.name ?? '',
        code: e.code,
        wanted: line.quantity,
        available: e.available,
        holders: e.holders ?? [],
      })),
    );
    // Errors of the whole reservation (no organiser name and no title, bad times) are the booking's own.
    return problems.length ? { kind: 'refused', problems } : { kind: 'none' };
  }
  if (!current) return { kind: 'create', loan: r.loan };
  const { borrower, lines: loanLines, outAt, dueAt, notes } = r.loan;
  return {
    kind: 'update',
    loanId: current.id,
    patch: { borrower, lines: loanLines, outAt, dueAt, notes, history: [...current.history, historyEntry(ctx.now, ctx.by, 'reserved', `booking:${booking.id}`)] },
  };
}

/** The reservations to cancel when bookings are cancelled (a whole series, this and following). */
export function reservationsToCancel(bookingIds: readonly string[], loans: readonly LoanDoc[], ctx: Pick<LoanContext, 'now' | 'by'>): { loanId: string; patch: Pick<LoanData, 'status' | 'history'> }[] {
  const ids = new Set(bookingIds);
  return loans.flatMap((l) => {
    if (!ids.has(l.bookingId) || l.status !== 'reserved') return [];
    const r = cancelReservation(l, ctx);
    return r.ok ? [{ loanId: l.id, patch: r.patch }] : [];
  });
}
