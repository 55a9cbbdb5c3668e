import type { BookingDoc } from '../db/schemas/bookings';
import type { LocalDateTime } from '../db/types';
import { hasBorrower, defaultDueAt, type LoanContext } from './checkout';
import { newLine, validateHoldLines } from './lines';
import { addMinutes, compareTime, isLocalDateTime, maxTime } from '../time';
import { historyEntry, type Borrower, type LoanData, type LoanError, type LoanLike } from './types';

export interface ReservationInput {
  borrower: Borrower;
  lines: { itemId: string; quantity: number | string }[];
  from: LocalDateTime;
  to: LocalDateTime;
  bookingId?: string;
  notes?: string;
}

export type ReservationResult = { ok: true; loan: LoanData } | { ok: false; errors: LoanError[]; lineErrors: LoanError[][] };

/** Reserves items for a future range: all lines fit or nothing is written. */
export function validateReservation(input: ReservationInput, ctx: LoanContext): ReservationResult {
  const errors: LoanError[] = [];
  if (!hasBorrower(input.borrower)) errors.push({ code: 'loans.noBorrower' });
  if (input.lines.length === 0) errors.push({ code: 'loans.noLines' });
  const timesOk = isLocalDateTime(input.from) && isLocalDateTime(input.to);
  if (!timesOk) errors.push({ code: 'loans.badTime' });
  else if (compareTime(input.to, input.from) <= 0) errors.push({ code: 'loans.dueBeforeOut', value: input.to });
  const resolved = input.lines.map((l) => ({ item: ctx.items.find((i) => i.id === l.itemId), quantity: l.quantity, value: l.itemId }));
  const lineErrors = timesOk
    ? validateHoldLines(resolved, { from: input.from, to: input.to }, ctx.loans, ctx.now)
    : resolved.map(() => []);
  if (errors.length > 0 || lineErrors.some((e) => e.length > 0)) return { ok: false, errors, lineErrors };
  return {
    ok: true,
    loan: {
      status: 'reserved',
      borrower: { ...input.borrower, name: input.borrower.name.trim() },
      bookingId: input.bookingId ?? '',
      lines: resolved.map((l) => newLine(l.item!.id, Number(l.quantity))),
      outAt: input.from,
      dueAt: input.to,
      returnedAt: '',
      deposit: 0,
      depositReturned: false,
      backdated: false,
      notes: input.notes ?? '',
      history: [historyEntry(ctx.now, ctx.by, 'reserved', input.bookingId ? `booking:${input.bookingId}` : '')],
    },
  };
}

type BookingLike = Pick<BookingDoc, 'id' | 'start' | 'end' | 'organiser' | 'equipment' | 'title'> &
  Partial<Pick<BookingDoc, 'setupMinutes' | 'cleanupMinutes'>>;

/** "40 chairs + projector for Saturday": a reservation over the booking, set-up and clean-up included. */
export function reservationFromBooking(booking: BookingLike, ctx: LoanContext): ReservationResult {
  return validateReservation(
    {
      borrower: {
        personId: booking.organiser.kind === 'person' ? booking.organiser.refId : '',
        groupId: booking.organiser.kind === 'group' ? booking.organiser.refId : '',
        name: booking.organiser.name || booking.title,
        phone: booking.organiser.phone,
      },
      lines: booking.equipment.filter((e) => e.quantity > 0).map((e) => ({ itemId: e.itemId, quantity: e.quantity })),
      from: addMinutes(booking.start, -(booking.setupMinutes ?? 0)),
      to: addMinutes(booking.end, booking.cleanupMinutes ?? 0),
      bookingId: booking.id,
      notes: booking.title,
    },
    ctx,
  );
}

type Reservation = LoanLike & Pick<LoanData, 'history'>;
export type PickupResult =
  | { ok: true; patch: Pick<LoanData, 'status' | 'outAt' | 'dueAt' | 'history'> }
  | { ok: false; errors: LoanError[]; lineErrors: LoanError[][] };

/** The reservation turns into a loan at pickup: the units must be on the shelf now. */
export function pickup(reservation: Reservation, ctx: LoanContext): PickupResult {
  if (reservation.status !== 'reserved') return { ok: false, errors: [{ code: 'loans.notReserved' }], lineErrors: [] };
  const items = reservation.lines.map((l) => ctx.items.find((i) => i.id === l.itemId));
  const dueAt =
    compareTime(reservation.dueAt, ctx.now) > 0 ? reservation.dueAt : defaultDueAt(items.flatMap((i) => (i ? [i] : [])), ctx.now);
  const lineErrors = validateHoldLines(
    reservation.lines.map((l, i) => ({ item: items[i], quantity: l.quantity, value: l.itemId })),
    { from: ctx.now, to: maxTime(dueAt, addMinutes(ctx.now, 1)) },
    ctx.loans,
    ctx.now,
    reservation.id,
  );
  if (lineErrors.some((e) => e.length > 0)) return { ok: false, errors: [], lineErrors };
  return {
    ok: true,
    patch: { status: 'open', outAt: ctx.now, dueAt, history: [...reservation.history, historyEntry(ctx.now, ctx.by, 'picked-up')] },
  };
}

/** Cancels a reservation (a loan that went out is returned, not cancelled). */
export function cancelReservation(
  reservation: Reservation,
  ctx: Pick<LoanContext, 'now' | 'by'>,
  reason = '',
): { ok: true; patch: Pick<LoanData, 'status' | 'history'> } | { ok: false; errors: LoanError[] } {
  if (reservation.status !== 'reserved') return { ok: false, errors: [{ code: 'loans.notReserved' }] };
  return { ok: true, patch: { status: 'cancelled', history: [...reservation.history, historyEntry(ctx.now, ctx.by, 'cancelled', reason)] } };
}
