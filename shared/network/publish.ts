/**
 * The network figures over CouchDB's HTTP API (fetch passed in: the desk's, or Node's in tests):
 * - a centre's desk reads which networks its centre belongs to (`_local/sosedi-networks` in its settings database)
 *   and writes each period's counts into each network's figures database, only when they changed;
 * - a network coordinator reads the network's centres and every figure document.
 */
import { dbName } from '../sync/config';
import { figuresDbName } from './accounts';
import { NETWORKS_LOCAL_DOC, NETWORK_LOCAL_DOC, sameFigures, type FiguresDoc } from './figures';

export interface FiguresServer {
  /** Server root with a trailing slash, no credentials. */
  baseUrl: string;
  authorization: string;
  fetch: typeof fetch;
}

async function call<T>(s: FiguresServer, method: string, path: string, body?: unknown): Promise<{ status: number; body: T | null }> {
  const r = await s.fetch(s.baseUrl + path, {
    method,
    headers: { Authorization: s.authorization, Accept: 'application/json', ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    signal: AbortSignal.timeout(30000),
  });
  const text = await r.text();
  try {
    return { status: r.status, body: JSON.parse(text) as T };
  } catch {
    return { status: r.status, body: null };
  }
}

/** The networks this centre publishes to ([] when none, or when the server has no such list). */
export async function centreNetworks(s: FiguresServer, centre: string): Promise<string[]> {
  const r = await call<{ networks?: unknown }>(s, 'GET', `${encodeURIComponent(dbName(centre, 'settings'))}/_local/${NETWORKS_LOCAL_DOC}`);
  if (r.status === 404) return [];
  if (r.status !== 200) throw new Error(`networks of ${centre}: HTTP ${r.status}`);
  return Array.isArray(r.body?.networks) ? r.body.networks.filter((n): n is string => typeof n === 'string') : [];
}

interface PublishResult {
  written: number;
  unchanged: number;
  failed: string[];
}

/** Writes each figure document whose counts changed into the network's figures database (a 409 is read again once). */
export async function publishFigures(s: FiguresServer, network: string, docs: readonly FiguresDoc[]): Promise<PublishResult> {
  const db = encodeURIComponent(figuresDbName(network));
  const out: PublishResult = { written: 0, unchanged: 0, failed: [] };
  for (const doc of docs) {
    const path = `${db}/${encodeURIComponent(doc._id)}`;
    let done = false;
    for (let attempt = 0; attempt < 2 && !done; attempt++) {
      const current = await call<FiguresDoc>(s, 'GET', path);
      if (current.status === 200 && sameFigures(current.body, doc)) {
        out.unchanged++;
        done = true;
        break;
      }
      const { _rev: _ignored, ...body } = doc;
      void _ignored;
      const put = await call<{ ok?: boolean }>(s, 'PUT', path, { ...body, ...(current.status === 200 && current.body?._rev ? { _rev: current.body._rev } : {}) });
      if (put.status === 201 || put.status === 202) {
        out.written++;
        done = true;
      } else if (put.status !== 409) break;
    }
    if (!done) out.failed.push(doc._id);
  }
  return out;
}

export interface NetworkData {
  centres: string[];
  docs: FiguresDoc[];
}

/** Everything a coordinator sees: the network's centres and their figure documents (counts only). */
export async function readNetwork(s: FiguresServer, network: string): Promise<NetworkData> {
  const db = encodeURIComponent(figuresDbName(network));
  const list = await call<{ centres?: unknown }>(s, 'GET', `${db}/_local/${NETWORK_LOCAL_DOC}`);
  if (list.status !== 200 && list.status !== 404) throw Object.assign(new Error(`network ${network}: HTTP ${list.status}`), { status: list.status });
  const q = new URLSearchParams({ include_docs: 'true', startkey: JSON.stringify('figures:'), endkey: JSON.stringify('figures:\ufff0') });
  const all = await call<{ rows?: { doc?: FiguresDoc }[] }>(s, 'GET', `${db}/_all_docs?${q}`);
  if (all.status !== 200) throw Object.assign(new Error(`network ${network}: HTTP ${all.status}`), { status: all.status });
  const docs = (all.body?.rows ?? []).map((r) => r.doc).filter((d): d is FiguresDoc => !!d && typeof d.centre === 'string' && typeof d.period === 'string' && !!d.figures);
  const centres = Array.isArray(list.body?.centres) ? list.body.centres.filter((c): c is string => typeof c === 'string') : [];
  return { centres: [...new Set([...centres, ...docs.map((d) => d.centre)])].sort(), docs };
}
