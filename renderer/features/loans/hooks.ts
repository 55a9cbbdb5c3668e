import { syncService } from '../sync/syncStore';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { stampChange, stampNew, type BookingDoc, type ItemDoc, type LoanDoc, type PersonDoc } from '@shared/db';
import {
  applyReturn,
  cancelReservation,
  insertAllOrNothing,
  pickup,
  reservationFromBooking,
  validateCheckout,
  validateItem,
  validateReservation,
  type CheckoutInput,
  type ItemData,
  type ItemInput,
  type LoanData,
  type LoanError,
  type LocalDateTime,
  type ReservationInput,
  type ReturnInput,
} from './domain';
import { addDays, datePart, localNow } from '@shared/time';
import { useAuthor, useDb, useLiveQuery } from '../../app/db';

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

export type ActionResult = { ok: true; id: string } | { ok: false; errors: LoanError[]; lineErrors?: LoanError[][] };

/**
 * Every write of the loans screen. Each action re-reads items and loans from the database,
 * runs the domain rule and writes one document — or nothing.
 */
export function useLoanActions() {
  const db = useDb();
  const by = useAuthor();

  const context = useCallback(async () => {
    const [items, loans] = await Promise.all([db.items.find().exec(), db.loans.find({ selector: { status: { $in: ['open', 'reserved'] } } }).exec()]);
    return { items: items.map((d) => d.toJSON() as ItemDoc), loans: loans.map((d) => d.toJSON() as LoanDoc), now: localNow(), by };
  }, [db, by]);

  /** Runs a rule that drafts a new loan or reservation; writes the one document only if it validated. */
  const insertLoan = useCallback(
    async (draft: (ctx: Awaited<ReturnType<typeof context>>) => Promise<{ ok: true; loan: LoanData } | { ok: false; errors: LoanError[]; lineErrors?: LoanError[][] }>): Promise<ActionResult> => {
      const r = await draft(await context());
      if (!r.ok) return r;
      const doc = stampNew(r.loan, by);
      await db.loans.insert(doc);
      return { ok: true, id: doc.id };
    },
    [db, by, context],
  );
  const checkout = useCallback((input: CheckoutInput) => insertLoan(async (ctx) => validateCheckout(input, ctx)), [insertLoan]);
  const reserve = useCallback((input: ReservationInput) => insertLoan(async (ctx) => validateReservation(input, ctx)), [insertLoan]);
  const reserveFromBooking = useCallback(
    (bookingId: string) =>
      insertLoan(async (ctx) => {
        const booking = await db.bookings.findOne(bookingId).exec();
        if (!booking) return { ok: false, errors: [{ code: 'loans.notReserved' }] };
        return reservationFromBooking(booking.toJSON() as BookingDoc, ctx);
      }),
    [db, insertLoan],
  );

  /** Applies a domain patch to one loan, re-validated against its latest stored version. */
  const patchLoan = useCallback(
    async (id: string, rule: (loan: LoanDoc, ctx: Awaited<ReturnType<typeof context>>) => { ok: true; patch: Partial<LoanDoc> } | { ok: false; errors: LoanError[]; lineErrors?: LoanError[][] }): Promise<ActionResult> => {
      const doc = await db.loans.findOne(id).exec();
      if (!doc) return { ok: false, errors: [{ code: 'loans.notOpen' }] };
      const r = rule(doc.toJSON() as LoanDoc, await context());
      if (!r.ok) return r;
      await doc.incrementalPatch(stampChange(r.patch, by));
      return { ok: true, id };
    },
    [db, by, context],
  );

  const returnItems = useCallback(
    (id: string, input: Omit<ReturnInput, 'at' | 'by'>) => patchLoan(id, (loan, ctx) => applyReturn(loan, { ...input, at: ctx.now, by })),
    [patchLoan, by],
  );
  const pickUp = useCallback((id: string) => patchLoan(id, (loan, ctx) => pickup(loan, ctx)), [patchLoan]);
  const cancel = useCallback((id: string) => patchLoan(id, (loan, ctx) => cancelReservation(loan, ctx)), [patchLoan]);

  const saveItem = useCallback(
    async (input: ItemInput, id?: string) => {
      const others = (await db.items.find().exec()).map((d) => ({ id: d.id, code: d.code }));
      const r = validateItem(input, others, id);
      if (!r.ok) return r;
      if (id) {
        const doc = await db.items.findOne(id).exec();
        await doc?.incrementalPatch(stampChange(r.fields, by));
        return { ok: true as const, id };
      }
      const doc = stampNew({ ...r.fields, photo: '', archived: false }, by);
      await db.items.insert(doc);
      return { ok: true as const, id: doc.id };
    },
    [db, by],
  );

  const setArchived = useCallback(
    async (id: string, archived: boolean) => {
      const doc = await db.items.findOne(id).exec();
      await doc?.incrementalPatch(stampChange({ archived }, by));
    },
    [db, by],
  );

  /** Inserts validated import rows; refuses the whole batch if any insert fails and takes back what went in. */
  const importItems = useCallback(
    async (items: ItemData[]) => {
      return syncService.withSyncPaused(() => insertAllOrNothing(db.items, items.map((it) => stampNew(it, by))));
    },
    [db, by],
  );

  return { checkout, reserve, reserveFromBooking, returnItems, pickUp, cancel, saveItem, setArchived, importItems };
}

/** Bookings from now on that list equipment and have no reservation yet. */
export function useBookingsWithEquipment(now: string, loans: LoanDoc[]): BookingDoc[] {
  const { data } = useLiveQuery((db) => db.bookings.find({ selector: { end: { $gt: now } } }), [now.slice(0, 10)]);
  const reserved = new Set(loans.filter((l) => l.bookingId && l.status !== 'cancelled').map((l) => l.bookingId));
  return ((data as BookingDoc[] | undefined) ?? []).filter((b) => b.status !== 'cancelled' && (b.equipment?.length ?? 0) > 0 && !reserved.has(b.id));
}
