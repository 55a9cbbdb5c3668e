import { useEffect, useMemo, useState } from 'react';
import type { BookingDoc, ItemDoc, LoanDoc, PersonDoc } from '@shared/db';
import type { CheckoutInput, ItemData, ItemInput, LocalDateTime, ReservationInput, ReturnInput } from './domain';
import { loans } from './commands';
import { addDays, datePart, localNow } from '@shared/time';
import { useGatedCommands } from '../staff/hooks';
import { useLiveQuery } from '../../app/db';

/** The desk clock as local wall-clock time, refreshed every 20 s (Playwright's clock moves it in tests). */
export function useNow(): LocalDateTime {
  const [now, setNow] = useState(() => localNow());
  useEffect(() => {
    const id = window.setInterval(() => setNow(localNow()), 20_000);
    return () => window.clearInterval(id);
  }, []);
  return now;
}

export function useItems(): ItemDoc[] {
  const { data } = useLiveQuery((db) => db.items.find(), []);
  return useMemo(() => ((data as ItemDoc[] | undefined) ?? []).slice().sort((a, b) => a.name.localeCompare(b.name, 'ru')), [data]);
}

/** A week back: loans made for a hall booking still running are in this window whatever their status. */
function weekAgo(now: LocalDateTime): string {
  return addDays(datePart(now), -7);
}

/**
 * The loans the counter works with: open and reserved ones (by the `status` index), plus the last week's of any
 * status (by `outAt`) so a returned booking reservation still counts for its booking. Not the whole history.
 */
export function useLoans(): LoanDoc[] {
  const since = weekAgo(localNow());
  const { data: active } = useLiveQuery((db) => db.loans.find({ selector: { status: { $in: ['open', 'reserved'] } } }), []);
  const { data: recent } = useLiveQuery((db) => db.loans.find({ selector: { outAt: { $gte: since } } }), [since]);
  return useMemo(() => {
    const byId = new Map<string, LoanDoc>();
    for (const l of (active as LoanDoc[] | undefined) ?? []) byId.set(l.id, l);
    for (const l of (recent as LoanDoc[] | undefined) ?? []) byId.set(l.id, l);
    return [...byId.values()];
  }, [active, recent]);
}

/** Every loan, for the history tab — queried only while `on`. */
export function useAllLoans(on: boolean): LoanDoc[] {
  const { data } = useLiveQuery((db) => (on ? db.loans.find() : null), [on]);
  return (data as LoanDoc[] | undefined) ?? [];
}

export function usePeople(): PersonDoc[] {
  const { data } = useLiveQuery((db) => db.people.find(), []);
  return useMemo(() => ((data as PersonDoc[] | undefined) ?? []).filter((p) => !p.erased && !p.mergedInto), [data]);
}

export type { ActionResult } from './commands';

/** The loans commands (./commands.ts) bound to this desk's database and the volunteer on shift. */
export function useLoanActions() {
  return useGatedCommands(({ db, author: by }, { gate }) => {
    const ctx = { db, by };
    return {
      checkout: (input: CheckoutInput) => loans.checkOut(ctx, input),
      reserve: (input: ReservationInput) => loans.reserve(ctx, input),
      reserveFromBooking: (bookingId: string) => loans.reserveFromBooking(ctx, bookingId),
      returnItems: (id: string, input: Omit<ReturnInput, 'at' | 'by'>) => loans.returnItems(ctx, id, input),
      pickUp: (id: string) => loans.pickUp(ctx, id),
      cancel: (id: string) => loans.cancelReservation(ctx, id),
      saveItem: (input: ItemInput, id?: string) => loans.saveItem(ctx, input, id),
      setArchived: (id: string, archived: boolean) => gate(() => loans.setArchived(ctx, id, archived)),
      importItems: (items: ItemData[]) => loans.importItems(ctx, items),
    };
  });
}

/** Bookings from now on that list equipment and have no reservation yet. */
export function useBookingsWithEquipment(now: string, loans: LoanDoc[]): BookingDoc[] {
  const { data } = useLiveQuery((db) => db.bookings.find({ selector: { end: { $gt: now } } }), [now.slice(0, 10)]);
  const reserved = new Set(loans.filter((l) => l.bookingId && l.status !== 'cancelled').map((l) => l.bookingId));
  return ((data as BookingDoc[] | undefined) ?? []).filter((b) => b.status !== 'cancelled' && (b.equipment?.length ?? 0) > 0 && !reserved.has(b.id));
}
