/**
 * Test harness: a real pouchdb-server on a free loopback port (its own temp folder), provisioned like a centre
 * by scripts/lib/provision.ts, and desks = RxDB databases (memory storage) syncing to it through shared/sync.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { startPouchServer, type PouchServer } from '../../scripts/lib/pouchdb-server';
import { provisionCentre } from '../../scripts/lib/provision';
import { createDatabase, COLLECTION_NAMES, type CollectionName, type DeskDatabase } from '../../shared/db';
import { stableStringify, startSync, syncConflictHandlers, type StartSyncOptions, type SyncConfig, type SyncEngine } from '../../shared/sync';

export interface TestServer extends PouchServer {
  dir: string;
  close(): Promise<void>;
}

export async function startTestServer(opts: { inMemory?: boolean } = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'sosedi-couch-'));
  const server = await startPouchServer({ dir, inMemory: opts.inMemory ?? true, verbose: process.env.SOSEDI_COUCH_LOG === '1' });
  return {
    ...server,
    dir,
    async close() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
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
): Promise<Desk> {
  const dbName = `desk-${name}-${Math.random().toString(36).slice(2, 8)}`;
  const db = await createDatabase({
    name: dbName,
    storage: getRxStorageMemory(),
    multiInstance: false,
    collections,
    conflictHandlers: syncConflictHandlers(dbName, collections),
  });
  const author = { desk: name, volunteer: `volunteer ${name}` };
  const desk: Desk = {
    name,
    db,
    sync: null,
    author,
    async connect(extra = {}) {
      if (desk.sync) return desk.sync;
      desk.sync = await startSync({ db, config, author, retryMs: 200, maxRetryMs: 2000, sliceMs: 1000, maxPollMs: 3000, ...base, ...extra });
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
