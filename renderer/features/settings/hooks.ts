import { useCallback, useMemo } from 'react';
import { SETTINGS_ID, type RoomDoc, type SettingsDoc } from '@shared/db';
import { useAuthor, useDb, useLiveQuery } from '../../app/db';
import { centre, rooms, type RoomFields } from './commands';
import { useGate } from '../staff/hooks';
import { centreTimeZoneOf, forgetRememberedZone } from '../../app/timeZone';

/** The centre's settings document, or null before it was first saved. */
export function useCentre(): SettingsDoc | null {
  const { data } = useLiveQuery((db) => db.settings.findOne(SETTINGS_ID), []);
  return (data as SettingsDoc | null | undefined) ?? null;
}

/** centre.save bound to this desk: patches the settings document, creating it on the first save. */
export function useSaveCentre() {
  const db = useDb();
  const author = useAuthor();
  const gate = useGate();
  return useCallback((patch: Partial<SettingsDoc>) => gate(() => centre.save({ db, author }, patch)), [db, author, gate]);
}

/** The centre's time zone for calendar files (its synced setting; see app/timeZone.ts), and how to set it. */
export function useCentreTimeZone(): { zone: string; setZone: (zone: string) => Promise<void> } {
  const centre = useCentre();
  const save = useSaveCentre();
  const zone = centreTimeZoneOf(centre?.timeZone);
  const setZone = useCallback(
    async (next: string) => {
      await save({ timeZone: next });
      forgetRememberedZone();
    },
    [save],
  );
  return { zone, setZone };
}

/** Rooms in display order; archived ones only when asked for. */
export function useRooms(includeArchived = false): { rooms: RoomDoc[]; loading: boolean } {
  const { data, loading } = useLiveQuery((db) => db.rooms.find(includeArchived ? {} : { selector: { archived: false } }), [includeArchived]);
  const rooms = [...((data as RoomDoc[] | undefined) ?? [])].sort(
    (a, b) => (a.order ?? 0) - (b.order ?? 0) || a.name.localeCompare(b.name, 'ru'),
  );
  return { rooms, loading };
}

export { SectionsInUseError, type RoomFields } from './commands';

/** The rooms commands (./commands.ts) bound to this desk. */
export function useRoomActions() {
  const db = useDb();
  const author = useAuthor();
  const gate = useGate();
  return useMemo(
    () => ({
      save: (fields: RoomFields, id?: string) => gate(() => rooms.save({ db, author }, fields, id)),
      setArchived: (id: string, archived: boolean) => gate(() => rooms.setArchived({ db, author }, id, archived)),
    }),
    [db, author, gate],
  );
}
