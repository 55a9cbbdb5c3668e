/**
 * The desk's conversation with CouchDB, written against CouchDB's documented HTTP API and nothing else:
 * `GET /{db}` (info), `GET /{db}/_changes` (normal and longpoll feeds), `POST /{db}/_all_docs` (keys),
 * `POST /{db}/_bulk_get`, `POST /{db}/_bulk_docs`, `GET|PUT /{db}/_local/{id}`.
 *
 * Every answer that matters has ONE place where it is turned into meaning (`classify`):
 * 2xx → ok (200 and 201 alike: CouchDB answers 200 where pouchdb-server says 201, e.g. a PUT of a deletion);
 * 401 → unauthorized; 403 → forbidden; 404 on a database → dbMissing; 5xx → server; an answer that is not
 * CouchDB's JSON (a captive portal, a proxy page) → notCouch; no answer → unreachable.
 * Per-document results of `_bulk_docs` (409 conflict, 403 forbidden from validate_doc_update, 401) are returned
 * to the caller row by row: they concern one document, not the connection.
 */
import type { SyncErrorCode } from './config';

export class CouchError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    readonly status: number,
    detail: string,
  ) {
    super(detail);
    this.name = 'CouchError';
  }
}

/** The sync was stopped: requests in flight were aborted on purpose. */
export class SyncClosedError extends Error {
  constructor() {
    super('sync closed');
    this.name = 'SyncClosedError';
  }
}

export interface CouchDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  [key: string]: unknown;
}

export interface ChangesRow {
  seq: unknown;
  id: string;
  deleted?: boolean;
  doc?: CouchDoc | null;
}

export interface ChangesPage {
  results: ChangesRow[];
  lastSeq: string;
  /** Bytes of the answer (first-sync progress). */
  bytes: number;
}

export interface ServerState {
  rev: string;
  deleted: boolean;
  /** The body (null for a deletion: read it with `bulkGet` when needed). */
  doc: CouchDoc | null;
}

export interface BulkResult {
  id: string;
  ok: boolean;
  rev?: string;
  /** 'conflict' | 'forbidden' | 'unauthorized' | … (CouchDB's per-document error) */
  error?: string;
  reason?: string;
}

export interface CouchTransportOptions {
  /** Server root with a trailing slash, no credentials in it. */
  baseUrl: string;
  authorization: string;
  fetch?: typeof fetch;
  /** Long-polls in flight at once (a browser over HTTP/1.1 has 6 connections per origin: keep ≤ 3). */
  maxLongPolls?: number;
  /** How long a long-poll may keep its slot while other collections wait for one. */
  sliceMs?: number;
  /** Renew a long-poll after this long even when nobody waits (a half-open connection never hangs sync). */
  maxPollMs?: number;
  /** Give up on any other request after this long (a server that took the connection but never answers). */
  requestTimeoutMs?: number;
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

/** A counting gate: at most `size` holders; release hands the slot to the next in line. */
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
}

/** The numeric part of a CouchDB sequence ("12-g1AA…" → 12; pouchdb-server's 12 → 12). */
export function seqNumber(seq: unknown): number {
  if (typeof seq === 'number') return seq;
  const n = Number.parseInt(String(seq ?? '0'), 10);
  return Number.isFinite(n) ? n : 0;
}

const seqText = (seq: unknown): string => (typeof seq === 'string' ? seq : JSON.stringify(seq ?? 0));

export function classify(status: number, isDatabasePath: boolean): SyncErrorCode | null {
  if (status >= 200 && status < 300) return null;
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404 && isDatabasePath) return 'dbMissing';
  return 'server';
}

export interface CouchTransport {
  db(name: string): CouchDatabase;
  stats(): { inFlight: number; waiting: number; maxInFlight: number; rotations: number };
  /** Abort everything in flight and refuse new requests. */
  close(): void;
  readonly closed: boolean;
}

export interface CouchDatabase {
  readonly name: string;
  /** `bytes`: the documents' size as CouchDB reports it (`sizes.external`; 0 when the server does not say). */
  info(signal?: AbortSignal): Promise<{ docCount: number; updateSeq: string; bytes: number }>;
  /** One page of the normal `_changes` feed with the documents. */
  changes(since: string, limit: number, signal?: AbortSignal): Promise<ChangesPage>;
  /**
   * Waits (long-poll, through the gate) until there are changes after `since`; resolves with the newest
   * sequence and whether anything changed. Rotates out of its slot when others wait, never skipping a change.
   */
  waitForChanges(since: string, timeoutMs: number, signal?: AbortSignal): Promise<{ changed: boolean; lastSeq: string }>;
  /** The server's current state of each id (missing ids are absent from the map). */
  states(ids: string[]): Promise<Map<string, ServerState>>;
  /** Bodies of exact revisions (deleted ones included). */
  bulkGet(refs: { id: string; rev: string }[]): Promise<Map<string, CouchDoc>>;
  bulkDocs(docs: CouchDoc[]): Promise<BulkResult[]>;
  getLocal(id: string): Promise<CouchDoc | null>;
  /** Writes a `_local` document; false on a conflict (somebody else wrote it first). */
  putLocal(doc: CouchDoc): Promise<boolean>;
}

export function createCouchTransport(options: CouchTransportOptions): CouchTransport {
  const base = options.fetch ?? ((...a: Parameters<typeof fetch>) => globalThis.fetch(...a));
  const gate = new Gate(Math.max(1, options.maxLongPolls ?? 3));
  const sliceMs = options.sliceMs ?? 4000;
  const maxPollMs = options.maxPollMs ?? 25000;
  const requestTimeoutMs = options.requestTimeoutMs ?? 60000;
  const closer = new AbortController();
  let rotations = 0;

  /** One HTTP exchange; throws CouchError for an answer that is not 2xx or not JSON, rethrows a network error. */
  async function request<T>(method: string, path: string, opts: { body?: unknown; signal?: AbortSignal; isDatabasePath?: boolean; allow?: number[] } = {}): Promise<{ status: number; body: T; bytes: number }> {
    if (closer.signal.aborted) throw new SyncClosedError();
    const headers = new Headers({ Authorization: options.authorization, Accept: 'application/json' });
    if (opts.body !== undefined) headers.set('Content-Type', 'application/json');
    // a long-poll brings its own signal (rotation); every other request has a deadline
    const signals = [closer.signal, opts.signal ?? AbortSignal.timeout(requestTimeoutMs)];
    const url = options.baseUrl + path;
    const t0 = Date.now();
    let res: Response;
    let text: string;
    try {
      res = await base(url, {
        method,
        headers,
        ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
        signal: AbortSignal.any(signals),
      });
      text = await res.text();
    } catch (e) {
      syncLog(method, path.slice(0, 80), 'failed', `${Date.now() - t0} ms`, e instanceof Error ? e.message : String(e));
      if (closer.signal.aborted) throw new SyncClosedError();
      throw e;
    }
    syncLog(method, path.slice(0, 80), res.status, `${Date.now() - t0} ms`, `${text.length} B`);
    const code = opts.allow?.includes(res.status) ? null : classify(res.status, opts.isDatabasePath ?? true);
    let body: T;
    try {
      body = JSON.parse(text) as T;
    } catch {
      throw new CouchError('notCouch', res.status, `HTTP ${res.status}: not a CouchDB answer (${text.slice(0, 60).replace(/\s+/g, ' ')})`);
    }
    if (code) {
      const reason = (body as { reason?: string; error?: string } | null) ?? {};
      // CouchDB 3.4 locks a user out for a while after repeated wrong passwords, with 403 and this reason
      const locked = res.status === 403 && /locked/i.test(String(reason.reason ?? ''));
      throw new CouchError(locked ? 'lockedOut' : code, res.status, `HTTP ${res.status} ${reason.error ?? ''} ${reason.reason ?? ''}`.trim());
    }
    return { status: res.status, body, bytes: text.length };
  }

  function db(name: string): CouchDatabase {
    const p = encodeURIComponent(name);
    return {
      name,
      async info(signal) {
        const r = await request<{ doc_count?: number; update_seq?: unknown; sizes?: { external?: number } }>('GET', p, { ...(signal ? { signal } : {}) });
        return { docCount: r.body.doc_count ?? 0, updateSeq: seqText(r.body.update_seq), bytes: Number(r.body.sizes?.external) || 0 };
      },
      async changes(since, limit, signal) {
        const q = new URLSearchParams({ since, limit: String(limit), include_docs: 'true' });
        const r = await request<{ results?: ChangesRow[]; last_seq?: unknown }>('GET', `${p}/_changes?${q}`, { ...(signal ? { signal } : {}) });
        if (!Array.isArray(r.body.results)) throw new CouchError('notCouch', r.status, '_changes without results');
        return { results: r.body.results, lastSeq: seqText(r.body.last_seq ?? since), bytes: r.bytes };
      },
      async waitForChanges(since, timeoutMs, signal) {
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
            const q = new URLSearchParams({ feed: 'longpoll', since, timeout: String(Math.min(timeoutMs, maxPollMs)), limit: '1' });
            const r = await request<{ results?: unknown[]; last_seq?: unknown }>('GET', `${p}/_changes?${q}`, {
              signal: signal ? AbortSignal.any([signal, turn.signal]) : turn.signal,
            });
            return { changed: (r.body.results ?? []).length > 0, lastSeq: seqText(r.body.last_seq ?? since) };
          } catch (e) {
            // rotated out: give the slot to a waiting collection, then ask again with the same `since`
            if (!turn.signal.aborted || closer.signal.aborted || signal?.aborted) throw e;
          } finally {
            clearInterval(timer);
            gate.release();
          }
        }
      },
      async states(ids) {
        const out = new Map<string, ServerState>();
        if (ids.length === 0) return out;
        const r = await request<{ rows?: { id?: string; key: string; error?: string; value?: { rev: string; deleted?: boolean }; doc?: CouchDoc | null }[] }>(
          'POST',
          `${p}/_all_docs?include_docs=true`,
          { body: { keys: ids } },
        );
        if (!Array.isArray(r.body.rows)) throw new CouchError('notCouch', r.status, '_all_docs without rows');
        for (const row of r.body.rows) {
          if (row.error || !row.value) continue; // not_found: the server does not have it
          out.set(row.key, { rev: row.value.rev, deleted: row.value.deleted === true, doc: row.value.deleted ? null : (row.doc ?? null) });
        }
        return out;
      },
      async bulkGet(refs) {
        const out = new Map<string, CouchDoc>();
        if (refs.length === 0) return out;
        const r = await request<{ results?: { id: string; docs: { ok?: CouchDoc; error?: unknown }[] }[] }>('POST', `${p}/_bulk_get`, { body: { docs: refs } });
        for (const res of r.body.results ?? []) {
          const ok = res.docs.find((d) => d.ok)?.ok;
          if (ok) out.set(res.id, ok);
        }
        return out;
      },
      async bulkDocs(docs) {
        if (docs.length === 0) return [];
        const r = await request<{ id?: string; ok?: boolean; rev?: string; error?: string; reason?: string }[]>('POST', `${p}/_bulk_docs`, { body: { docs } });
        if (!Array.isArray(r.body)) throw new CouchError('notCouch', r.status, '_bulk_docs answer is not a list');
        return r.body.map((row, i) => ({
          id: String(row.id ?? docs[i]?._id ?? ''),
          ok: !row.error && row.ok !== false,
          ...(row.rev ? { rev: row.rev } : {}),
          ...(row.error ? { error: row.error, reason: String(row.reason ?? row.error) } : {}),
        }));
      },
      async getLocal(id) {
        const r = await request<CouchDoc & { error?: string }>('GET', `${p}/_local/${encodeURIComponent(id)}`, { allow: [404] });
        return r.status === 404 ? null : r.body;
      },
      async putLocal(doc) {
        const r = await request<{ ok?: boolean }>('PUT', `${p}/_local/${encodeURIComponent(doc._id.replace(/^_local\//, ''))}`, { body: doc, allow: [409] });
        return r.status !== 409;
      },
    };
  }

  return {
    db,
    stats: () => ({ inFlight: gate.active, waiting: gate.waiting, maxInFlight: gate.maxSeen, rotations }),
    close() {
      closer.abort();
    },
    get closed() {
      return closer.signal.aborted;
    },
  };
}
