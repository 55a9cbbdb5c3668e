/**
 * "Test connection": tells the volunteer exactly what is wrong, step by step.
 * 1. the URL and centre are well-formed;
 * 2. the server answers at all (a fetch TypeError is either "unreachable" or CORS: the browser hides which;
 *    a `no-cors` probe that gets an opaque answer proves the server is up, so the block is CORS);
 * 3. the answer is a CouchDB welcome (`couchdb` or `express-pouchdb` key), otherwise "not a CouchDB";
 * 4. the user and password are accepted (401 → wrong password, 403 → no access);
 * 5. every collection's database of the centre exists (404 → which ones are missing: run server:setup); for a
 *    network coordinator's account (`network-<network>`, the network's code in the centre field) the network's
 *    figures database instead: that account reads nothing else.
 */
import { figuresDbName, networkUserName } from '@shared/network/accounts';
import { basicAuth, dbName, isCentreSlug, normaliseServerUrl, type SyncErrorCode } from '@shared/sync';

export type TestCode = SyncErrorCode | 'reloadNeeded';
export type TestResult = { ok: true; databases: number } | { ok: false; code: TestCode; status?: number; missing?: string[] };

export interface TestInput {
  url: string;
  centre: string;
  user: string;
  password: string;
  inBuilding?: boolean;
}

async function isUpWithoutCors(url: string, fetchFn: typeof fetch): Promise<boolean> {
  try {
    await fetchFn(url, { mode: 'no-cors', credentials: 'omit', cache: 'no-store', signal: AbortSignal.timeout(5000) });
    return true; // an opaque answer: something listens there
  } catch {
    return false;
  }
}

export async function testConnection(input: TestInput, collections: readonly string[], fetchFn: typeof fetch = fetch): Promise<TestResult> {
  const base = normaliseServerUrl(input.url, input.inBuilding);
  if (!base) return { ok: false, code: 'invalidUrl' };
  if (!isCentreSlug(input.centre)) return { ok: false, code: 'invalidCentre' };

  let welcome: Response;
  try {
    welcome = await fetchFn(base, { credentials: 'omit', cache: 'no-store', signal: AbortSignal.timeout(8000) });
  } catch {
    return { ok: false, code: (await isUpWithoutCors(base, fetchFn)) ? 'cors' : 'unreachable' };
  }
  let body: Record<string, unknown> | null;
  try {
    body = (await welcome.json()) as Record<string, unknown>;
  } catch {
    body = null;
  }
  if (!body || typeof body !== 'object' || !('couchdb' in body || 'express-pouchdb' in body)) return { ok: false, code: 'notCouch', status: welcome.status };

  const headers = { Authorization: basicAuth(input.user, input.password), Accept: 'application/json' };
  const get = async (url: string): Promise<Response | 'cors'> => {
    try {
      return await fetchFn(url, { headers, credentials: 'omit', cache: 'no-store', signal: AbortSignal.timeout(8000) });
    } catch {
      // the welcome came through, so the server is up: an authorised request blocked = CORS (headers not allowed)
      return 'cors';
    }
  };
  const session = await get(`${base}_session`);
  if (session === 'cors') return { ok: false, code: 'cors' };
  if (session.status === 401) return { ok: false, code: 'unauthorized', status: 401 };

  const network = input.user === networkUserName(input.centre);
  const names = network ? [figuresDbName(input.centre)] : collections.map((c) => dbName(input.centre, c));
  const answers = await Promise.all(names.map(async (name, i) => [network ? name : collections[i]!, await get(`${base}${encodeURIComponent(name)}`)] as const));
  const missing: string[] = [];
  for (const [c, r] of answers) {
    if (r === 'cors') return { ok: false, code: 'cors' };
    if (r.status === 401) return { ok: false, code: 'unauthorized', status: 401 };
    if (r.status === 403) return { ok: false, code: 'forbidden', status: 403 };
    if (r.status === 404) missing.push(c);
    else if (!r.ok) return { ok: false, code: 'server', status: r.status };
  }
  if (missing.length) return { ok: false, code: 'dbMissing', status: 404, missing };
  return { ok: true, databases: names.length };
}
