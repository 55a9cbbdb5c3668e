/**
 * The sync engine: ONE generic mechanism for every collection of the database (a collection added later
 * replicates with no extra code). Each collection is a lane: RxDB's replication primitive with this project's
 * CouchDB protocol (protocol.ts over couch.ts), a live loop of its own on `_changes` (long-poll), and the
 * server database's identity.
 *
 * - Status: a pure state machine (status.ts); every outcome is an event, nothing else writes the status.
 * - Pending: the documents written on this desk that the server has not confirmed, kept across restarts
 *   (`memory`), checked against the server when a lane is idle, so the count is what is really unsent.
 * - The bell: a desk that pushed writes one tiny document (`desk-<id>`: which collections, when) into the
 *   centre's bell database; every desk holds one long-poll on it and pulls those collections at once. The
 *   collections' own long-polls share three connections in turns (a browser has six per server), so without the
 *   bell another desk's edit may wait for its collection's turn; with it, it arrives in well under a second.
 *   A server without a bell database (set up before it existed) still syncs everything, in turns.
 * - Identity: every server database carries `_local/sosedi-identity` (a random id). A database that was
 *   recreated or restored has another one (or none: the desk writes a new one), or its sequence went back:
 *   the lane notices by itself (at start, after any failure, every `identityCheckMs`), forgets its pull
 *   position, sends again what the server lacks, pulls from the start and says so (status notice).
 */
import { BehaviorSubject, Subject, type Subscription } from 'rxjs';
import { getChangedDocumentsSince, type RxCollection, type RxDatabase } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import type { Author } from '../db/types';
import type { ConflictDoc } from '../db/schemas/conflicts';
import { stampChange, stampNew } from '../db/meta';
import { shortHash } from '../db/fingerprint';
import { basicAuth, bellDbName, dbName, normaliseServerUrl, type SyncConfig, type SyncErrorCode } from './config';
import { CouchError, SyncClosedError, createCouchTransport, seqNumber, type CouchDatabase, type CouchTransport } from './couch';
import { attachConflictSink, stableStringify, type RecordedConflict } from './merge';
import { createLaneProtocol, type Doc, type LaneProtocol, type PullCheckpoint } from './protocol';
import { initialState, reduce, view, type Direction, type MachineState, type SyncEvent, type SyncStatus } from './status';
import { memoryUnsentStore, UnsentList, type StoredUnsent, type SyncMemory, type UnsentStore } from './unsent';

export type { SyncStatus } from './status';

export type { SyncMemory, UnsentStore } from './unsent';

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
  /** Pull page size. */
  batchSize?: number;
  /** Most documents one push sends (one look at the server, one `_bulk_docs`); fewer are sent as they come. */
  pushBatchSize?: number;
  /** How often a live lane checks the server database's identity (restored, recreated). */
  identityCheckMs?: number;
  memory?: SyncMemory;
  /**
   * Where the list of what is not yet sent is kept between runs (unsent.ts); default: in `memory`, one text per
   * collection. A list that `memory` kept before (an earlier version) is moved over at the first save.
   */
  unsentStore?: UnsentStore;
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
  readonly replications: Record<string, RxReplicationState<any, PullCheckpoint>>;
  readonly transport: CouchTransport;
  pause(): Promise<void>;
  resume(): Promise<void>;
  /** Resolves when every collection has pushed and pulled what it knows of (bounded by `timeoutMs`). */
  awaitInSync(timeoutMs?: number): Promise<void>;
  /** Checks every database's identity now and sends again what the server lacks or has older. */
  checkServer(): Promise<CheckServerReport>;
  dismissNotice(): void;
  stop(): Promise<void>;
}

/** A short, stable hash for ids made from long keys (FNV-1a, 2 × 32 bit). */
export { shortHash };

export function refusedId(collection: string, docId: string): string {
  return `rf-${shortHash(`${collection}|${docId}`)}`;
}
export function heldId(collection: string, docId: string): string {
  return `nv-${shortHash(`${collection}|${docId}`)}`;
}
/** Held documents that break the schema are told apart from newer-version ones by this prefix of `fields[0]`. */
export const INVALID_PREFIX = 'invalid: ';

/** `_local/sosedi-identity` on every database: `{ identity }` (server:setup writes it; shared with provision.ts). */
export const IDENTITY_DOC = 'sosedi-identity';

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

/** A User Timing mark (browser and Node): the benchmark times the first pull between two of them. */
function mark(name: string): void {
  try {
    globalThis.performance?.mark?.(name);
  } catch {
    // no User Timing here: nothing to mark
  }
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    });
  });

const randomId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}${Math.random().toString(36).slice(2, 6)}`;

/** What a failure means for the status: an HTTP answer's code, no answer at all, or an answer sync cannot use. */
function failureOf(e: unknown, collection: string): { scope: string; code: SyncErrorCode; detail: string } {
  if (e instanceof CouchError) return { scope: collection, code: e.code === 'notCouch' ? 'stalled' : e.code, detail: `${collection}: ${e.message}` };
  const message = e instanceof Error ? e.message : String(e);
  if (e instanceof TypeError || /fetch failed|network|ECONNREFUSED|ECONNRESET|socket|terminated|abort/i.test(message)) return { scope: '*', code: 'unreachable', detail: message };
  return { scope: collection, code: 'stalled', detail: `${collection}: ${message}`.slice(0, 300) };
}

interface Lane {
  name: string;
  collection: RxCollection<any>;
  couch: CouchDatabase;
  protocol: LaneProtocol;
  /** The server database's identity this lane replicates with (null: not known yet). */
  identity: string | null;
  rep: RxReplicationState<any, PullCheckpoint> | null;
  /** The newest sequence the pull has read (the live loop waits for changes after it). */
  lastSeq: string | null;
  pulledWaiters: (() => void)[];
  stream: Subject<'RESYNC'>;
  failing: boolean;
  firstSync: boolean;
  subs: Subscription[];
  lastRefusedRetry: number;
  /**
   * Pulled pages whose write into the desk's database failed (a full disk). The replication goes on past them, so
   * the run they failed in is not a clean one, and the next pull starts again from `safeSeq`.
   */
  storeFailed: boolean;
  /** A sequence up to which everything pulled is known to be stored: where the last clean run ended. */
  safeSeq: string | null;
  /**
   * What the first sync's progress counted for this lane since `safeSeq`: taken back out when a write fails, since
   * the pull starts again from `safeSeq` (the bar shows what is known stored and what the pull again has brought).
   */
  sinceSafe: { documents: number; bytes: number };
  /** Where the next pull starts instead of the replication's checkpoint (after a failed write), once. */
  rewindTo: string | null;
  /** A failed write is shown and not over yet (cleared by the first clean run after it). */
  storeFailing: boolean;
  /** Wait before pulling again after a failed write (doubles up to STORE_RETRY_MAX_MS). */
  storeRetryMs: number;
}

/** The longest wait between pulls again after failed writes into the desk's database (a full disk stays full a while). */
const STORE_RETRY_MAX_MS = 120_000;

export async function startSync(options: StartSyncOptions): Promise<SyncEngine> {
  mark('sosedi:sync-start');
  const { db, config, author } = options;
  const baseUrl = normaliseServerUrl(config.url, config.inBuilding);
  if (!baseUrl) throw Object.assign(new Error('invalid sync URL'), { code: 'invalidUrl' as SyncErrorCode });
  const names = options.collections ?? Object.keys(db.collections);
  const retryMs = options.retryMs ?? 2000;
  // a desk whose server comes back should say so within seconds, not after a minute of back-off
  const maxRetryMs = options.maxRetryMs ?? 10000;
  const identityCheckMs = options.identityCheckMs ?? 60000;
  const memory: SyncMemory = options.memory ?? (() => {
    const m = new Map<string, string>();
    return { get: (k: string) => m.get(k) ?? null, set: (k: string, v: string) => void m.set(k, v) };
  })();
  const scope = `${config.centre}@${baseUrl}`;
  const memKey = (what: string) => `${scope}/${what}`;
  const conflicts = db.collections.conflicts as RxCollection<ConflictDoc> | undefined;
  const closer = new AbortController();
  let stopped = false;
  let paused = false;
  const subs: Subscription[] = [];

  // ---- status ----
  let machine: MachineState = initialState(names);
  const status$ = new BehaviorSubject<SyncStatus>(view(machine));
  const emit = (e: SyncEvent) => {
    const next = reduce(machine, e);
    if (next === machine) return;
    machine = next;
    const v = view(machine);
    if (stableStringify(v) !== stableStringify(status$.value)) status$.next(v);
  };
  const now = () => new Date().toISOString();
  const ok = (lane: Lane, direction: Direction) => {
    if (lane.failing) {
      lane.failing = false;
      // back after a failure: the database may have been restored meanwhile, and changes may wait
      void checkIdentity(lane).catch(() => undefined);
      lane.stream.next('RESYNC');
    }
    emit({ t: 'ok', collection: lane.name, direction, at: now() });
  };
  const failed = (lane: Lane, direction: Direction, e: unknown) => {
    if (stopped || e instanceof SyncClosedError) return;
    const f = failureOf(e, lane.name);
    lane.failing = true;
    emit({ t: 'failed', collection: f.scope, direction, code: f.code, detail: f.detail, at: now() });
  };

  // ---- conflict records (synced: every desk sees them) ----
  let recording: Promise<void> = Promise.resolve();
  function record(kind: ConflictDoc['kind'], collection: string, docId: string, fields: string[], kept: string, other: string, id?: string): Promise<void> {
    // one at a time: two paths may report the same event at once
    recording = recording.then(() => recordNow(kind, collection, docId, fields, kept, other, id)).catch(() => undefined);
    return recording;
  }
  async function recordNow(kind: ConflictDoc['kind'], collection: string, docId: string, fields: string[], kept: string, other: string, id?: string) {
    if (!conflicts || stopped) return;
    const key = id ?? `cf-${shortHash(`${kind}|${collection}|${docId}|${other}`)}`;
    try {
      const existing = await conflicts.findOne(key).exec();
      if (existing && existing.status === 'open' && existing.other === other && stableStringify(existing.fields) === stableStringify(fields)) return;
      if (kind === 'deleted-edited') {
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
  async function resolveRecords(ids: string[], resolution: string) {
    if (!conflicts || ids.length === 0 || stopped) return;
    const docs = await conflicts.find({ selector: { id: { $in: ids }, status: 'open' } }).exec();
    for (const d of docs) await d.incrementalPatch(stampChange({ status: 'resolved' as const, resolution }, author)).catch(() => undefined);
    if (docs.length) await refreshCounts();
  }
  const json = (d: unknown) => (d ? stableStringify(d).slice(0, 400000) : '');
  attachConflictSink(db.name, (c: RecordedConflict) => {
    void record(c.kind, c.collection, c.docId, c.fields, json(c.kept), json(c.other));
  });
  async function refreshCounts() {
    if (!conflicts || stopped) return;
    const open = await conflicts.find({ selector: { status: 'open', kind: { $in: ['refused', 'newer-version'] } } }).exec();
    const invalid = open.filter((c) => c.kind === 'newer-version' && String(c.fields[0] ?? '').startsWith(INVALID_PREFIX)).length;
    const held = open.filter((c) => c.kind === 'newer-version').length - invalid;
    emit({ t: 'counts', refused: open.filter((c) => c.kind === 'refused').length, held, invalid });
  }

  // ---- pending: written here, not yet confirmed by the server ----
  const unsent = new Map<string, UnsentList>();
  /** Documents written while sync was paused (restore, import): if taken back, their deletions are not sent. */
  const pausedWrites = new Map<string, Set<string>>(names.map((n) => [n, new Set()]));
  /** Where each collection's local changes were last looked at (a storage checkpoint): what comes after is local. */
  const seen = new Map<string, unknown>();
  /** The checkpoint each stored list was saved with, as text (a save with no change to the list or to it is skipped). */
  const savedSeen = new Map<string, string>();
  async function readChanges(n: string, from: unknown, each: (d: Doc) => void): Promise<unknown> {
    const collection = db.collections[n] as RxCollection<any>;
    let checkpoint = from;
    for (;;) {
      const page = await getChangedDocumentsSince(collection.storageInstance, 5000, checkpoint as never);
      for (const d of page.documents as Doc[]) each(d);
      if (page.documents.length > 0) checkpoint = page.checkpoint;
      if (page.documents.length < 5000) return checkpoint;
    }
  }
  const lists: UnsentStore = options.unsentStore ?? memoryUnsentStore(memory);
  // lists an earlier version kept in `memory`: read when the store has none, and forgotten there once it has them
  const earlier = options.unsentStore ? memoryUnsentStore(memory) : null;
  const moving = new Set<string>();
  for (const n of names) {
    const primary = (db.collections[n] as RxCollection<any>).schema.primaryPath as string;
    let stored: StoredUnsent | null;
    let moved = false;
    try {
      stored = await lists.load(scope, n);
      if (!stored && earlier) moved = (stored = await earlier.load(scope, n)) !== null;
    } catch {
      stored = null;
    }
    if (moved) moving.add(n);
    const m = new UnsentList(stored === null || moved);
    unsent.set(n, m);
    if (stored) for (const [id, at] of stored.unsent) m.restore(id, at);
    if (stored && !moved && stored.seen !== undefined) savedSeen.set(n, JSON.stringify(stored.seen));
    // the checkpoint the list was saved with: null when the collection had nothing yet (every document in it now was
    // written since), undefined when a desk older than checkpoints saved the list
    const from = stored?.seen;
    // Never synced with this server from here: every local document is unsent until the server confirms it.
    // Else: what was written while sync was not running (offline start, sync stopped) is unsent too.
    if (stored === null || from !== undefined) seen.set(n, await readChanges(n, from ?? undefined, (d) => m.set(String(d[primary]), String(d.updatedAt ?? ''))));
    else seen.set(n, await readChanges(n, undefined, () => undefined));
  }
  let saveTimer: ReturnType<typeof setTimeout> | null = null;
  /** Keeps every list's changes and its checkpoint; a list whose save fails keeps them for the next (tried again after `retryMs`). */
  const saveLists = async () => {
    let failed = false;
    for (const [n, m] of unsent) {
      // every change up to now is either in the unsent list or came from the server
      const cp = await readChanges(n, seen.get(n), () => undefined).catch(() => seen.get(n));
      seen.set(n, cp);
      const cpText = JSON.stringify(cp ?? null);
      if (!m.dirty && cpText === savedSeen.get(n)) continue;
      const changes = m.take();
      try {
        await lists.save(scope, n, changes, cp ?? null);
        savedSeen.set(n, cpText);
        if (moving.delete(n)) await earlier?.forget(scope, n);
      } catch {
        m.giveBack(changes);
        failed = true;
      }
    }
    if (failed && !stopped && !saveTimer) saveTimer = setTimeout(() => ((saveTimer = null), void saveUnsent()), retryMs);
  };
  // one save at a time, in order: a later save's checkpoint is never overwritten by an earlier one's
  let saving: Promise<void> = Promise.resolve();
  const saveUnsent = (): Promise<void> => (saving = saving.then(saveLists, saveLists));
  const pendingChanged = () => {
    emit({ t: 'pending', count: [...unsent.values()].reduce((a, m) => a + m.size, 0) });
    if (!saveTimer) saveTimer = setTimeout(() => ((saveTimer = null), void saveUnsent()), 300);
  };
  pendingChanged();
  subs.push(
    db.eventBulks$.subscribe((bulk: { collectionName?: string; context?: string; events: { documentId: string; documentData?: { updatedAt?: string } }[] }) => {
      const m = bulk.collectionName ? unsent.get(bulk.collectionName) : undefined;
      if (!m || String(bulk.context ?? '').startsWith('replication-downstream')) return;
      for (const ev of bulk.events) m.set(ev.documentId, String(ev.documentData?.updatedAt ?? ''));
      if (paused) for (const ev of bulk.events) pausedWrites.get(bulk.collectionName!)!.add(ev.documentId);
      pendingChanged();
    }),
  );
  function confirm(lane: Lane, docs: Doc[]) {
    const m = unsent.get(lane.name)!;
    let changed = false;
    for (const d of docs) {
      const id = lane.protocol.idOf(d);
      const at = m.get(id);
      if (at !== undefined && String(d.updatedAt ?? '') >= at) {
        m.delete(id);
        changed = true;
      }
    }
    if (changed) pendingChanged();
  }
  /** The exact check: pending documents whose content the server already has are not pending. */
  async function verifyUnsent(lane: Lane) {
    const m = unsent.get(lane.name)!;
    const all = [...m.keys()];
    for (let i = 0; i < all.length && !stopped; i += 200) {
      const ids = all.slice(i, i + 200);
      const states = await lane.couch.states(ids);
      const local = await lane.collection.storageInstance.findDocumentsById(ids, true);
      const byId = new Map(local.map((d: Doc) => [lane.protocol.idOf(d), d]));
      let done = 0;
      for (const id of ids) {
        const mine = byId.get(id);
        const s = states.get(id);
        if (!mine || !s) continue;
        const theirs = s.deleted ? null : s.doc ? lane.protocol.fromCouch(s.doc) : null;
        if ((theirs && lane.protocol.same(theirs, mine)) || (s.deleted && mine._deleted)) {
          // compared with the server itself: confirmed whatever was noted for it
          m.delete(id);
          done++;
        }
      }
      if (done) pendingChanged();
    }
  }

  // ---- transport and lanes ----
  const transport = createCouchTransport({
    baseUrl,
    authorization: basicAuth(config.user, config.password),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.maxLongPolls ? { maxLongPolls: options.maxLongPolls } : {}),
    ...(options.sliceMs ? { sliceMs: options.sliceMs } : {}),
    ...(options.maxPollMs ? { maxPollMs: options.maxPollMs } : {}),
  });

  const firstTotals = new Map<string, number>();
  const firstTotalBytes = new Map<string, number>();
  const firstCycles = new Set<string>();
  let firstSyncMarked = false;
  let firstDone = 0;
  let firstBytes = 0;

  const lanes: Record<string, Lane> = {};
  const swapWaiters: (() => void)[] = [];
  const replications: Record<string, RxReplicationState<any, PullCheckpoint>> = {};

  function makeLane(n: string): Lane {
    const collection = db.collections[n] as RxCollection<any>;
    const couch = transport.db(dbName(config.centre, n));
    const lane: Lane = {
      name: n,
      collection,
      couch,
      protocol: null as unknown as LaneProtocol,
      identity: null,
      rep: null,
      lastSeq: null,
      pulledWaiters: [],
      stream: new Subject<'RESYNC'>(),
      failing: false,
      firstSync: false,
      subs: [],
      lastRefusedRetry: 0,
      storeFailed: false,
      safeSeq: null,
      sinceSafe: { documents: 0, bytes: 0 },
      rewindTo: null,
      storeFailing: false,
      storeRetryMs: retryMs,
    };
    lane.protocol = createLaneProtocol({
      collection,
      couch,
      localOnly: (id) => pausedWrites.get(n)?.has(id) === true,
      hooks: {
        held(doc, reason, invalid) {
          const id = String(doc._id);
          void record('newer-version', n, id, [(invalid ? INVALID_PREFIX : '') + reason], '', json(doc), heldId(n, id)).then(refreshCounts);
        },
        readable(ids) {
          void resolveRecords(ids.map((id) => heldId(n, id)), 'readable');
        },
        refused(doc, error, reason) {
          const id = lane.protocol.idOf(doc);
          // listed under "could not sync" (and not "Synced"), no longer counted as waiting to go up
          if (unsent.get(n)!.delete(id)) pendingChanged();
          void record('refused', n, id, [error], json(doc), reason, refusedId(n, id)).then(refreshCounts);
        },
        confirmed(docs) {
          confirm(lane, docs);
          void resolveRecords(docs.map((d) => refusedId(n, lane.protocol.idOf(d))), 'accepted');
        },
        pulled(documents, bytes) {
          if (!lane.firstSync || !machine.firstSync) return;
          firstDone += documents;
          firstBytes += bytes;
          lane.sinceSafe.documents += documents;
          lane.sinceSafe.bytes += bytes;
          emit({ t: 'firstSync', progress: firstProgress() });
        },
      },
    });
    return lane;
  }
  const firstTotal = () => [...firstTotals.values()].reduce((a, b) => a + b, 0);
  // the answers' JSON is a little larger than the documents CouchDB counts: never more than the total until done
  const firstProgress = () => {
    const totalBytes = [...firstTotalBytes.values()].reduce((a, b) => a + b, 0);
    return { done: Math.min(firstDone, firstTotal()), total: firstTotal(), bytes: totalBytes > 0 ? Math.min(firstBytes, totalBytes) : firstBytes, totalBytes };
  };

  /** A failed write: what the first sync counted since the safe point is pulled again, so it is no longer counted done. */
  function uncountSinceSafe(lane: Lane) {
    const { documents, bytes } = lane.sinceSafe;
    lane.sinceSafe = { documents: 0, bytes: 0 };
    if (documents === 0 && bytes === 0) return;
    firstDone -= documents;
    firstBytes -= bytes;
    if (lane.firstSync && machine.firstSync) emit({ t: 'firstSync', progress: firstProgress() });
  }

  /**
   * A write of the replication into the desk's database failed. RxDB's replication logs it and goes on: a later page
   * that is stored moves its checkpoint past the lost one, and nothing would ever pull that page again. So the
   * failure is shown (not "Synced"), remembered across a restart, and the run's end pulls again from `safeSeq`.
   */
  function storeFailure(lane: Lane, e: unknown) {
    lane.storeFailed = true;
    lane.storeFailing = true;
    uncountSinceSafe(lane);
    void memory.set(memKey(`rewind/${lane.name}`), lane.safeSeq ?? '0');
    const err = e as { name?: unknown; message?: unknown; parameters?: { writeError?: { status?: unknown } } };
    const what = [err.name, err.parameters?.writeError?.status, err.message].filter((x) => x !== undefined && x !== '').map(String).join(' ');
    emit({ t: 'failed', collection: lane.name, direction: 'store', code: 'localWrite', detail: `${lane.name}: ${what}`.slice(0, 300), at: now() });
  }

  function startReplication(lane: Lane) {
    const n = lane.name;
    const rep = replicateRxCollection<any, PullCheckpoint>({
      replicationIdentifier: `sosedi-${config.centre}-${n}@${baseUrl}#${lane.identity}`,
      collection: lane.collection,
      live: true,
      retryTime: retryMs,
      waitForLeadership: true,
      autoStart: !paused,
      pull: {
        batchSize: options.batchSize ?? 1000,
        stream$: lane.stream.asObservable(),
        handler: async (checkpoint, batchSize) => {
          try {
            // after a failed write: from where everything is known to be stored, not from past the lost pages
            const rewind = lane.rewindTo;
            const from = rewind !== null ? { seq: rewind } : checkpoint;
            lane.safeSeq ??= from?.seq ?? '0';
            const result = await lane.protocol.pull(from, batchSize);
            if (rewind !== null && lane.rewindTo === rewind) lane.rewindTo = null;
            lane.lastSeq = result.checkpoint.seq;
            for (const w of lane.pulledWaiters.splice(0)) w();
            rep.retryTime = retryMs;
            ok(lane, 'pull');
            return result;
          } catch (e) {
            rep.retryTime = Math.min(maxRetryMs, (rep.retryTime ?? retryMs) * 2);
            failed(lane, 'pull', e);
            throw e;
          }
        },
      },
      push: {
        // A cap, not a wait: a live edit goes up alone at once. Much waiting (a first push, a long time offline)
        // goes in 500s: two round trips per batch, a fifth of them at 100; CouchDB takes a batch per document.
        batchSize: options.pushBatchSize ?? 500,
        handler: async (rows) => {
          try {
            const conflicted = await lane.protocol.push(rows);
            rep.retryTime = retryMs;
            ok(lane, 'push');
            if (rows.length > 0) ring(n);
            void retryRefused(lane, false);
            return conflicted;
          } catch (e) {
            rep.retryTime = Math.min(maxRetryMs, (rep.retryTime ?? retryMs) * 2);
            failed(lane, 'push', e);
            throw e;
          }
        },
      },
    });
    lane.rep = rep;
    replications[n] = rep;
    for (const w of swapWaiters.splice(0)) w();
    for (const s of lane.subs.splice(0)) s.unsubscribe();
    let wasActive = false;
    lane.subs.push(
      // The replication's own failures: our handlers report theirs (RC_PULL / RC_PUSH with `errors`); anything else is
      // the desk's database refusing a write the replication made — above all a page pulled and not stored.
      rep.error$.subscribe((e) => {
        if (rep !== lane.rep || stopped) return;
        const err = e as { code?: string; parameters?: { errors?: unknown } };
        if ((err.code === 'RC_PULL' || err.code === 'RC_PUSH') && err.parameters?.errors !== undefined) return;
        storeFailure(lane, e);
      }),
      rep.active$.subscribe((active) => {
        emit({ t: 'active', collection: n, active, at: now() });
        // a cycle is a run that ended (active$ starts out false before anything ran: that is no cycle)
        const ended = wasActive && !active;
        wasActive = active;
        if (ended && lane.storeFailed && !paused && !stopped && rep === lane.rep) {
          // not a clean run: pull again from where everything was stored, after a wait (the disk may still be full)
          lane.storeFailed = false;
          lane.rewindTo = lane.safeSeq ?? '0';
          uncountSinceSafe(lane); // pulled after the failure in this run: pulled again too
          const wait = lane.storeRetryMs;
          // each try pulls again all since the safe point (a fresh desk: everything): up to 2 minutes apart
          lane.storeRetryMs = Math.min(Math.max(maxRetryMs, STORE_RETRY_MAX_MS), wait * 2);
          void sleep(wait, closer.signal).then(() => {
            if (!stopped && rep === lane.rep) lane.stream.next('RESYNC');
          });
          return;
        }
        // a run that did not pull again what a failed write lost (a push alone, say) is no clean run either
        if (ended && !lane.failing && !paused && !stopped && rep === lane.rep && lane.rewindTo === null) {
          lane.safeSeq = lane.lastSeq;
          lane.sinceSafe = { documents: 0, bytes: 0 };
          if (lane.storeFailing) {
            // stored again after a failed write: the pages it lost are in, the failure is over
            lane.storeFailing = false;
            lane.storeRetryMs = retryMs;
            void memory.set(memKey(`rewind/${n}`), '');
            emit({ t: 'ok', collection: n, direction: 'store', at: now() });
          }
          emit({ t: 'cycle', collection: n, at: now() });
          firstCycles.add(n);
          // every collection has pulled and pushed once: on a fresh desk, the first sync (the benchmark times it)
          if (firstCycles.size === names.length && !firstSyncMarked) {
            firstSyncMarked = true;
            mark('sosedi:first-sync-done');
          }
          if (lane.firstSync) {
            lane.firstSync = false;
            // the totals stay until every collection is done: the bar never jumps back
            if (Object.values(lanes).every((l) => !l.firstSync)) {
              firstTotals.clear();
              firstTotalBytes.clear();
              emit({ t: 'firstSync', progress: null });
            }
          }
          void verifyUnsent(lane).catch(() => undefined);
        }
      }),
    );
  }

  /**
   * Reads (or writes, when missing) the server database's identity; resets the lane when it changed.
   * One check per lane at a time (the clock, the live loop and a recovery may all ask): a second caller waits
   * for the running check instead of starting a second reset beside it.
   */
  const checking = new Map<string, Promise<void>>();
  function checkIdentity(lane: Lane): Promise<void> {
    const running = checking.get(lane.name);
    if (running) return running;
    const p = checkIdentityNow(lane).finally(() => checking.delete(lane.name));
    checking.set(lane.name, p);
    return p;
  }
  async function checkIdentityNow(lane: Lane): Promise<void> {
    if (stopped) return;
    let doc = await lane.couch.getLocal(IDENTITY_DOC);
    if (!doc || typeof doc.identity !== 'string') {
      // server:setup writes it; a database made by hand gets one from the first desk that looks. CouchDB writes a
      // `_local` document without a revision check, so two desks may both write: both read again after a moment
      // and take whichever stayed.
      await lane.couch.putLocal({ _id: `_local/${IDENTITY_DOC}`, identity: randomId(), createdBy: author.desk });
      await sleep(1000, closer.signal);
      doc = await lane.couch.getLocal(IDENTITY_DOC);
      if (!doc) return;
    }
    let identity = String(doc?.identity ?? '');
    if (lane.identity === identity && lane.lastSeq !== null) {
      // the same database, restored from a file-level copy: its sequence went back behind what this desk read
      const info = await lane.couch.info();
      if (seqNumber(info.updateSeq) < seqNumber(lane.lastSeq)) {
        identity = randomId();
        await lane.couch.putLocal({ ...doc!, identity });
      }
    }
    if (identity && identity !== lane.identity) await resetLane(lane, identity);
  }

  async function resetLane(lane: Lane, identity: string) {
    if (stopped) return;
    const remembered = lane.identity ?? (await memory.get(memKey(`identity/${lane.name}`)));
    const changed = remembered !== null && remembered !== identity;
    const old = lane.rep;
    lane.identity = identity;
    lane.lastSeq = null;
    // the new replication pulls everything from the start: no rewind, the safe point is its own
    lane.rewindTo = null;
    lane.safeSeq = null;
    lane.sinceSafe = { documents: 0, bytes: 0 };
    lane.storeFailed = false;
    await memory.set(memKey(`rewind/${lane.name}`), '');
    await memory.set(memKey(`identity/${lane.name}`), identity);
    if (old) await old.remove().catch(() => old.cancel());
    if (stopped) return;
    if (changed) emit({ t: 'reset', collections: [lane.name], at: now() });
    startReplication(lane);
    void retryRefused(lane, true);
  }

  /** The live loop of one lane: waits for changes after what the pull read, then asks the replication to pull. */
  async function liveLoop(lane: Lane) {
    let backoff = retryMs;
    while (!stopped) {
      if (paused || lane.lastSeq === null || !lane.rep) {
        await sleep(200, closer.signal);
        continue;
      }
      const since = lane.lastSeq;
      try {
        const r = await lane.couch.waitForChanges(since, 25000, closer.signal);
        if (stopped) return;
        backoff = retryMs;
        ok(lane, 'pull');
        if (seqNumber(r.lastSeq) < seqNumber(since)) await checkIdentity(lane);
        if (r.changed && lane.lastSeq === since) {
          lane.stream.next('RESYNC');
          // wait until the pull has read past `since` (bounded: a RESYNC queued behind a push still comes)
          await new Promise<void>((resolve) => {
            const t = setTimeout(resolve, 5000);
            lane.pulledWaiters.push(() => {
              clearTimeout(t);
              resolve();
            });
          });
        }
      } catch (e) {
        if (stopped || e instanceof SyncClosedError) return;
        failed(lane, 'pull', e);
        await sleep(backoff, closer.signal);
        backoff = Math.min(maxRetryMs, backoff * 2);
        if (e instanceof CouchError && e.code === 'dbMissing') continue;
        await checkIdentity(lane).then(
          () => ok(lane, 'pull'),
          () => undefined,
        );
      }
    }
  }

  /** Documents the server refused are sent again when their collection pushes (at most every 10 s) and at start. */
  async function retryRefused(lane: Lane, force: boolean) {
    if (!conflicts || stopped || (!force && Date.now() - lane.lastRefusedRetry < 10000)) return;
    lane.lastRefusedRetry = Date.now();
    const open = await conflicts.find({ selector: { kind: 'refused', status: 'open', docCollection: lane.name } }).exec();
    if (open.length === 0) return;
    const local = await lane.collection.storageInstance.findDocumentsById(open.map((c) => c.docId), true);
    const docs = local.map((d: Doc) => {
      const out: Doc = {};
      for (const [k, v] of Object.entries(d)) if (k !== '_meta' && k !== '_rev' && k !== '_attachments') out[k] = v;
      return out;
    });
    await lane.protocol.resend(docs).catch(() => undefined);
  }

  /** Held documents are fetched again at start: this (maybe newer) app version may read them now. */
  async function recheckHeld(lane: Lane) {
    if (!conflicts) return;
    const open = await conflicts.find({ selector: { kind: 'newer-version', status: 'open', docCollection: lane.name } }).exec();
    if (open.length === 0) return;
    const states = await lane.couch.states(open.map((c) => c.docId));
    const readable: Doc[] = [];
    for (const [, s] of states) {
      const doc = !s.deleted && s.doc ? lane.protocol.readable(s.doc) : null;
      if (doc) readable.push(doc);
    }
    if (readable.length === 0) return;
    await lane.collection.bulkUpsert(readable.map(({ _deleted, ...d }) => (void _deleted, d)));
    await resolveRecords(readable.map((d) => heldId(lane.name, lane.protocol.idOf(d))), 'readable');
  }

  // ---- the bell ----
  // Its own transport: one long-poll of its own, never waiting in the collections' turns.
  const bellTransport = createCouchTransport({
    baseUrl,
    authorization: basicAuth(config.user, config.password),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    maxLongPolls: 1,
    ...(options.maxPollMs ? { maxPollMs: options.maxPollMs } : {}),
  });
  const bell = bellTransport.db(bellDbName(config.centre));
  const bellId = `desk-${(await memory.get(memKey('bell-id'))) ?? randomId()}`;
  await memory.set(memKey('bell-id'), bellId.slice('desk-'.length));
  let bellRev: string | undefined;
  /** No bell on this server (not set up, or not for this account): try again after this time. */
  let bellOffUntil = 0;
  const bellOff = () => Date.now() < bellOffUntil;
  const toRing = new Set<string>();
  let ringing = false;
  function offWhenMissing(e: unknown) {
    if (e instanceof CouchError && (e.code === 'dbMissing' || e.code === 'forbidden' || e.code === 'unauthorized' || e.code === 'lockedOut')) bellOffUntil = Date.now() + identityCheckMs;
  }
  /** After a push: tell the other desks which collections changed (one write, whatever happens to it). */
  function ring(collection: string) {
    if (bellOff() || stopped) return;
    toRing.add(collection);
    if (ringing) return;
    ringing = true;
    void (async () => {
      try {
        while (toRing.size > 0 && !stopped && !bellOff()) {
          const collections = [...toRing].sort();
          toRing.clear();
          const doc = { _id: bellId, collections, at: Date.now() };
          let [r] = await bell.bulkDocs([{ ...doc, ...(bellRev ? { _rev: bellRev } : {}) }]);
          if (r && !r.ok && r.error === 'conflict') {
            bellRev = (await bell.states([bellId])).get(bellId)?.rev;
            [r] = await bell.bulkDocs([{ ...doc, ...(bellRev ? { _rev: bellRev } : {}) }]);
          }
          if (r?.ok && r.rev) bellRev = r.rev;
        }
      } catch (e) {
        // the bell only hurries things up: the collections' own long-polls bring the change anyway
        offWhenMissing(e);
      } finally {
        ringing = false;
      }
    })();
  }
  /** One long-poll on the bell: another desk rang → pull the collections it named now. */
  async function bellLoop() {
    let since: string | null = null;
    let backoff = retryMs;
    while (!stopped) {
      if (paused || bellOff()) {
        await sleep(500, closer.signal);
        continue;
      }
      try {
        // from now on: what was written before, each collection's own pull reads
        since ??= (await bell.info(closer.signal)).updateSeq;
        const r = await bell.waitForChanges(since, 25000, closer.signal);
        if (stopped) return;
        if (seqNumber(r.lastSeq) < seqNumber(since)) {
          since = null; // the bell database was made again
          continue;
        }
        if (!r.changed) {
          since = r.lastSeq;
          continue;
        }
        const page = await bell.changes(since, 100, closer.signal);
        const wanted = new Set<string>();
        for (const row of page.results) {
          if (row.id === bellId) continue;
          const cols = (row.doc as { collections?: unknown } | null | undefined)?.collections;
          if (Array.isArray(cols)) for (const c of cols) if (typeof c === 'string') wanted.add(c);
        }
        for (const c of wanted) {
          const lane = lanes[c];
          if (lane?.rep && lane.lastSeq !== null && !paused) lane.stream.next('RESYNC');
        }
        since = page.lastSeq;
        backoff = retryMs;
      } catch (e) {
        if (stopped || e instanceof SyncClosedError) return;
        offWhenMissing(e);
        since = null;
        await sleep(backoff, closer.signal);
        backoff = Math.min(maxRetryMs, backoff * 2);
      }
    }
  }

  // ---- start ----
  for (const n of names) lanes[n] = makeLane(n);

  // First sync: how many documents the server holds for collections this desk has none of.
  await Promise.all(
    names.map(async (n) => {
      try {
        if ((await lanes[n]!.collection.count().exec()) > 0) return;
        const info = await lanes[n]!.couch.info();
        const count = Math.max(0, info.docCount - 1); // the validation design document is counted by the server, never pulled
        if (count > 0) {
          firstTotals.set(n, count);
          firstTotalBytes.set(n, info.bytes);
          lanes[n]!.firstSync = true;
        }
      } catch {
        // offline at start: no bar until the server answers
      }
    }),
  );
  if (firstTotal() > 0) emit({ t: 'firstSync', progress: { ...firstProgress(), done: 0, bytes: 0 } });

  async function attach(lane: Lane) {
    let backoff = retryMs;
    while (!stopped && lane.identity === null) {
      try {
        await checkIdentity(lane);
        ok(lane, 'pull');
      } catch (e) {
        failed(lane, 'pull', e);
        await sleep(backoff, closer.signal);
        backoff = Math.min(maxRetryMs, backoff * 2);
      }
    }
    if (stopped) return;
    void recheckHeld(lane).catch(() => undefined);
    void liveLoop(lane);
  }
  // A lane replicates once it knows which server database it talks to; identities remembered from the last run
  // let it start at once (offline too: local writes are counted as pending either way).
  for (const n of names) {
    const lane = lanes[n]!;
    const remembered = await memory.get(memKey(`identity/${n}`));
    // a failed write in an earlier run, not pulled again yet: from where everything was stored
    const rewind = await memory.get(memKey(`rewind/${n}`));
    if (rewind) {
      lane.rewindTo = rewind;
      lane.storeFailing = true;
    }
    if (remembered) {
      lane.identity = remembered;
      startReplication(lane);
      void (async () => {
        try {
          await checkIdentity(lane);
        } catch (e) {
          failed(lane, 'pull', e);
        }
        if (!stopped) void liveLoop(lane);
      })();
    } else void attach(lane);
  }
  void refreshCounts();
  void bellLoop();
  // A long-poll on a database that was deleted and made again may just wait (pouchdb-server) or start over
  // (CouchDB): the identity is checked on a clock too, not only when an answer looks wrong.
  const identityTimer = setInterval(() => {
    if (paused || stopped) return;
    for (const lane of Object.values(lanes)) if (lane.identity !== null) void checkIdentity(lane).catch(() => undefined);
  }, identityCheckMs);

  async function pause() {
    paused = true;
    emit({ t: 'paused', paused: true });
    await Promise.all(Object.values(lanes).map((l) => l.rep?.pause()));
  }
  async function resume() {
    paused = false;
    emit({ t: 'paused', paused: false });
    await Promise.all(Object.values(lanes).map((l) => l.rep?.start()));
  }

  const connectivity = options.connectivity ?? windowConnectivity();
  if (connectivity) {
    const apply = (online: boolean) => {
      emit({ t: 'offline', offline: !online });
      for (const l of Object.values(lanes)) {
        if (online) void l.rep?.start();
        else void l.rep?.pause();
      }
    };
    subs.push({ unsubscribe: connectivity.subscribe(apply) } as Subscription);
    if (!connectivity.isOnline()) apply(false);
  }

  async function awaitInSync(timeoutMs = 60000) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('sync did not settle in time')), timeoutMs);
    });
    try {
      await Promise.race([
        (async () => {
          for (;;) {
            while (!stopped && Object.values(lanes).some((l) => !l.rep)) await sleep(50);
            const reps = Object.values(lanes).map((l) => l.rep!);
            // a lane that starts over (restored database) replaces its replication: wait for the new one then
            const swapped = new Promise<'swapped'>((resolve) => swapWaiters.push(() => resolve('swapped')));
            const outcome = await Promise.race([Promise.all(reps.map((r) => r.awaitInSync())), swapped]);
            if (outcome !== 'swapped' && Object.values(lanes).every((l, i) => l.rep === reps[i])) return;
          }
        })(),
        timeout,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  async function checkServer(): Promise<CheckServerReport> {
    const report: CheckServerReport = { checked: 0, missing: 0, older: 0, resent: 0 };
    for (const lane of Object.values(lanes)) {
      await checkIdentity(lane);
      const docs = ((await lane.collection.find().exec()) as { toJSON(withMeta?: boolean): Doc }[]).map((d) => d.toJSON(false));
      for (let i = 0; i < docs.length; i += 500) {
        const chunk = docs.slice(i, i + 500);
        const states = await lane.couch.states(chunk.map((d) => lane.protocol.idOf(d)));
        const send: Doc[] = [];
        for (const d of chunk) {
          report.checked++;
          const s = states.get(lane.protocol.idOf(d));
          if (!s) {
            report.missing++;
            send.push(d);
          } else if (!s.deleted && s.doc && String(s.doc.updatedAt ?? '') < String(d.updatedAt ?? '')) {
            report.older++;
            send.push(d);
          }
        }
        const sent = await lane.protocol.resend(send);
        report.resent += sent.length;
      }
      lane.rep?.reSync();
    }
    return report;
  }

  async function stop() {
    if (stopped) return;
    stopped = true;
    clearInterval(identityTimer);
    closer.abort();
    if (saveTimer) clearTimeout(saveTimer);
    await saveUnsent().catch(() => undefined);
    attachConflictSink(db.name, null);
    for (const s of subs) s.unsubscribe();
    transport.close();
    bellTransport.close();
    await Promise.all(
      Object.values(lanes).map(async (l) => {
        for (const s of l.subs) s.unsubscribe();
        await l.rep?.cancel();
      }),
    );
    emit({ t: 'stopped' });
  }

  return {
    status$,
    replications,
    transport,
    pause,
    resume,
    awaitInSync,
    checkServer,
    dismissNotice: () => emit({ t: 'dismissNotice' }),
    stop,
  };
}
