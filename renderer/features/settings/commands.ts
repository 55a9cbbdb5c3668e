/**
 * Settings' commands, by name: centre.save (the settings document) and rooms.save / rooms.setArchived (a room
 * refuses to lose hall sections that bookings from today on still use). Hooks bind them (./hooks.ts).
 */
import { SETTINGS_ID, stampChange, stampNew, type Author, type BookingDoc, type DeskDatabase, type RoomDoc, type SeriesDoc, type SettingsDoc } from '@shared/db';
import { bookingsUsingSections, occurrencesInRange, removedSectionKeys, type Occurrence } from '@shared/bookings';
import { defaultCentre } from '@shared/centre/validate';
import { addDays, datePart, localToday } from '@shared/time';
import type { CoordinatorAction } from '@shared/staff/roles';
import { asCoordinator } from '../staff/commands';

interface Desk {
  db: DeskDatabase;
  author: Author;
}

export type RoomFields = Omit<RoomDoc, 'id' | 'createdAt' | 'updatedAt' | 'updatedBy'>;

/** Saving a room would remove hall sections that bookings from today on still use. Nothing was written. */
export class SectionsInUseError extends Error {
  constructor(
    readonly sections: string[],
    readonly bookings: Occurrence[],
  ) {
    super('room.sectionsInUse');
  }
}

/** How far ahead weekly series are checked for a removed section. */
const SECTION_CHECK_YEARS = 2;

async function bookingsOnRemovedSections(db: DeskDatabase, room: RoomDoc, after: RoomFields): Promise<SectionsInUseError | null> {
  const removed = removedSectionKeys(room.sections, after.sections);
  if (removed.length === 0) return null;
  const from = localToday();
  const to = addDays(from, SECTION_CHECK_YEARS * 366); // at least that many years, leap days included
  const [bookings, series] = await Promise.all([
    db.bookings.find({ selector: { start: { $gte: from } } }).exec(),
    db.series.find({ selector: { status: 'active' } }).exec(),
  ]);
  const stored = bookings.map((d) => d.toJSON() as BookingDoc);
  // one-off bookings however far ahead; weekly series up to the horizon
  const last = stored.reduce((max, b) => (b.end > max ? b.end : max), to);
  const occurrences = occurrencesInRange(
    stored,
    // only this room's series can put occurrences in it; every booking is kept (a moved occurrence replaces its series')
    series.map((d) => d.toJSON() as SeriesDoc).filter((sr) => sr.template.roomId === room.id),
    from,
    last > to ? addDays(datePart(last), 1) : to,
  );
  const using = bookingsUsingSections(occurrences, room.id, removed);
  return using.length ? new SectionsInUseError(removed, using) : null;
}

/** Settings fields that are prices (a room's hourly rate is one too: rooms.save). */
const PRICE_FIELDS = ['billSetupTime', 'currency'] as const;

/** The coordinator-only changes a settings patch makes (fields sent unchanged do not count). */
function sensitiveChanges(before: Partial<SettingsDoc>, patch: Partial<SettingsDoc>): CoordinatorAction[] {
  const changed = (k: keyof SettingsDoc) => k in patch && JSON.stringify(patch[k]) !== JSON.stringify(before[k]);
  return [...(changed('retentionDays') ? (['settings.retention'] as const) : []), ...(PRICE_FIELDS.some(changed) ? (['settings.prices'] as const) : [])];
}

export const centre = {
  /** Patches the settings document; the retention period and prices are coordinator only (logged). */
  async save(desk: Desk, patch: Partial<SettingsDoc>): Promise<void> {
    const { db, author } = desk;
    const existing = await db.settings.findOne(SETTINGS_ID).exec();
    const before = (existing?.toJSON() as SettingsDoc | undefined) ?? defaultCentre();
    await asCoordinator(desk, sensitiveChanges(before, patch), SETTINGS_ID, async () => {
      if (existing) await existing.incrementalPatch(stampChange(patch, author));
      else await db.settings.insert(stampNew({ ...defaultCentre(), ...patch }, author, SETTINGS_ID));
    });
  },
};

export const rooms = {
  /** Saves a room; a changed hourly rate is a price (coordinator only, logged). */
  async save(desk: Desk, fields: RoomFields, id?: string): Promise<string> {
    const { db, author } = desk;
    if (id) {
      const doc = await db.rooms.findOne(id).exec();
      if (!doc) throw new Error('room.missing');
      const inUse = await bookingsOnRemovedSections(db, doc.toJSON() as RoomDoc, fields);
      if (inUse) throw inUse;
      const prices: CoordinatorAction[] = fields.hourlyRate !== doc.hourlyRate ? ['settings.prices'] : [];
      await asCoordinator(desk, prices, id, () => doc.incrementalPatch(stampChange(fields, author)));
      return id;
    }
    const room = stampNew(fields, author);
    await asCoordinator(desk, fields.hourlyRate > 0 ? ['settings.prices'] : [], room.id, () => db.rooms.insert(room));
    return room.id;
  },
  /** Archives a room or brings it back (coordinator only, logged). */
  async setArchived(desk: Desk, id: string, archived: boolean): Promise<void> {
    const doc = await desk.db.rooms.findOne(id).exec();
    await asCoordinator(desk, 'room.archive', id, async () => {
      await doc?.incrementalPatch(stampChange({ archived }, desk.author));
    });
  },
};
