/**
 * The one fetch every replication of a desk goes through. It:
 * 1. adds the credentials (Basic auth) — they never sit in a URL;
 * 2. keeps every collection live within the browser's 6 connections per origin: CouchDB long-polls pass a gate
 *    of `maxLongPolls` slots; when collections are waiting, a long-poll that held its slot for `sliceMs` is
 *    aborted on the client and queued again with the same `since`, so nothing is missed (changes after `since`
 *    come back at once on the next turn) and other requests (pushes, normal pulls) always find a connection;
 * 3. turns a document the server refuses (validate_doc_update, too large) into an entry for the "could not sync"
 *    list instead of an error that would stall the whole push;
 * 4. holds back pulled documents this app version does not understand (newer schema) instead of letting them
 *    break the local write, and reports them;
 * 5. reports every outcome (reachable or not, HTTP status) so the status model knows online/offline and errors.
 */
import { checkDocument, describeProblems, validatorSchema, type JsonSchemaLike } from './validate';

export interface RefusedRow {
  collection: string;
  docId: string;
  /** CouchDB error: 'forbidden' | 'too_large' | 'unauthorized' | … */
  error: string;
  reason: string;
  doc: Record<string, unknown> | null;
}

export interface SyncFetchHooks {
  /** Any HTTP answer (the server is reachable). */
  onResponse?(status: number, collection: string | null, url: string): void;
  /** No HTTP answer (network down, DNS, refused connection, CORS in a browser). */
  onNetworkError?(error: unknown, collection: string | null): void;
  onRefused?(row: RefusedRow): void;
  onAccepted?(collection: string, ids: string[]): void;
  onHeld?(collection: string, doc: Record<string, unknown>, reason: string): void;
  /** A push brings back a document the server has as deleted (an edit made on a desk that had not seen the deletion). */
  onRevive?(collection: string, doc: Record<string, unknown>, deleted: Record<string, unknown>): void;
}

export interface SyncFetchOptions {
  baseUrl: string;
  authorization: string;
  /** db name → collection name */
  collectionOf: (dbName: string) => string | null;
  /** Local schemas, to hold back pulled documents this version cannot read. */
  schemas: Record<string, JsonSchemaLike & { primaryKey: unknown }>;
  fetch?: typeof fetch;
  /** Long-polls in flight at once (browser over HTTP/1.1: keep ≤ 3 of its 6 connections). */
  maxLongPolls?: number;
  /** How long a long-poll may keep its slot while others wait. */
  sliceMs?: number;
  /** Renew every long-poll after this long even when nobody waits (a half-open connection never hangs sync). */
  maxPollMs?: number;
  hooks?: SyncFetchHooks;
}

export interface SyncFetch {
  fetch: typeof fetch;
  /** Long-polls in flight and waiting (for tests and the status panel). */
  stats(): { inFlight: number; waiting: number; maxInFlight: number; rotations: number };
  /** Abort everything in flight and refuse new requests. */
  close(): void;
}

/** `SOSEDI_SYNC_LOG=1` (Node) or `localStorage.sosedi_sync_log = '1'` (browser): one line per request. */
function syncLogEnabled(): boolean {
  const g = globalThis as { process?: { env?: Record<string, string | undefined> }; localStorage?: Storage };
  try {
    return g.process?.env?.SOSEDI_SYNC_LOG === '1' || g.localStorage?.getItem('sosedi_sync_log') === '1';
  } catch {
    return false;
  }
}
const logOn = syncLogEnabled();
function syncLog(...parts: unknown[]): void {
  if (logOn) console.log(`[sync ${new Date().toISOString().slice(11, 23)}]`, ...parts);
}
function describeUrl(url: string, baseUrl: string): string {
  const u = url.startsWith(baseUrl) ? url.slice(baseUrl.length) : url;
  const [path, query] = u.split('?');
  if (!query) return path ?? '';
  const q = new URLSearchParams(query);
  const keep = ['feed', 'since', 'limit'].filter((k) => q.has(k)).map((k) => `${k}=${String(q.get(k)).slice(0, 24)}`);
  return `${path}?${keep.join('&')}`;
}

class Gate {
  active = 0;
  maxSeen = 0;
  private queue: (() => void)[] = [];
  constructor(private readonly size: number) {}
  get waiting(): number {
    return this.queue.length;
  }
  acquire(): Promise<void> {
    if (this.active < this.size) {
      this.active++;
      this.maxSeen = Math.max(this.maxSeen, this.active);
      return Promise.resolve();
    }
    return new Promise((resolve) => this.queue.push(resolve));
  }
  release(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.active--;
  }
  drain(): void {
    for (const next of this.queue.splice(0)) next();
  }
}

interface ChangesRow {
  id?: string;
  doc?: Record<string, unknown>;
}
interface ChangesBody {
  results?: ChangesRow[];
  last_seq?: unknown;
}

export class SyncClosedError extends Error {
  constructor() {
    super('sync closed');
  }
}

export function createSyncFetch(options: SyncFetchOptions): SyncFetch {
  const base = options.fetch ?? ((...a: Parameters<typeof fetch>) => globalThis.fetch(...a));
  const gate = new Gate(Math.max(1, options.maxLongPolls ?? 3));
  const sliceMs = options.sliceMs ?? 4000;
  const maxPollMs = options.maxPollMs ?? 25000;
  const hooks = options.hooks ?? {};
  const closer = new AbortController();
  let rotations = 0;
  const validators = new Map<string, JsonSchemaLike>();
  const validatorFor = (c: string) => {
    let v = validators.get(c);
    if (!v && options.schemas[c]) validators.set(c, (v = validatorSchema(options.schemas[c])));
    return v;
  };

  function collectionOfUrl(url: string): string | null {
    if (!url.startsWith(options.baseUrl)) return null;
    const db = decodeURIComponent(url.slice(options.baseUrl.length).split(/[/?]/)[0] ?? '');
    return options.collectionOf(db);
  }

  /** `report: false` for a side request whose 404 says nothing about the databases (a deleted revision's body). */
  async function raw(url: string, init: RequestInit | undefined, signal?: AbortSignal, report = true): Promise<{ status: number; text: string; headers: Headers }> {
    if (closer.signal.aborted) throw new SyncClosedError();
    const headers = new Headers(init?.headers);
    headers.set('Authorization', options.authorization);
    headers.set('Accept', 'application/json');
    const signals = [closer.signal, ...(signal ? [signal] : []), ...(init?.signal ? [init.signal] : [])];
    const collection = collectionOfUrl(url);
    let res: Response;
    let text: string;
    const t0 = Date.now();
    const what = logOn ? `${(init?.method ?? 'GET').toUpperCase()} ${describeUrl(url, options.baseUrl)}` : '';
    try {
      res = await base(url, { ...init, headers, signal: AbortSignal.any(signals) });
      text = await res.text();
    } catch (e) {
      syncLog(what, signal?.aborted ? 'rotated' : 'failed', `${Date.now() - t0} ms`, e instanceof Error ? e.message : String(e));
      if (closer.signal.aborted) throw new SyncClosedError();
      if (!signal?.aborted) hooks.onNetworkError?.(e, collection);
      throw e;
    }
    syncLog(what, res.status, `${Date.now() - t0} ms`, `${text.length} B`);
    if (report || res.ok) hooks.onResponse?.(res.status, collection, url);
    return { status: res.status, text, headers: res.headers };
  }

  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  /** Drops design documents and documents from a newer app version from a `_changes` answer (null: not JSON). */
  function filterChanges(collection: string | null, text: string): { body: ChangesBody; dropped: number; total: number } | null {
    let body: ChangesBody;
    try {
      body = JSON.parse(text);
    } catch {
      return null;
    }
    if (!collection || !Array.isArray(body.results)) return null;
    const schema = validatorFor(collection);
    const total = body.results.length;
    body.results = body.results.filter((row) => {
      const doc = row.doc;
      if (String(row.id ?? doc?._id ?? '').startsWith('_design/')) return false; // server-side code, not desk data: never pulled
      if (!doc || doc._deleted === true || !schema) return true;
      const problems = checkDocument(schema, doc, true);
      if (problems.length === 0) return true;
      hooks.onHeld?.(collection, doc, describeProblems(problems));
      return false;
    });
    const dropped = total - body.results.length;
    syncLog(`changes of ${collection}: ${body.results.length} kept, ${dropped} held back`);
    return { body, dropped, total };
  }

  /**
   * A normal (paged) `_changes` pull. RxDB ends a pull run as soon as a page holds fewer documents than it asked
   * for ("the server has no more"), so a page we shortened (a design document, a held-back document) would end
   * the first sync there and leave the rest to the live feed, which only carries changes from after its start:
   * the pull stalled at batchSize − 1. So a shortened full page is topped up from the following pages until it
   * is full again or the server has no more; `last_seq` is that of the last page read.
   */
  async function pagedChanges(url: string, init: RequestInit | undefined): Promise<Response> {
    const collection = collectionOfUrl(url);
    const u = new URL(url);
    const limit = Number(u.searchParams.get('limit') ?? NaN);
    const results: ChangesRow[] = [];
    let lastSeq: unknown;
    for (let page = 0; ; page++) {
      const r = await raw(u.toString(), init);
      const filtered = r.status === 200 ? filterChanges(collection, r.text) : null;
      if (!filtered) {
        if (page === 0) return new Response(r.text, { status: r.status, headers: r.headers });
        throw new Error(`HTTP ${r.status} while topping up a _changes page`);
      }
      results.push(...(filtered.body.results ?? []));
      lastSeq = filtered.body.last_seq;
      const full = Number.isFinite(limit) && filtered.total >= limit;
      if (filtered.dropped === 0 && page === 0) return new Response(r.text, { status: 200, headers: r.headers });
      if (!full || results.length >= limit || lastSeq === undefined) break;
      u.searchParams.set('since', typeof lastSeq === 'string' ? lastSeq : JSON.stringify(lastSeq));
    }
    return json({ results, last_seq: lastSeq, pending: 0 });
  }

  /** collection → the sequence its first since=now long-poll was pinned to. */
  const pinnedNow = new Map<string, string>();
  async function longPoll(url: string, init: RequestInit | undefined): Promise<Response> {
    const u = new URL(url);
    const collection = collectionOfUrl(url);
    if (u.searchParams.get('since') === 'now' && collection && pinnedNow.has(collection)) {
      // RxDB's live loop keeps asking with since=now until one long-poll succeeds: after a failed one (a cut
      // connection) a fresh "now" would skip every change made in between, so the first pin stays.
      u.searchParams.set('since', pinnedNow.get(collection)!);
    } else if (u.searchParams.get('since') === 'now') {
      // Pin "now" to a real sequence first, so a rotated long-poll can never skip a change.
      const probe = new URL(u);
      probe.searchParams.set('feed', 'normal');
      probe.searchParams.set('limit', '0');
      probe.searchParams.delete('heartbeat');
      probe.searchParams.delete('include_docs');
      const r = await raw(probe.toString(), { method: 'GET' });
      if (r.status !== 200) return new Response(r.text, { status: r.status, headers: r.headers });
      const seq = (JSON.parse(r.text) as { last_seq?: unknown }).last_seq;
      u.searchParams.set('since', typeof seq === 'string' ? seq : JSON.stringify(seq ?? 0));
      if (collection) pinnedNow.set(collection, u.searchParams.get('since')!);
    }
    for (;;) {
      await gate.acquire();
      const turn = new AbortController();
      const started = Date.now();
      const timer = setInterval(() => {
        const elapsed = Date.now() - started;
        if ((gate.waiting > 0 && elapsed >= sliceMs) || elapsed >= maxPollMs) {
          rotations++;
          turn.abort();
        }
      }, Math.min(250, sliceMs));
      try {
        const r = await raw(u.toString(), init, turn.signal);
        const filtered = r.status === 200 ? filterChanges(collection, r.text) : null;
        return filtered?.dropped ? json(filtered.body) : new Response(r.text, { status: r.status, headers: r.headers });
      } catch (e) {
        if (!turn.signal.aborted || closer.signal.aborted) throw e;
        // rotated out: give the slot to a waiting collection, then ask again with the same `since`
      } finally {
        clearInterval(timer);
        gate.release();
      }
      if (closer.signal.aborted) throw new SyncClosedError();
    }
  }

  // The server state the push just looked at (RxDB reads it with POST _all_docs before _bulk_docs).
  const seenDeleted = new Map<string, Record<string, unknown>>();
  function rememberServerState(collection: string | null, text: string): void {
    if (!collection) return;
    try {
      const rows = (JSON.parse(text) as { rows?: { id?: string; doc?: Record<string, unknown> | null; value?: { deleted?: boolean; rev?: string } }[] }).rows ?? [];
      for (const row of rows) {
        // CouchDB answers a deleted document with value.deleted and doc: null
        if (row.id && (row.doc?._deleted || row.value?.deleted)) seenDeleted.set(`${collection}/${row.id}`, row.doc ?? { _id: row.id, _rev: row.value?.rev, _deleted: true });
        else if (row.id) seenDeleted.delete(`${collection}/${row.id}`);
      }
    } catch {
      // not JSON: nothing to remember
    }
  }

  async function bulkDocs(url: string, init: RequestInit | undefined): Promise<Response> {
    const collection = collectionOfUrl(url) ?? '';
    const body = JSON.parse(String(init?.body ?? '{}')) as { docs?: Record<string, unknown>[] };
    const docs = body.docs ?? [];
    for (const doc of docs) {
      const key = `${collection}/${String(doc._id)}`;
      const deleted = seenDeleted.get(key);
      if (deleted && !doc._deleted) hooks.onRevive?.(collection, doc, deleted);
      // Deleted here and already deleted on the server (two desks deleted it while apart): RxDB sends the tombstone
      // without a _rev because the server answered doc: null, which CouchDB (and PouchDB) refuse as a conflict; the
      // conflict re-read then gets doc: null again and the push failed forever, holding up every other write of
      // the batch. Put our tombstone on top of the server's instead: same outcome (deleted), nothing waits.
      if (deleted && doc._deleted && doc._rev === undefined && typeof deleted._rev === 'string') doc._rev = deleted._rev;
      seenDeleted.delete(key);
    }
    const rows = await pushDocs(url, init, docs);
    const accepted: string[] = [];
    const out = rows.map((row, i) => {
      const id = String(row.id ?? docs[i]?._id ?? '');
      if (row.error && row.error !== 'conflict') {
        hooks.onRefused?.({
          collection,
          docId: id,
          error: String(row.error),
          reason: String(row.reason ?? ''),
          doc: docs.find((d) => d._id === id) ?? null,
        });
        return { ok: true, id, rev: '' };
      }
      if (!row.error) accepted.push(id);
      return row;
    });
    if (accepted.length) hooks.onAccepted?.(collection, accepted);
    return json(out, 201);
  }

  /**
   * GET _all_docs?include_docs=true&keys=…: how RxDB re-reads the server's documents after a push conflict. CouchDB
   * answers a deleted document with `doc: null`, on which RxDB's CouchDB plugin throws (pubkey/rxdb#4319), so the
   * push retried forever. Each such row gets the deleted revision's own body (a desk's deletion keeps the fields),
   * or a bare tombstone when the server cannot give it; the merge then sees a deletion like any other.
   */
  async function allDocsWithTombstones(url: string, init: RequestInit | undefined): Promise<Response> {
    const r = await raw(url, init);
    if (r.status !== 200) return new Response(r.text, { status: r.status, headers: r.headers });
    let body: { rows?: { id?: string; key?: string; value?: { rev?: string; deleted?: boolean }; doc?: Record<string, unknown> | null }[] };
    try {
      body = JSON.parse(r.text);
    } catch {
      return new Response(r.text, { status: r.status, headers: r.headers });
    }
    const holes = (body.rows ?? []).filter((row) => row.id && row.value?.deleted && !row.doc && row.value.rev);
    if (holes.length === 0) return new Response(r.text, { status: 200, headers: r.headers });
    const dbUrl = url.slice(0, url.indexOf('/_all_docs?') + 1);
    for (const row of holes) {
      const bare = { _id: row.id, _rev: row.value!.rev, _deleted: true };
      const t = await raw(`${dbUrl}${encodeURIComponent(row.id!)}?rev=${encodeURIComponent(row.value!.rev!)}`, { method: 'GET' }, undefined, false);
      let doc: Record<string, unknown> = bare;
      if (t.status === 200) {
        try {
          doc = { ...(JSON.parse(t.text) as Record<string, unknown>), ...bare };
        } catch {
          // not JSON: the bare tombstone says enough
        }
      }
      row.doc = doc;
    }
    return json(body);
  }

  /** POST _bulk_docs; a request too large for the server is split until single documents are refused alone. */
  async function pushDocs(url: string, init: RequestInit | undefined, docs: Record<string, unknown>[]): Promise<Record<string, unknown>[]> {
    const r = await raw(url, { ...init, body: JSON.stringify({ docs }) });
    if (r.status === 413) {
      if (docs.length <= 1) return docs.map((d) => ({ id: d._id, error: 'too_large', reason: 'document too large for the server' }));
      const half = Math.ceil(docs.length / 2);
      return [...(await pushDocs(url, init, docs.slice(0, half))), ...(await pushDocs(url, init, docs.slice(half)))];
    }
    if (r.status >= 300) throw new Error(`HTTP ${r.status}: ${r.text.slice(0, 200)}`);
    const rows = JSON.parse(r.text) as Record<string, unknown>[];
    if (!Array.isArray(rows)) throw new Error('unexpected _bulk_docs answer');
    return rows;
  }

  const syncFetch = (async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url;
    const method = (init?.method ?? 'GET').toUpperCase();
    if (url.includes('/_changes?') && url.includes('feed=longpoll')) return longPoll(url, init);
    if (url.includes('/_changes?') && method === 'GET') return pagedChanges(url, init);
    if (method === 'POST' && /\/_bulk_docs(\?|$)/.test(url)) return bulkDocs(url, init);
    if (method === 'GET' && /\/_all_docs\?/.test(url) && url.includes('include_docs=true')) return allDocsWithTombstones(url, init);
    const r = await raw(url, init);
    if (method === 'POST' && /\/_all_docs(\?|$)/.test(url) && r.status === 200) rememberServerState(collectionOfUrl(url), r.text);
    return new Response(r.status === 204 ? null : r.text, { status: r.status, headers: r.headers });
  }) as typeof fetch;

  return {
    fetch: syncFetch,
    stats: () => ({ inFlight: gate.active, waiting: gate.waiting, maxInFlight: gate.maxSeen, rotations }),
    close: () => {
      closer.abort();
      gate.drain();
    },
  };
}
