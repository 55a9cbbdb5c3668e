import { useCallback } from 'react';
import { SETTINGS_ID, stampChange, stampNew, type RoomDoc, type SettingsDoc } from '@shared/db';
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

export function useRoomActions() {
  const db = useDb();
  const author = useAuthor();
  const save = useCallback(
    async (fields: RoomFields, id?: string) => {
      if (id) {
        const doc = await db.rooms.findOne(id).exec();
        if (!doc) throw new Error('room.missing');
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
