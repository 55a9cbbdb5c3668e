import { checkSyncUrl } from '../net/syncUrl';

/** Where a desk syncs: one CouchDB database per collection per centre (`sosedi-<centre>-<collection>`). */
export interface SyncConfig {
  /** Server root, e.g. https://couch.example.org/ (credentials NOT in the URL). */
  url: string;
  /** The centre's choice of a plain-http server on its own network (otherwise plain http only to loopback). */
  inBuilding?: boolean;
  /** Centre slug: lowercase letters, digits, dashes. */
  centre: string;
  user: string;
  password: string;
}

export const CENTRE_SLUG = /^[a-z][a-z0-9-]{0,40}$/;

export function isCentreSlug(slug: string): boolean {
  return CENTRE_SLUG.test(slug);
}

export function dbName(centre: string, collection: string): string {
  return `sosedi-${centre}-${collection}`;
}

/** The centre's bell: one small document per desk saying which collections it just wrote (engine.ts). */
export function bellDbName(centre: string): string {
  return dbName(centre, 'bell');
}

/** The server root `scheme://host[:port]/`; null when checkSyncUrl refuses the address (see shared/net/syncUrl). */
export function normaliseServerUrl(raw: string, inBuilding = false): string | null {
  const checked = checkSyncUrl(raw, { inBuilding });
  return checked.ok ? checked.url : null;
}

export function basicAuth(user: string, password: string): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return `Basic ${btoa(bin)}`;
}

/** Error codes of sync (the renderer maps each to words in sync.json). */
export type SyncErrorCode =
  | 'unreachable'
  | 'cors'
  | 'notCouch'
  | 'unauthorized'
  | 'lockedOut'
  | 'forbidden'
  | 'dbMissing'
  | 'server'
  | 'refused'
  | 'stalled'
  /** What the server sent could not be written into the desk's database (a full disk): pulled again once it can. */
  | 'localWrite'
  | 'invalidUrl'
  | 'invalidCentre';
