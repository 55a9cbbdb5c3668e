import { createContext, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { RxDocument, RxQuery } from 'rxdb';
import { COLLECTION_NAMES, createDatabase, newId, readableJson, type Author, type DeskDatabase } from '@shared/db';
import { syncConflictHandlers } from '@shared/sync/merge';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { getFastDexieStorage } from './fastDexie';
import { changeSignal } from './changeSignal';
import { shiftSession } from '../features/staff/session';

const PROFILE_KEY = 'sosedi.profile';
const DESK_KEY = 'sosedi.deskId';
const VOLUNTEER_KEY = 'sosedi.volunteer';

/** The profile = one local database. `?profile=name` selects another (tests, a second centre). */
export function currentProfile(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('profile');
  if (fromUrl && /^[a-z][a-z0-9-]{0,40}$/.test(fromUrl)) {
    localStorage.setItem(PROFILE_KEY, fromUrl);
    return fromUrl;
  }
  return localStorage.getItem(PROFILE_KEY) ?? 'default';
}

const deskNameKey = () => `sosedi.sync.${currentProfile()}.deskName`;
const deskNameChanged = changeSignal();

/**
 * The desk's own account name (`<centre>.<desk>`, server:setup --desk) once Settings → Sync saved one: from then on
 * the desk signs its writes with it, so that conflicts name desks as the centre knows them. null: a shared account.
 */
export function setDeskName(name: string | null): void {
  if (name) localStorage.setItem(deskNameKey(), name);
  else localStorage.removeItem(deskNameKey());
  deskNameChanged.changed();
}

export function deskId(): string {
  const named = localStorage.getItem(deskNameKey());
  if (named) return named;
  let id = localStorage.getItem(DESK_KEY);
  if (!id) {
    id = newId('desk-');
    localStorage.setItem(DESK_KEY, id);
  }
  return id;
}

let dbPromise: Promise<DeskDatabase> | null = null;
export function openDeskDatabase(): Promise<DeskDatabase> {
  const name = `sosedi-${currentProfile()}`;
  // The Reports page's whole months, kept across restarts (checked before use: visitMonths.ts): their store is
  // attached before anything reads the database, its code loaded while the database opens.
  dbPromise ??= Promise.all([
    createDatabase({
      name,
      conflictHandlers: syncConflictHandlers(name, COLLECTION_NAMES),
      // A build made with VITE_STOCK_DEXIE=1 runs on RxDB's own Dexie storage: for the benchmark's with/without
      // comparison only (docs/fastdexie-upstream.md); the desk always ships fastDexie.
      storage: import.meta.env.VITE_STOCK_DEXIE === '1' ? getRxStorageDexie() : getFastDexieStorage(),
      devMode: import.meta.env.DEV,
    }),
    import('../features/reports/monthStore'),
  ]).then(([db, months]) => {
    months.keepReportMonths(db, `${name}-report-months`);
    return db;
  });
  return dbPromise;
}

interface DeskContextValue {
  db: DeskDatabase;
  author: Author;
  setVolunteer: (name: string) => void;
}
const DeskContext = createContext<DeskContextValue | null>(null);

export function DbProvider({ db, children }: { db: DeskDatabase; children: ReactNode }) {
  const [volunteer, setVolunteerState] = useState(() => localStorage.getItem(VOLUNTEER_KEY) ?? '');
  const desk = deskNameChanged.use(deskId);
  // once staff are set up, the one on shift (after their PIN) signs every change, not typed text
  const onShift = useSyncExternalStore(shiftSession.subscribe, shiftSession.get).onShift?.name;
  const value = useMemo<DeskContextValue>(
    () => ({
      db,
      author: { desk, volunteer: onShift ?? volunteer },
      setVolunteer: (name: string) => {
        localStorage.setItem(VOLUNTEER_KEY, name);
        setVolunteerState(name);
      },
    }),
    [db, desk, volunteer, onShift],
  );
  return <DeskContext.Provider value={value}>{children}</DeskContext.Provider>;
}

function useDesk(): DeskContextValue {
  const ctx = useContext(DeskContext);
  if (!ctx) throw new Error('useDb() outside <DbProvider>');
  return ctx;
}

/** The desk's local database. Only hooks call it; components use hooks. */
export function useDb(): DeskDatabase {
  return useDesk().db;
}

/** Who is writing: this desk + the volunteer on shift (stamped into updatedBy). */
export function useAuthor(): Author {
  return useDesk().author;
}

/**
 * A feature's commands bound to this desk's database and the volunteer on shift; made again only when either
 * changes. `bind` is the feature's binding (commands.ts functions of `{ db, author }`).
 */
export function useCommands<T>(bind: (desk: { db: DeskDatabase; author: Author }) => T): T {
  const { db, author } = useDesk();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `bind` only closes over the desk it is given
  return useMemo(() => bind({ db, author }), [db, author]);
}

export function useVolunteer(): [string, (name: string) => void] {
  const { author, setVolunteer } = useDesk();
  return [author.volunteer, setVolunteer];
}

type AnyQuery = RxQuery<any, any, any, any>;
type ResultOf<Q> = Q extends RxQuery<infer D, infer R, any, any>
  ? R extends RxDocument<any, any>[]
    ? D[]
    : R extends RxDocument<any, any> | null
      ? D | null
      : R
  : never;

/**
 * Subscribes to an RxDB query and returns plain JSON data (documents as `toJSON()`; a document whose dates or times
 * do not read is left out, `readableJson`, so one bad document never takes the page down).
 * `build` returns null while its inputs are not ready.
 */
export function useLiveQuery<Q extends AnyQuery>(
  build: (db: DeskDatabase) => Q | null,
  deps: unknown[],
): { data: ResultOf<Q> | undefined; loading: boolean } {
  const db = useDb();
  const [state, setState] = useState<{ data: ResultOf<Q> | undefined; loading: boolean }>({ data: undefined, loading: true });
  useEffect(() => {
    const query = build(db);
    if (!query) {
      setState({ data: undefined, loading: false });
      return;
    }
    setState((s) => (s.loading ? s : { ...s, loading: true })); // already loading (first mount): no extra render
    const sub = query.$.subscribe((result: unknown) => {
      let data: unknown = result;
      if (Array.isArray(result)) data = readableJson(result as RxDocument<any>[]);
      else if (result && typeof result === 'object' && 'toJSON' in result) data = (result as RxDocument<any>).toJSON();
      setState({ data: data as ResultOf<Q>, loading: false });
    });
    return () => sub.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, ...deps]);
  return state;
}
