/**
 * Every write of the loans screen, by name (loans.checkOut, loans.returnItems, …). Each command re-reads items
 * and loans from the database, runs the domain rule from shared/loans and writes one document — or nothing.
 * Hooks bind them to the desk (`useLoanActions` in ./hooks.ts); components never call them with a database.
 */
import { stampChange, stampNew, type Author, type BookingDoc, type DeskDatabase, type ItemDoc, type LoanDoc } from '@shared/db';
import { localNow } from '@shared/time';
import { syncService } from '../sync/syncStore';
import { asCoordinator } from '../staff/commands';
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
  type ReservationInput,
  type ReturnInput,
} from './domain';

export type ActionResult = { ok: true; id: string } | { ok: false; errors: LoanError[]; lineErrors?: LoanError[][] };

interface Desk {
  db: DeskDatabase;
  by: Author;
}
type RuleContext = Awaited<ReturnType<typeof context>>;
type Drafted = { ok: true; loan: LoanData } | { ok: false; errors: LoanError[]; lineErrors?: LoanError[][] };
type Patched = { ok: true; patch: Partial<LoanDoc> } | { ok: false; errors: LoanError[]; lineErrors?: LoanError[][] };

async function context({ db, by }: Desk) {
  const [items, loans] = await Promise.all([db.items.find().exec(), db.loans.find({ selector: { status: { $in: ['open', 'reserved'] } } }).exec()]);
  return { items: items.map((d) => d.toJSON() as ItemDoc), loans: loans.map((d) => d.toJSON() as LoanDoc), now: localNow(), by };
}

/** Runs a rule that drafts a new loan or reservation; writes the one document only if it validated. */
async function insertLoan(desk: Desk, draft: (ctx: RuleContext) => Promise<Drafted> | Drafted): Promise<ActionResult> {
  const r = await draft(await context(desk));
  if (!r.ok) return r;
  const doc = stampNew(r.loan, desk.by);
  await desk.db.loans.insert(doc);
  return { ok: true, id: doc.id };
}

/** Applies a domain patch to one loan, re-validated against its latest stored version. */
async function patchLoan(desk: Desk, id: string, rule: (loan: LoanDoc, ctx: RuleContext) => Patched): Promise<ActionResult> {
  const doc = await desk.db.loans.findOne(id).exec();
  if (!doc) return { ok: false, errors: [{ code: 'loans.notOpen' }] };
  const r = rule(doc.toJSON() as LoanDoc, await context(desk));
  if (!r.ok) return r;
  await doc.incrementalPatch(stampChange(r.patch, desk.by));
  return { ok: true, id };
}

async function saveItem({ db, by }: Desk, input: ItemInput, id?: string) {
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
}

export const loans = {
  checkOut: (desk: Desk, input: CheckoutInput) => insertLoan(desk, (ctx) => validateCheckout(input, ctx)),
  reserve: (desk: Desk, input: ReservationInput) => insertLoan(desk, (ctx) => validateReservation(input, ctx)),
  reserveFromBooking: (desk: Desk, bookingId: string) =>
    insertLoan(desk, async (ctx) => {
      const booking = await desk.db.bookings.findOne(bookingId).exec();
      if (!booking) return { ok: false, errors: [{ code: 'loans.notReserved' }] };
      return reservationFromBooking(booking.toJSON() as BookingDoc, ctx);
    }),
  returnItems: (desk: Desk, id: string, input: Omit<ReturnInput, 'at' | 'by'>) => patchLoan(desk, id, (loan, ctx) => applyReturn(loan, { ...input, at: ctx.now, by: desk.by })),
  pickUp: (desk: Desk, id: string) => patchLoan(desk, id, (loan, ctx) => pickup(loan, ctx)),
  cancelReservation: (desk: Desk, id: string) => patchLoan(desk, id, (loan, ctx) => cancelReservation(loan, ctx)),
  saveItem,
  /** Archives an item or brings it back (coordinator only, logged). */
  setArchived: ({ db, by }: Desk, id: string, archived: boolean) =>
    asCoordinator({ db, author: by }, 'item.archive', id, async () => {
      const doc = await db.items.findOne(id).exec();
      await doc?.incrementalPatch(stampChange({ archived }, by));
    }),
  /** Inserts validated import rows; refuses the whole batch if any insert fails and takes back what went in. */
  importItems: ({ db, by }: Desk, items: ItemData[]) => syncService.withSyncPaused(() => insertAllOrNothing(db.items, items.map((it) => stampNew(it, by)))),
};
