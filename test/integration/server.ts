/**
 * Test harness: a real pouchdb-server on a free loopback port (its own temp folder), provisioned like a centre
 * by scripts/lib/provision.ts, and desks = RxDB databases (memory storage) syncing to it through shared/sync.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getChangedDocumentsSince, type RxStorage } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { startPouchServer, type PouchServer } from '../../scripts/lib/pouchdb-server';
import { couchDbUnavailable, startCouchServer } from '../../scripts/lib/couchdb-server';
import { provisionCentre } from '../../scripts/lib/provision';
import { createDatabase, COLLECTION_NAMES, type CollectionName, type DeskDatabase } from '../../shared/db';
import { content, stableStringify, startSync, syncConflictHandlers, type StartSyncOptions, type SyncConfig, type SyncEngine } from '../../shared/sync';

export interface TestServer extends PouchServer {
  kind: 'pouchdb' | 'couchdb';
  /** False for a CouchDB given by COUCHDB_URL (a test that restarts the server skips with a printed reason). */
  canRestart: boolean;
  close(): Promise<void>;
}

/** Which server this run tests against: `SOSEDI_SERVER=couchdb` (real Apache CouchDB 3) or pouchdb-server. */
export const SERVER_KIND: 'pouchdb' | 'couchdb' = process.env.SOSEDI_SERVER === 'couchdb' ? 'couchdb' : 'pouchdb';

export async function startTestServer(opts: { inMemory?: boolean } = {}): Promise<TestServer> {
  if (SERVER_KIND === 'couchdb') {
    const why = couchDbUnavailable();
    if (why) throw new Error(`SOSEDI_SERVER=couchdb but ${why}`);
    return startCouchServer();
  }
  const dir = mkdtempSync(join(tmpdir(), 'sosedi-couch-'));
  const server = await startPouchServer({ dir, inMemory: opts.inMemory ?? true, verbose: process.env.SOSEDI_COUCH_LOG === '1' });
  return {
    ...server,
    kind: 'pouchdb',
    canRestart: true,
    async close() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Admin request headers for the test server. */
export function adminHeaders(server: TestServer): Record<string, string> {
  return { Authorization: 'Basic ' + Buffer.from(`${server.admin.user}:${server.admin.password}`).toString('base64'), 'content-type': 'application/json' };
}

let centreCounter = 0;
/** A freshly provisioned centre (databases, validate_doc_update, desk user) on the server. */
export async function provisionTestCentre(server: PouchServer, collections: readonly string[] = COLLECTION_NAMES): Promise<SyncConfig> {
  const centre = `c${process.pid}-${++centreCounter}-${Math.random().toString(36).slice(2, 6)}`;
  const config: SyncConfig = { url: server.url, centre, user: `desk-${centre}`, password: 'pw-' + centre };
  await provisionCentre({ url: server.adminUrl, centre, deskUser: config.user, deskPassword: config.password, collections });
  return config;
}

export interface Desk {
  name: string;
  config: SyncConfig;
  db: DeskDatabase;
  sync: SyncEngine | null;
  author: { desk: string; volunteer: string };
  connect(extra?: Partial<StartSyncOptions>): Promise<SyncEngine>;
  disconnect(): Promise<void>;
  close(): Promise<void>;
}

/**
 * RxDB's free edition allows 13 open collections per process: two desks of 5 (or three of 3) fit; the sync
 * engine is the same generic code whatever the collections (the browser e2e runs all of them on two pages).
 */
export const TEST_COLLECTIONS: CollectionName[] = ['rooms', 'people', 'bookings', 'visits', 'conflicts'];

export async function createDesk(
  name: string,
  config: SyncConfig,
  base: Partial<StartSyncOptions> = {},
  collections: readonly CollectionName[] = TEST_COLLECTIONS,
  storage: RxStorage<any, any> = getRxStorageMemory(),
): Promise<Desk> {
  const dbName = `desk-${name}-${Math.random().toString(36).slice(2, 8)}`;
  const db = await createDatabase({
    name: dbName,
    storage,
    multiInstance: false,
    collections,
    conflictHandlers: syncConflictHandlers(dbName, collections),
  });
  const author = { desk: name, volunteer: `volunteer ${name}` };
  // what the engine remembers between runs (localStorage in the app): kept across disconnect/connect
  const remembered = new Map<string, string>();
  const memory = { get: (k: string) => remembered.get(k) ?? null, set: (k: string, v: string) => void remembered.set(k, v) };
  const desk: Desk = {
    name,
    config,
    db,
    sync: null,
    author,
    async connect(extra = {}) {
      if (desk.sync) return desk.sync;
      desk.sync = await startSync({ db, config, author, memory, retryMs: 200, maxRetryMs: 2000, sliceMs: 1000, maxPollMs: 3000, identityCheckMs: 2000, ...base, ...extra });
      return desk.sync;
    },
    async disconnect() {
      await desk.sync?.stop();
      desk.sync = null;
    },
    async close() {
      await desk.disconnect();
      await db.close();
    },
  };
  return desk;
}

/** True when both desks hold exactly the same documents (key order ignored). */
export async function sameData(a: DeskDatabase, b: DeskDatabase): Promise<boolean> {
  return stableStringify(await snapshot(a)) === stableStringify(await snapshot(b));
}

/** Polls until `check` is true (bounded). */
export async function eventually(check: () => Promise<boolean> | boolean, timeoutMs = 30000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Every document of every collection, without local metadata, sorted: what two converged desks share. */
export async function snapshot(db: DeskDatabase, collections: readonly string[] = Object.keys(db.collections)): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const c of collections) {
    const docs = await (db.collections as Record<string, any>)[c].find().exec();
    out[c] = docs
      .map((d: any) => {
        const j = d.toJSON();
        delete j._meta;
        delete j._rev;
        delete j._attachments;
        return j;
      })
      .sort((a: any, b: any) => (a.id < b.id ? -1 : 1));
  }
  return out;
}

/**
 * What is really unsent: local documents (deletions included) whose content or deletion the server does not have,
 * compared document by document with the server. The desk's pending count must equal it once sync is idle.
 */
export async function reallyUnsent(desk: Desk, _engine?: SyncEngine): Promise<number> {
  void _engine;
  const auth = { Authorization: 'Basic ' + Buffer.from(`${desk.config.user}:${desk.config.password}`).toString('base64'), 'content-type': 'application/json' };
  let count = 0;
  for (const [name, collection] of Object.entries(desk.db.collections as Record<string, any>)) {
    const page = await getChangedDocumentsSince(collection.storageInstance, 100000);
    const docs = page.documents as Record<string, any>[];
    if (docs.length === 0) continue;
    const r = await fetch(`${desk.config.url}sosedi-${desk.config.centre}-${name}/_all_docs?include_docs=true`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ keys: docs.map((d) => d.id) }),
    });
    const rows = ((await r.json()) as { rows: { key: string; error?: string; value?: { deleted?: boolean }; doc?: Record<string, unknown> | null }[] }).rows;
    const byId = new Map(rows.map((row) => [row.key, row]));
    for (const d of docs) {
      const row = byId.get(d.id);
      const serverDeleted = row?.value?.deleted === true;
      if (!row || row.error) {
        if (!d._deleted) count++;
        continue;
      }
      if (d._deleted || serverDeleted) {
        if (Boolean(d._deleted) !== serverDeleted) count++;
        continue;
      }
      const { _id, ...rest } = row.doc as Record<string, unknown>;
      if (stableStringify(content({ ...rest, id: _id, _deleted: false } as never)) !== stableStringify(content(d as never))) count++;
    }
  }
  return count;
}

/**
 * A test file's server and desks: starts the server before its tests, closes the desks after each and the server
 * after all. `server()` is the running server; `desk()` opens a desk that is closed after the test.
 */
export function useServerAndDesks(): { server: () => TestServer; desk: (name: string, config: SyncConfig) => Promise<Desk> } {
  let server: TestServer | undefined;
  const open: Desk[] = [];
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  afterEach(async () => {
    for (const d of open.splice(0)) await d.close();
  });
  return {
    server: () => server!,
    async desk(name, config) {
      const d = await createDesk(name, config);
      open.push(d);
      return d;
    },
  };
}
