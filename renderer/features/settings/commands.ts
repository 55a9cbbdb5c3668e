/**
 * Settings' commands, by name: centre.save (the settings document) and rooms.save / rooms.setArchived (a room
 * refuses to lose hall sections that bookings from today on still use). Hooks bind them (./hooks.ts).
 */
import { SETTINGS_ID, stampChange, stampNew, type Author, type BookingDoc, type DeskDatabase, type RoomDoc, type SeriesDoc, type SettingsDoc } from '@shared/db';
import { bookingsUsingSections, occurrencesInRange, removedSectionKeys, type Occurrence } from '@shared/bookings';
import { defaultCentre } from '@shared/centre/validate';
import { addDays, datePart, localToday } from '@shared/time';

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

export const centre = {
  async save({ db, author }: Desk, patch: Partial<SettingsDoc>): Promise<void> {
    const existing = await db.settings.findOne(SETTINGS_ID).exec();
    if (existing) await existing.incrementalPatch(stampChange(patch, author));
    else await db.settings.insert(stampNew({ ...defaultCentre(), ...patch }, author, SETTINGS_ID));
  },
};

export const rooms = {
  async save({ db, author }: Desk, fields: RoomFields, id?: string): Promise<string> {
    if (id) {
      const doc = await db.rooms.findOne(id).exec();
      if (!doc) throw new Error('room.missing');
      const inUse = await bookingsOnRemovedSections(db, doc.toJSON() as RoomDoc, fields);
      if (inUse) throw inUse;
      await doc.incrementalPatch(stampChange(fields, author));
      return id;
    }
    const room = stampNew(fields, author);
    await db.rooms.insert(room);
    return room.id;
  },
  async setArchived({ db, author }: Desk, id: string, archived: boolean): Promise<void> {
    const doc = await db.rooms.findOne(id).exec();
    await doc?.incrementalPatch(stampChange({ archived }, author));
  },
};
