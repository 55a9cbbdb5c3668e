import {
  cancelOccurrence,
  checkBooking,
  detachOccurrence,
  editWholeSeries,
  endSeriesBefore,
  seriesClashes,
  seriesEditClashes,
  seriesFromBooking,
  seriesSpan,
  skipOccurrences,
  splitSeries,
  planEquipment,
  reservationsToCancel,
  type BookingError,
  type EquipmentPlan,
  type EquipmentProblem,
  type BookingFields,
  type BookingWarning,
  type Clash,
  type Occurrence,
  type RepeatRule,
  type SeriesChanges,
  type SeriesClash,
  type SeriesFields,
} from '@shared/bookings';
import { newId, SETTINGS_ID, stampChange, stampNew, type Author, type BookingDoc, type DeskDatabase, type ItemDoc, type LoanDoc, type SeriesDoc } from '@shared/db';
import { addDays, datePart, localNow } from '@shared/time';
import { loadOccurrences } from './hooks/useSlotSearch';
import { asCoordinator } from '../staff/commands';

export type SaveResult =
  | { ok: true; id: string }
  | { ok: false; errors: BookingError[]; clashes: Clash<Occurrence>[]; seriesClashes?: SeriesClash[]; equipment?: EquipmentProblem[] };

export interface CheckResult {
  errors: BookingError[];
  clashes: Clash<Occurrence>[];
  warnings: BookingWarning[];
}

async function context(db: DeskDatabase, roomId: string) {
  const [room, settings] = await Promise.all([db.rooms.findOne(roomId || '-').exec(), db.settings.findOne(SETTINGS_ID).exec()]);
  return { room: room?.toJSON() as never, settings: settings?.toJSON() as never };
}

/** Stored booking for an occurrence (id of a stored one, or the exception booking of a computed one). */
async function storedFor(db: DeskDatabase, o: Pick<Occurrence, 'id' | 'source' | 'seriesId' | 'occurrenceStart'>) {
  if (o.source === 'booking') return db.bookings.findOne(o.id).exec();
  return null;
}

/** What the equipment rules need: the catalogue, open loans and reservations, and the booking's own loans. */
async function equipmentContext(db: DeskDatabase, bookingIds: string[], by: Author) {
  const [items, loans, linked] = await Promise.all([
    db.items.find().exec(),
    db.loans.find({ selector: { status: { $in: ['open', 'reserved'] } } }).exec(),
    bookingIds.length ? db.loans.find({ selector: { bookingId: { $in: bookingIds } } }).exec() : Promise.resolve([]),
  ]);
  return {
    ctx: { items: items.map((d) => d.toJSON() as ItemDoc), loans: loans.map((d) => d.toJSON() as LoanDoc), now: localNow(), by },
    linked: linked.map((d) => d.toJSON() as LoanDoc),
  };
}

/** Writes what `planEquipment` decided (the booking itself is already written). */
async function applyEquipment(db: DeskDatabase, plan: EquipmentPlan, author: Author) {
  if (plan.kind === 'create') await db.loans.insert(stampNew(plan.loan, author));
  else if (plan.kind === 'update' || plan.kind === 'cancel') await (await db.loans.findOne(plan.loanId).exec())?.incrementalPatch(stampChange(plan.patch, author));
}

/** Cancels the reservations of cancelled bookings. */
async function cancelEquipment(db: DeskDatabase, bookingIds: string[], author: Author) {
  if (!bookingIds.length) return;
  const { linked } = await equipmentContext(db, bookingIds, author);
  for (const r of reservationsToCancel(bookingIds, linked, { now: localNow(), by: author }))
    await (await db.loans.findOne(r.loanId).exec())?.incrementalPatch(stampChange(r.patch, author));
}

async function seriesBookings(db: DeskDatabase, seriesId: string): Promise<(BookingFields & { id: string })[]> {
  const docs = await db.bookings.find({ selector: { seriesId } }).exec();
  return docs.map((d) => d.toJSON() as BookingDoc);
}

/**
 * The bookings commands: every write of the calendar, by name (bookings.saveBooking, bookings.cancel,
 * bookings.createSeries, bookings.editSeries, bookings.move), plus the checks the form runs live.
 * Writes bookings and series. Every path (form, drag, duplicate, series) checks the conflict rule
 * against what is in the database at the moment of writing, and refuses with the clashes as data.
 */
export function bookingCommands({ db, author }: { db: DeskDatabase; author: Author }) {
  const who = author.volunteer || author.desk;

  const check = async (candidate: BookingFields & { id?: string }): Promise<CheckResult> => {
    const day = datePart(candidate.start || '1970-01-01');
    const [others, ctx] = await Promise.all([loadOccurrences(db, addDays(day, -1), addDays(day, 2)), context(db, candidate.roomId)]);
    return checkBooking(candidate, { ...ctx, others });
  };

  /**
   * The equipment half of the live check: what would be refused if the form were saved now (the same rule as
   * saving; the booking's own reservation, if any, does not count against it).
   */
  const checkEquipment = async (fields: BookingFields, bookingId?: string): Promise<EquipmentProblem[]> => {
    if (!fields.start || !fields.end || !fields.equipment.some((l) => l.itemId && l.quantity > 0)) return [];
    const { ctx, linked } = await equipmentContext(db, bookingId ? [bookingId] : [], author);
    const plan = planEquipment({ ...fields, id: bookingId ?? 'candidate' }, linked, ctx);
    return plan.kind === 'refused' ? plan.problems : [];
  };

  /**
   * Saves a one-off booking, or one occurrence of a series (which becomes an exception), with the
   * reservation of its equipment; refused when the room clashes or the equipment is not free.
   */
  const saveBooking = async (fields: BookingFields, original?: Occurrence): Promise<SaveResult> => {
    const candidate = { ...fields, id: original?.id, seriesId: original?.seriesId ?? '', occurrenceStart: original?.occurrenceStart ?? '' };
    const result = await check(candidate);
    if (result.errors.length || result.clashes.length) return { ok: false, errors: result.errors, clashes: result.clashes };
    const id = original?.source === 'booking' ? original.id : newId();
    const { ctx, linked } = await equipmentContext(db, [id], author);
    const equipment = planEquipment({ ...fields, id }, linked, ctx);
    if (equipment.kind === 'refused') return { ok: false, errors: [], clashes: [], equipment: equipment.problems };
    const stored = original ? ((await storedFor(db, original))?.toJSON() as BookingDoc | undefined) : undefined;
    // a price set by hand (a reason given) is coordinator only, when it is new or changed
    const override = fields.priceOverrideReason.trim() !== '' && (!stored || stored.price !== fields.price || stored.priceOverrideReason !== fields.priceOverrideReason);
    return asCoordinator({ db, author }, override ? ['booking.priceOverride'] : [], id, async (): Promise<SaveResult> => {
      if (original?.source === 'series') {
        const series = await db.series.findOne(original.seriesId).exec();
        if (!series) return { ok: false, errors: ['booking.no-room'], clashes: [] };
        const { booking, exceptions } = detachOccurrence(series.toJSON() as SeriesDoc, original.occurrenceStart, fields, who);
        await db.bookings.insert(stampNew(booking, author, id));
        await series.incrementalPatch(stampChange({ exceptions }, author));
      } else if (original) {
        const doc = await storedFor(db, original);
        if (!doc) return { ok: false, errors: ['booking.no-room'], clashes: [] };
        const { seriesId: _s, occurrenceStart: _o, ...patch } = fields;
        await doc.incrementalPatch(stampChange(patch, author));
      } else {
        await db.bookings.insert(stampNew({ ...fields, seriesId: '', occurrenceStart: '' }, author, id));
      }
      await applyEquipment(db, equipment, author);
      return { ok: true, id };
    });
  };

  const seriesCheck = async (series: SeriesFields & { id?: string }): Promise<SeriesClash[]> => {
    const span = seriesSpan(series);
    const existing = await loadOccurrences(db, addDays(span.from, -1), addDays(span.to, 2));
    return seriesClashes(series, existing);
  };

  /** Creates a weekly series; clashing dates refuse it unless they are listed in `skip`. */
  const createSeries = async (first: BookingFields, rule: RepeatRule, skip: string[], skipReason: string): Promise<SaveResult> => {
    const result = await check(first);
    if (result.errors.length) return { ok: false, errors: result.errors, clashes: [] };
    let series = skipOccurrences(seriesFromBooking(first, rule), skip, who, skipReason);
    const clashes = await seriesCheck(series);
    if (clashes.length) return { ok: false, errors: [], clashes: [], seriesClashes: clashes };
    series = { ...series };
    const doc = stampNew(series, author);
    await db.series.insert(doc as SeriesDoc);
    return { ok: true, id: doc.id };
  };

  /** Edits the whole series or this-and-following; refused when the changed series would clash. */
  const editSeries = async (occurrence: Occurrence, scope: 'all' | 'following', changes: SeriesChanges): Promise<SaveResult> => {
    const doc = await db.series.findOne(occurrence.seriesId).exec();
    if (!doc) return { ok: false, errors: ['booking.no-room'], clashes: [] };
    const series = doc.toJSON() as SeriesDoc;
    const stored = await seriesBookings(db, series.id);
    const newSeriesId = newId();
    const plan =
      scope === 'all'
        ? ({ kind: 'whole', patch: editWholeSeries(series, changes) } as const)
        : splitSeries(series, occurrence.occurrenceStart, changes, newSeriesId, stored);
    const changed: SeriesFields & { id: string } = plan.kind === 'whole' ? { ...series, ...plan.patch } : { ...plan.newSeries, id: newSeriesId };
    const span = seriesSpan(changed);
    const existing = await loadOccurrences(db, addDays(span.from, -1), addDays(span.to, 2));
    const clashes = seriesEditClashes(series, changed, existing);
    if (clashes.length) return { ok: false, errors: [], clashes: [], seriesClashes: clashes };
    if (plan.kind === 'whole') {
      await doc.incrementalPatch(stampChange(plan.patch, author));
      return { ok: true, id: series.id };
    }
    await db.series.insert(stampNew(plan.newSeries, author, newSeriesId) as SeriesDoc);
    await doc.incrementalPatch(stampChange(plan.oldPatch, author));
    for (const r of plan.relink) await (await db.bookings.findOne(r.id).exec())?.incrementalPatch(stampChange(r.patch, author));
    return { ok: true, id: newSeriesId };
  };

  /** Cancels (never deletes): one booking/occurrence, this and following, or the whole series. */
  const cancel = async (occurrence: Occurrence, scope: 'one' | 'following' | 'all', reason: string): Promise<void> => {
    const by = who;
    if (scope === 'one') {
      if (occurrence.source === 'booking') {
        const doc = await db.bookings.findOne(occurrence.id).exec();
        await doc?.incrementalPatch(stampChange({ status: 'cancelled' as const, cancelledBy: by, cancelReason: reason }, author));
        await cancelEquipment(db, [occurrence.id], author);
        return;
      }
      const series = await db.series.findOne(occurrence.seriesId).exec();
      if (series) await series.incrementalPatch(stampChange({ exceptions: cancelOccurrence(series.toJSON() as SeriesDoc, occurrence.occurrenceStart, by, reason) }, author));
      return;
    }
    const series = await db.series.findOne(occurrence.seriesId).exec();
    if (!series) return;
    const stored = await seriesBookings(db, series.id);
    const plan =
      scope === 'all'
        ? { seriesPatch: { status: 'cancelled' as const }, cancelBookingIds: stored.filter((b) => b.status !== 'cancelled').map((b) => b.id) }
        : endSeriesBefore(series.toJSON() as SeriesDoc, occurrence.occurrenceStart, stored);
    await series.incrementalPatch(stampChange({ ...plan.seriesPatch, notes: reason ? reason : series.notes }, author));
    for (const id of plan.cancelBookingIds)
      await (await db.bookings.findOne(id).exec())?.incrementalPatch(stampChange({ status: 'cancelled' as const, cancelledBy: by, cancelReason: reason }, author));
    await cancelEquipment(db, plan.cancelBookingIds, author);
  };

  /** Drag to move/resize: same rule; the caller snaps back and shows the clashes when refused. */
  const move = async (occurrence: Occurrence, change: Pick<BookingFields, 'start' | 'end' | 'roomId' | 'sections'>): Promise<SaveResult> => {
    const { id: _id, source: _src, updatedAt: _u, ...fields } = occurrence;
    return saveBooking({ ...fields, ...change }, occurrence);
  };

  return { check, checkEquipment, saveBooking, createSeries, seriesCheck, editSeries, cancel, move };
}
