/**
 * The sync engine: ONE generic mechanism for every collection of the database (a collection added later
 * replicates with no extra code), live both ways with RxDB's CouchDB replication, retry with back-off, pause
 * while offline, resume on reconnect, and a status model the desk shows at all times.
 */
import { BehaviorSubject, type Subscription } from 'rxjs';
import { getChangedDocumentsSince, getComposedPrimaryKeyOfDocumentData, type RxCollection, type RxDatabase } from 'rxdb';
import { replicateCouchDB, type RxCouchDBReplicationState } from 'rxdb/plugins/replication-couchdb';
import type { Author } from '../db/types';
import type { ConflictDoc } from '../db/schemas/conflicts';
import { stampChange, stampNew } from '../db/meta';
import { shortHash } from '../db/fingerprint';
import { basicAuth, dbName, normaliseServerUrl, type SyncConfig, type SyncErrorCode } from './config';
import { createSyncFetch, SyncClosedError, type RefusedRow, type SyncFetch } from './fetch';
import { attachConflictSink, content, stableStringify, type RecordedConflict } from './merge';
import type { JsonSchemaLike } from './validate';

export type SyncPhase = 'starting' | 'syncing' | 'idle' | 'paused' | 'offline' | 'error' | 'stopped';

export interface SyncStatus {
  phase: SyncPhase;
  online: boolean;
  /** Documents done / total while the first sync of a collection runs; null afterwards. */
  firstSync: { done: number; total: number } | null;
  /** ISO instant of the last moment every collection was in step with the server. */
  lastSyncAt: string | null;
  /** Local changes not yet on the server. */
  pending: number;
  lastError: { code: SyncErrorCode; detail: string; at: string } | null;
  /** Documents the server refused (listed in "could not sync"). */
  refused: number;
  /** Documents from a newer app version held back. */
  held: number;
}

export interface StartSyncOptions {
  db: RxDatabase<any>;
  config: SyncConfig;
  author: Author;
  /** Collections to sync; default: every collection of the database. */
  collections?: string[];
  fetch?: typeof fetch;
  maxLongPolls?: number;
  sliceMs?: number;
  maxPollMs?: number;
  /** First retry after an error (ms); doubles up to `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
  batchSize?: number;
  /** Browser online/offline events; default: `window` when there is one. */
  connectivity?: { isOnline(): boolean; subscribe(fn: (online: boolean) => void): () => void };
}

export interface CheckServerReport {
  checked: number;
  missing: number;
  older: number;
  resent: number;
}

export interface SyncEngine {
  readonly status$: BehaviorSubject<SyncStatus>;
  readonly replications: Record<string, RxCouchDBReplicationState<any>>;
  readonly transport: SyncFetch;
  pause(): Promise<void>;
  resume(): Promise<void>;
  /** Resolves when every collection has pushed and pulled what it knows of (bounded by `timeoutMs`). */
  awaitInSync(timeoutMs?: number): Promise<void>;
  /** Finds documents the server no longer has (or has older) and sends them again. */
  checkServer(): Promise<CheckServerReport>;
  stop(): Promise<void>;
}

const INITIAL: SyncStatus = {
  phase: 'starting',
  online: true,
  firstSync: null,
  lastSyncAt: null,
  pending: 0,
  lastError: null,
  refused: 0,
  held: 0,
};

function classify(status: number, collection: string | null): SyncErrorCode | null {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404 && collection) return 'dbMissing';
  if (status >= 500) return 'server';
  return null;
}

/** A short, stable hash for ids made from long keys (FNV-1a, 2 × 32 bit). */
export { shortHash };

function windowConnectivity(): StartSyncOptions['connectivity'] {
  const w = (globalThis as { window?: Window }).window;
  if (!w?.addEventListener) return undefined;
  return {
    isOnline: () => w.navigator.onLine !== false,
    subscribe(fn) {
      const on = () => fn(true);
      const off = () => fn(false);
      w.addEventListener('online', on);
      w.addEventListener('offline', off);
      return () => {
        w.removeEventListener('online', on);
        w.removeEventListener('offline', off);
      };
    },
  };
}

/** A replication error in a line: RxDB's code and the first cause (RxDB keeps its messages out of production builds). */
function replicationErrorText(e: unknown): string {
  const err = e as { code?: string; message?: string; parameters?: { errors?: { message?: string }[]; error?: { message?: string } } };
  const cause = err?.parameters?.errors?.[0]?.message ?? err?.parameters?.error?.message;
  return [err?.code, cause ?? (err?.code ? '' : String(err?.message ?? e))].filter(Boolean).join(' ').slice(0, 300);
}

/** A User Timing mark (browser and Node): the benchmark times the first pull between two of them. */
function mark(name: string): void {
  try {
    globalThis.performance?.mark?.(name);
  } catch {
    // no User Timing here: nothing to mark
  }
}

export async function startSync(options: StartSyncOptions): Promise<SyncEngine> {
  mark('sosedi:sync-start');
  const { db, config, author } = options;
  const baseUrl = normaliseServerUrl(config.url);
  if (!baseUrl) throw Object.assign(new Error('invalid sync URL'), { code: 'invalidUrl' as SyncErrorCode });
  const names = options.collections ?? Object.keys(db.collections);
  const collections = Object.fromEntries(names.map((n) => [n, db.collections[n] as RxCollection<any>]));
  const byDb = new Map(names.map((n) => [dbName(config.centre, n), n]));
  const status$ = new BehaviorSubject<SyncStatus>({ ...INITIAL });
  const set = (patch: Partial<SyncStatus>) => status$.next({ ...status$.value, ...patch });
  const subs: Subscription[] = [];
  const pending = new Map<string, string>(); // collection/id → updatedAt of the newest unsent local write
  const conflicts = db.collections.conflicts as RxCollection<ConflictDoc> | undefined;
  let stopped = false;
  let paused = false;
  let failing = false;

  const setError = (code: SyncErrorCode, detail: string) =>
    set({ lastError: { code, detail, at: new Date().toISOString() }, ...(code === 'unreachable' ? {} : { phase: 'error' }) });

  /** Records into the conflicts collection (synced: every desk sees it); one record per kind/doc/version. */
  let recording: Promise<void> = Promise.resolve();
  function record(kind: ConflictDoc['kind'], collection: string, docId: string, fields: string[], kept: string, other: string, id?: string): Promise<void> {
    // one at a time: two paths may report the same event at once (see the deletion check below)
    recording = recording.then(() => recordNow(kind, collection, docId, fields, kept, other, id)).catch(() => undefined);
    return recording;
  }
  async function recordNow(kind: ConflictDoc['kind'], collection: string, docId: string, fields: string[], kept: string, other: string, id?: string) {
    if (!conflicts || stopped) return;
    const key = id ?? `cf-${shortHash(`${kind}|${collection}|${docId}|${other}`)}`;
    try {
      const existing = await conflicts.findOne(key).exec();
      if (existing && existing.status === 'open' && existing.other === other) return;
      if (kind === 'deleted-edited') {
        // A deletion met by an edit is seen by the merge (push conflict) and again when the kept edit is written over
        // the server's tombstone (revive), each with its own view of the tombstone: one open card per document.
        const open = await conflicts.findOne({ selector: { kind, docCollection: collection, docId, status: 'open' } }).exec();
        if (open) return;
      }
      const data = { kind, docCollection: collection, docId, fields: fields.slice(0, 200), kept, other, status: 'open' as const, resolution: '' };
      if (existing) await existing.incrementalPatch(stampChange(data, author));
      else await conflicts.insert(stampNew(data, author, key));
    } catch {
      // a concurrent write of the same record from another path: the other write wins, nothing is lost
    }
  }
  const json = (d: unknown) => (d ? stableStringify(d).slice(0, 400000) : '');
  attachConflictSink(db.name, (c: RecordedConflict) => {
    void record(c.kind, c.collection, c.docId, c.fields, json(c.kept), json(c.other));
  });

  async function countOpen(kind: ConflictDoc['kind']): Promise<number> {
    if (!conflicts) return 0;
    return (await conflicts.find({ selector: { status: 'open', kind } }).exec()).length;
  }
  const refreshCounts = async () => {
    if (stopped) return;
    set({ refused: await countOpen('refused'), held: await countOpen('newer-version') });
  };

  const transport = createSyncFetch({
    baseUrl,
    authorization: basicAuth(config.user, config.password),
    collectionOf: (name) => byDb.get(name) ?? null,
    schemas: Object.fromEntries(names.map((n) => [n, collections[n]!.schema.jsonSchema as unknown as JsonSchemaLike & { primaryKey: unknown }])),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.maxLongPolls ? { maxLongPolls: options.maxLongPolls } : {}),
    ...(options.sliceMs ? { sliceMs: options.sliceMs } : {}),
    ...(options.maxPollMs ? { maxPollMs: options.maxPollMs } : {}),
    hooks: {
      onResponse(code, collection) {
        const err = classify(code, collection);
        if (err) {
          failing = true;
          setError(err, `HTTP ${code}${collection ? ` (${collection})` : ''}`);
        } else if (!status$.value.online || failing) {
          failing = false;
          set({ online: true, phase: paused ? 'paused' : 'syncing' });
          // back after a failure: catch up through normal pulls, not only the live stream
          for (const rep of Object.values(replications)) if (!paused) rep.reSync();
        }
      },
      onNetworkError(error) {
        if (stopped || error instanceof SyncClosedError) return;
        failing = true;
        set({ online: false, phase: paused ? 'paused' : 'offline' });
        setError('unreachable', error instanceof Error ? error.message : String(error));
        set({ phase: 'offline' });
      },
      onRefused(row: RefusedRow) {
        void record('refused', row.collection, row.docId, [row.error], json(row.doc), row.reason, refusedId(row.collection, row.docId)).then(refreshCounts);
        setError('refused', `${row.collection}/${row.docId}: ${row.reason}`);
      },
      onAccepted(collection, ids) {
        if (!conflicts) return;
        void conflicts
          .find({ selector: { id: { $in: ids.map((id) => refusedId(collection, id)) }, status: 'open' } })
          .exec()
          .then((docs) => Promise.all(docs.map((d) => d.incrementalPatch(stampChange({ status: 'resolved' as const, resolution: 'accepted' }, author)))))
          .then(refreshCounts)
          .catch(() => undefined);
      },
      onRevive(collection, doc, deleted) {
        const fields = Object.keys(doc).filter((k) => !k.startsWith('_'));
        void record('deleted-edited', collection, String(doc._id), fields, json(doc), json({ ...deleted, _deleted: true }));
      },
      onHeld(collection, doc, reason) {
        const id = String(doc._id ?? '');
        void record('newer-version', collection, id, [reason], '', json(doc), `nv-${shortHash(`${collection}|${id}|${String(doc._rev ?? '')}`)}`).then(refreshCounts);
      },
    },
  });

  // Local changes not yet on the server: every write that did not come from the server.
  subs.push(
    db.eventBulks$.subscribe((bulk: { collectionName?: string; context?: string; events: { documentId: string; documentData?: { updatedAt?: string } }[] }) => {
      const c = bulk.collectionName;
      if (!c || !collections[c] || String(bulk.context ?? '').startsWith('replication-downstream')) return;
      for (const ev of bulk.events) pending.set(`${c}/${ev.documentId}`, String(ev.documentData?.updatedAt ?? ''));
      set({ pending: pending.size });
    }),
  );

  // First sync: how many documents the server holds that this desk does not have yet.
  const firstTotals = new Map<string, number>();
  let firstDone = 0;
  await Promise.all(
    names.map(async (n) => {
      try {
        const local = await collections[n]!.count().exec();
        if (local > 0) return;
        const r = await transport.fetch(baseUrl + encodeURIComponent(dbName(config.centre, n)));
        if (!r.ok) return;
        const info = (await r.json()) as { doc_count?: number };
        // design documents (server-side validation) are counted by the server but never pulled
        const design = await transport.fetch(`${baseUrl}${encodeURIComponent(dbName(config.centre, n))}/_all_docs?startkey=%22_design%2F%22&endkey=%22_design0%22`);
        const designCount = design.ok ? ((await design.json()) as { rows?: unknown[] }).rows?.length ?? 0 : 0;
        const count = (info.doc_count ?? 0) - designCount;
        if (count > 0) firstTotals.set(n, count);
      } catch {
        // offline at start: the first sync shows no bar until the server answers
      }
    }),
  );
  const firstTotal = [...firstTotals.values()].reduce((a, b) => a + b, 0);
  if (firstTotal > 0) set({ firstSync: { done: 0, total: firstTotal } });

  const retryMs = options.retryMs ?? 2000;
  const maxRetryMs = options.maxRetryMs ?? 60000;
  const replications: Record<string, RxCouchDBReplicationState<any>> = {};
  const active = new Map<string, boolean>();
  /** Collections whose current pull or push run failed with no HTTP error behind it (shown as 'stalled'). */
  const stalled = new Set<string>();
  /** The first sync is over when the desk holds at least as many documents as the server had. */
  async function finishFirstSyncIfComplete() {
    let have = 0;
    for (const n of firstTotals.keys()) have += await collections[n]!.count().exec();
    if (have >= firstTotal && !stopped) set({ firstSync: null });
  }
  for (const n of names) {
    const rep = replicateCouchDB<any>({
      replicationIdentifier: `sosedi-${config.centre}-${n}@${baseUrl}`,
      collection: collections[n]!,
      url: `${baseUrl}${encodeURIComponent(dbName(config.centre, n))}/`,
      fetch: transport.fetch,
      live: true,
      retryTime: retryMs,
      waitForLeadership: true,
      autoStart: true,
      // 1,000 a page: a fresh desk's first pull of the full dataset (73k documents) took 100 s instead of 119–124 s
      // with 200 (fewer round trips and CORS preflights, larger IndexedDB writes; bench first_sync_ratio)
      pull: { batchSize: options.batchSize ?? 1000, heartbeat: 30000 },
      push: { batchSize: options.batchSize ?? 100 },
    });
    replications[n] = rep;
    // Back-off: each failure doubles the wait before the next try, a success resets it.
    subs.push(
      rep.error$.subscribe((e) => {
        rep.retryTime = Math.min(maxRetryMs, (rep.retryTime ?? retryMs) * 2);
        // An HTTP failure or a lost connection is already shown by the transport's hooks; anything else (an answer
        // the replication could not use) would otherwise only spin in RxDB's retry loop: show it, never swallow it.
        if (!failing && !stopped) {
          stalled.add(n);
          setError('stalled', `${n}: ${replicationErrorText(e)}`);
        }
      }),
      rep.received$.subscribe(() => {
        rep.retryTime = retryMs;
        if (firstTotals.has(n) && status$.value.firstSync) {
          firstDone++;
          set({ firstSync: firstDone >= firstTotal ? null : { done: firstDone, total: firstTotal } });
        }
      }),
      rep.sent$.subscribe((doc: { id?: string; updatedAt?: string }) => {
        rep.retryTime = retryMs;
        const key = `${n}/${String(doc.id)}`;
        const at = pending.get(key);
        if (at !== undefined && String(doc.updatedAt ?? '') >= at) pending.delete(key);
        set({ pending: pending.size });
      }),
      rep.active$.subscribe((isActive) => {
        active.set(n, isActive);
        // RxDB retries a failed pull or push inside one active run: the run ending means it went through
        if (!isActive) stalled.delete(n);
        const anyActive = [...active.values()].some(Boolean);
        if (anyActive && !paused && status$.value.online && stalled.size === 0) set({ phase: 'syncing' });
        if (!anyActive && !paused && !failing && active.size === names.length) {
          set({ phase: 'idle', online: true, lastSyncAt: new Date().toISOString() });
          if (status$.value.firstSync) void finishFirstSyncIfComplete();
        }
      }),
    );
  }
  // Local changes made before this start (e.g. offline last session) count as pending too.
  const sentSeen = new Map<string, string>();
  for (const n of names) {
    subs.push(replications[n]!.sent$.subscribe((d: { id?: string; updatedAt?: string }) => sentSeen.set(`${n}/${String(d.id)}`, String(d.updatedAt ?? ''))));
    void unsentAtStart(replications[n]!, collections[n]!).then((docs) => {
      for (const d of docs) {
        const key = `${n}/${d.id}`;
        const sent = sentSeen.get(key);
        if (!pending.has(key) && !(sent !== undefined && sent >= d.updatedAt)) pending.set(key, d.updatedAt);
      }
      set({ pending: pending.size });
    });
  }
  void Promise.all(Object.values(replications).map((r) => r.awaitInitialReplication()))
    .then(() => {
      // every collection has pulled (and pushed) what the server held at the start: on a fresh desk, the first sync
      if (!stopped) mark('sosedi:first-sync-done');
      return finishFirstSyncIfComplete();
    })
    .catch(() => undefined);
  void refreshCounts();

  async function pause() {
    paused = true;
    await Promise.all(Object.values(replications).map((r) => r.pause()));
    set({ phase: 'paused' });
  }
  async function resume() {
    paused = false;
    set({ phase: 'syncing' });
    await Promise.all(Object.values(replications).map((r) => r.start()));
  }

  const connectivity = options.connectivity ?? windowConnectivity();
  if (connectivity) {
    subs.push({
      unsubscribe: connectivity.subscribe((online) => {
        if (online) {
          set({ online: true });
          void resume();
        } else {
          void pause().then(() => set({ online: false, phase: 'offline' }));
        }
      }),
    } as Subscription);
    if (!connectivity.isOnline()) void pause().then(() => set({ online: false, phase: 'offline' }));
  }

  async function awaitInSync(timeoutMs = 60000) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('sync did not settle in time')), timeoutMs);
    });
    try {
      await Promise.race([Promise.all(Object.values(replications).map((r) => r.awaitInSync())), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async function checkServer(): Promise<CheckServerReport> {
    const report: CheckServerReport = { checked: 0, missing: 0, older: 0, resent: 0 };
    for (const n of names) {
      const url = `${baseUrl}${encodeURIComponent(dbName(config.centre, n))}/`;
      const docs = (await collections[n]!.find().exec()).map((d) => d.toMutableJSON(true) as Record<string, unknown>);
      const primary = collections[n]!.schema.primaryPath as string;
      for (let i = 0; i < docs.length; i += 500) {
        const chunk = docs.slice(i, i + 500);
        const r = await transport.fetch(`${url}_all_docs?include_docs=true`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ keys: chunk.map((d) => d[primary]) }),
        });
        if (!r.ok) throw Object.assign(new Error(`HTTP ${r.status}`), { code: classify(r.status, n) ?? 'server' });
        const rows = ((await r.json()) as { rows: { key: string; error?: string; doc?: Record<string, unknown> | null }[] }).rows;
        const send: Record<string, unknown>[] = [];
        rows.forEach((row, j) => {
          const local = chunk[j]!;
          report.checked++;
          const { _meta, _rev, _attachments, _deleted, ...rest } = local;
          void _meta;
          void _rev;
          void _attachments;
          void _deleted;
          const out: Record<string, unknown> = { ...rest, _id: rest[primary] };
          delete out[primary];
          if (row.error === 'not_found') {
            report.missing++;
            send.push(out);
          } else if (row.doc && !row.doc._deleted && String(row.doc.updatedAt ?? '') < String(local.updatedAt ?? '')) {
            report.older++;
            send.push({ ...out, _rev: row.doc._rev });
          }
        });
        if (send.length) {
          const w = await transport.fetch(`${url}_bulk_docs`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ docs: send }),
          });
          const result = (await w.json()) as { ok?: boolean; rev?: string }[];
          report.resent += result.filter((x) => x.ok && x.rev).length;
        }
      }
    }
    for (const rep of Object.values(replications)) rep.reSync();
    return report;
  }

  async function stop() {
    if (stopped) return;
    stopped = true;
    attachConflictSink(db.name, null);
    for (const s of subs) s.unsubscribe();
    transport.close();
    await Promise.all(Object.values(replications).map((r) => r.cancel()));
    set({ phase: 'stopped' });
  }

  return { status$, replications, transport, pause, resume, awaitInSync, checkServer, stop };
}

/** Documents written locally since the last push checkpoint whose content the server has not seen. */
async function unsentAtStart(rep: RxCouchDBReplicationState<any>, collection: RxCollection<any>): Promise<{ id: string; updatedAt: string }[]> {
  for (let i = 0; i < 200 && !rep.metaInstance && !rep.isStopped(); i++) await new Promise((r) => setTimeout(r, 25));
  const meta = rep.metaInstance;
  if (!meta) return [];
  try {
    const key = (itemId: string, isCheckpoint: '0' | '1') => getComposedPrimaryKeyOfDocumentData(meta.schema, { itemId, isCheckpoint } as never);
    const [cp] = await meta.findDocumentsById([key('up', '1')], false);
    const changed = await getChangedDocumentsSince(collection.storageInstance, 5000, (cp as { checkpointData?: unknown } | undefined)?.checkpointData);
    const primary = collection.schema.primaryPath as string;
    const ids = changed.documents.map((d) => String((d as Record<string, unknown>)[primary]));
    const assumed = await meta.findDocumentsById(ids.map((id) => key(id, '0')), true);
    const byId = new Map(assumed.map((a) => [String((a as { itemId: string }).itemId), (a as { docData: Record<string, unknown> }).docData]));
    return changed.documents
      .filter((d) => {
        const a = byId.get(String((d as Record<string, unknown>)[primary]));
        return !a || stableStringify(content(a as never)) !== stableStringify(content(d as never));
      })
      .map((d) => ({ id: String((d as Record<string, unknown>)[primary]), updatedAt: String((d as { updatedAt?: string }).updatedAt ?? '') }));
  } catch {
    return [];
  }
}

export function refusedId(collection: string, docId: string): string {
  return `rf-${shortHash(`${collection}|${docId}`)}`;
}

