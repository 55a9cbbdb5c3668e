import { useCallback } from 'react';
import dayjs from 'dayjs';
import { SETTINGS_ID, stampChange, stampNew, type BookingDoc, type DeskDatabase, type RoomDoc, type SeriesDoc, type SettingsDoc } from '@shared/db';
import { bookingsUsingSections, occurrencesInRange, removedSectionKeys, type Occurrence } from '@shared/bookings';
import { defaultCentre } from '@shared/centre/validate';
import { useAuthor, useDb, useLiveQuery } from '../../app/db';

/** The centre's settings document, or null before it was first saved. */
export function useCentre(): SettingsDoc | null {
  const { data } = useLiveQuery((db) => db.settings.findOne(SETTINGS_ID), []);
  return (data as SettingsDoc | null | undefined) ?? null;
}

export function useSaveCentre() {
  const db = useDb();
  const author = useAuthor();
  return useCallback(
    async (patch: Partial<SettingsDoc>) => {
      const existing = await db.settings.findOne(SETTINGS_ID).exec();
      if (existing) {
        await existing.incrementalPatch(stampChange(patch, author));
      } else {
        await db.settings.insert(stampNew({ ...defaultCentre(), ...patch }, author, SETTINGS_ID));
      }
    },
    [db, author],
  );
}

/** Rooms in display order; archived ones only when asked for. */
export function useRooms(includeArchived = false): { rooms: RoomDoc[]; loading: boolean } {
  const { data, loading } = useLiveQuery((db) => db.rooms.find(includeArchived ? {} : { selector: { archived: false } }), [includeArchived]);
  const rooms = [...((data as RoomDoc[] | undefined) ?? [])].sort(
    (a, b) => (a.order ?? 0) - (b.order ?? 0) || a.name.localeCompare(b.name, 'ru'),
  );
  return { rooms, loading };
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
  const from = dayjs().format('YYYY-MM-DD');
  const to = dayjs().add(SECTION_CHECK_YEARS, 'year').format('YYYY-MM-DD');
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
    last > to ? dayjs(last).add(1, 'day').format('YYYY-MM-DD') : to,
  );
  const using = bookingsUsingSections(occurrences, room.id, removed);
  return using.length ? new SectionsInUseError(removed, using) : null;
}

export function useRoomActions() {
  const db = useDb();
  const author = useAuthor();
  const save = useCallback(
    async (fields: RoomFields, id?: string) => {
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
    [db, author],
  );
  const setArchived = useCallback(
    async (id: string, archived: boolean) => {
      const doc = await db.rooms.findOne(id).exec();
      await doc?.incrementalPatch(stampChange({ archived }, author));
    },
    [db, author],
  );
  return { save, setArchived };
}
