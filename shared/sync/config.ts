/** Where a desk syncs: one CouchDB database per collection per centre (`sosedi-<centre>-<collection>`). */
export interface SyncConfig {
  /** Server root, e.g. https://couch.example.org/ (credentials NOT in the URL). */
  url: string;
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

/** The server root with a trailing slash and without credentials; null when it is not an http(s) URL. */
export function normaliseServerUrl(raw: string): string | null {
  try {
    const u = new URL(raw.trim());
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    u.username = '';
    u.password = '';
    u.search = '';
    u.hash = '';
    return u.toString().replace(/\/?$/, '/');
  } catch {
    return null;
  }
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
  | 'invalidUrl'
  | 'invalidCentre';
