/**
 * first_sync_ratio: a fresh desk's full pull from a loopback Apache CouchDB 3 (`../shared/couchdb` or COUCHDB_URL;
 * pouchdb-server where there is none, the note says which) ÷ PouchDB's own replicator pulling the same databases into
 * IndexedDB in the same browser, same run. first_sync_vs_floor: the desk's pull ÷ the floor — every document of the
 * centre fetched with `_all_docs?include_docs=true` (pages of FLOOR_PAGE, the next page requested while the last is
 * stored, every database at once) and put raw into IndexedDB (a store per database, one transaction per page), in a
 * fresh context of the same browser. Order desk / PouchDB / floor rotates between runs.
 *
 * Setup (not timed): the server on a free 127.0.0.1 port, the centre provisioned by the project's
 * own code (a database per synced collection, _security, desk user, validate_doc_update), every database seeded
 * through `_bulk_docs` as the desk user with the documents in the form a desk's push leaves them (RxDB's CouchDB
 * replication: the primary key as `_id`, the fields, `_deleted: false`; no `_meta`, `_rev`, `_attachments`).
 *
 * Desk (timed): a new browser context (fresh IndexedDB) opens the production web build with the sync account
 * stored where Settings → Sync saves it (localStorage, password in the browser secrets), so sync starts at launch;
 * the time is between the engine's User Timing marks `sosedi:sync-start` and `sosedi:first-sync-done` (every
 * collection's initial replication over). Then the documents stored per collection are counted in IndexedDB.
 *
 * Baseline (timed): a bench-only page (pouchdb-browser bundled by esbuild into a temp folder, never part of the
 * app) in a new context of the same browser: `PouchDB.replicate` (one-shot, PouchDB's defaults) of every database
 * at once into fresh IndexedDB databases, from the first `new PouchDB` to the last replication's completion.
 * Both sides go through the browser's 6 connections per host. Order alternates between runs.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
// @ts-expect-error serve-handler ships no types (scripts/serve-web.mjs uses it too)
import handler from 'serve-handler';
import type { PouchServer } from '../../scripts/lib/pouchdb-server';
import { provisionCentre } from '../../scripts/lib/provision';
import { COLLECTION_NAMES } from '../../shared/db/types';
import { dbName, type SyncConfig } from '../../shared/sync/config';
import { DATASET_ORDER, type Dataset } from '../../shared/fixtures/generate';
import { chromium, type BrowserContext } from 'playwright-core';
import { BENCH_CHROMIUM, BENCH_CONTEXT, newContext, withNameShim, type BenchContext } from './metrics';
import { startBenchServer } from './server';
import { startCpuProfile } from './cpuProfile';
import { label } from './labels';
import { summary, type MetricResult } from './stats';

const DESK_PROFILE = 'benchsync';
const SEED_CHUNK = 2000;
/** Documents per `_all_docs` page of the floor. */
const FLOOR_PAGE = 5000;

/** Every synced collection with the documents the dataset holds for it (none for the others, e.g. conflicts). */
function expectedCounts(ds: Dataset): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of COLLECTION_NAMES) out[c] = (DATASET_ORDER as readonly string[]).includes(c) ? ds[c as keyof Dataset].length : 0;
  return out;
}

/** A document as RxDB's CouchDB push leaves it on the server: primary key → `_id`, `_deleted`, no local metadata. */
export function serverDoc(doc: Record<string, unknown>): Record<string, unknown> {
  const { id, _meta, _rev, _attachments, ...fields } = doc;
  void _meta;
  void _rev;
  void _attachments;
  return { _id: id, ...fields, _deleted: false };
}

/**
 * POST on a connection of its own (no keep-alive): Node's fetch may reuse a pooled socket the server has just
 * closed for idleness ("other side closed"), and a _bulk_docs is not safe to send twice.
 */
function postJson(url: string, auth: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const data = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent: false, timeout: 120_000, headers: { 'content-type': 'application/json', 'content-length': data.length, authorization: auth } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        try {
          resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        } catch (e) {
          reject(e);
        }
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url}`)));
    req.on('error', reject);
    req.end(data);
  });
}

/** Every collection seeded at once (two `_bulk_docs` on the wire per collection at most). */
export async function seed(server: PouchServer, config: SyncConfig, ds: Dataset): Promise<number> {
  const auth = 'Basic ' + Buffer.from(`${config.user}:${config.password}`).toString('base64');
  let n = 0;
  await Promise.all(
    DATASET_ORDER.map(async (c) => {
      const list = ds[c] as unknown as Record<string, unknown>[];
      for (let i = 0; i < list.length; i += SEED_CHUNK) {
        const r = await postJson(`${server.url}${dbName(config.centre, c)}/_bulk_docs`, auth, { docs: list.slice(i, i + SEED_CHUNK).map(serverDoc) });
        const rows = r.json as { id?: string; error?: string; reason?: string }[];
        if (r.status >= 300 || !Array.isArray(rows)) throw new Error(`seeding ${c}: HTTP ${r.status}`);
        const bad = rows.find((x) => x.error);
        if (bad) throw new Error(`seeding ${c}/${bad.id}: ${bad.error} ${bad.reason ?? ''}`);
        n += rows.length;
      }
    }),
  );
  return n;
}

/**
 * Runs in the page: the floor of a first sync. Every database at once, `_all_docs?include_docs=true` a page at a
 * time (the next page asked for as soon as the last id is known), each page put raw into IndexedDB in one
 * transaction (design documents left out); from the first request to the last commit.
 */
async function floorPull(a: { url: string; dbs: string[]; auth: string; pageSize: number }): Promise<{ ms: number; docs: Record<string, number>; chars: number }> {
  type Page = { rows: { id: string; doc?: Record<string, unknown> }[] };
  const t0 = performance.now();
  const name = `bench-floor-${Date.now()}`;
  const idb = await new Promise<IDBDatabase>((res, rej) => {
    const r = indexedDB.open(name, 1);
    r.onupgradeneeded = () => a.dbs.forEach((d) => r.result.createObjectStore(d));
    r.onsuccess = () => res(r.result);
    r.onerror = () => rej(r.error);
  });
  let chars = 0;
  const get = async (db: string, after?: string): Promise<Page> => {
    const q = new URLSearchParams({ include_docs: 'true', limit: String(a.pageSize) });
    if (after !== undefined) {
      q.set('startkey', JSON.stringify(after));
      q.set('skip', '1');
    }
    const r = await fetch(`${a.url}${db}/_all_docs?${q}`, { headers: { Authorization: a.auth } });
    if (!r.ok) throw new Error(`${db}: HTTP ${r.status}`);
    const text = await r.text();
    chars += text.length;
    return JSON.parse(text) as Page;
  };
  const put = (db: string, rows: Page['rows']) =>
    new Promise<number>((res, rej) => {
      const tx = idb.transaction(db, 'readwrite');
      const st = tx.objectStore(db);
      let n = 0;
      for (const row of rows) {
        if (!row.doc || row.id.startsWith('_design/')) continue;
        st.put(row.doc, row.id);
        n++;
      }
      tx.oncomplete = () => res(n);
      tx.onerror = () => rej(tx.error);
    });
  const docs: Record<string, number> = {};
  await Promise.all(
    a.dbs.map(async (db) => {
      let n = 0;
      let writing: Promise<number> = Promise.resolve(0);
      let page = await get(db);
      for (;;) {
        const rows = page.rows;
        const next = rows.length === a.pageSize ? get(db, rows[rows.length - 1]!.id) : undefined;
        n += await writing;
        writing = put(db, rows);
        if (!next) break;
        page = await next;
      }
      docs[db] = n + (await writing);
    }),
  );
  const ms = performance.now() - t0;
  idb.close();
  indexedDB.deleteDatabase(name);
  return { ms, docs, chars };
}

/** The bench-only baseline page: pouchdb-browser and a function on window that pulls every database. */
const BASELINE_ENTRY = `
import PouchDB from 'pouchdb-browser';
window.benchPouchPull = async (a) => { try { return await pull(a); } catch (e) { throw new Error(String(e && e.stack)); } };
const pull = async ({ url, dbs, user, password, prefix }) => {
  const t0 = performance.now();
  const counts = await Promise.all(dbs.map(async (name) => {
    const remote = new PouchDB(url + name, { auth: { username: user, password }, skip_setup: true });
    const local = new PouchDB(prefix + name);
    await local.replicate.from(remote);
    return local;
  }));
  const ms = performance.now() - t0;
  const docs = {};
  for (let i = 0; i < dbs.length; i++) {
    const all = (await counts[i].info()).doc_count;
    const design = (await counts[i].allDocs({ startkey: '_design/', endkey: '_design0' })).rows.length;
    docs[dbs[i]] = all - design;
    await counts[i].destroy();
  }
  return { ms, docs };
};
`;

/** Node's EventEmitter, as much of it as PouchDB uses (listeners in order, once, 'error' throws unheard). */
const EVENTS_SHIM = `
function EventEmitter() { this._events = Object.create(null); }
const P = EventEmitter.prototype;
// like Node, listeners are created lazily: PouchDB builds some emitters without calling the constructor
const ev = (self) => (self._events ??= Object.create(null));
P.setMaxListeners = function () { return this; };
P.on = P.addListener = function (t, fn) { (ev(this)[t] ??= []).push(fn); return this; };
P.prependListener = function (t, fn) { (ev(this)[t] ??= []).unshift(fn); return this; };
P.once = function (t, fn) { const self = this; function w(...a) { self.removeListener(t, w); return fn.apply(self, a); } w.listener = fn; return this.on(t, w); };
P.off = P.removeListener = function (t, fn) {
  const l = ev(this)[t]; if (!l) return this;
  const i = l.findIndex((x) => x === fn || x.listener === fn);
  if (i >= 0) { const rest = l.slice(0, i).concat(l.slice(i + 1)); if (rest.length) this._events[t] = rest; else delete this._events[t]; }
  return this;
};
P.removeAllListeners = function (t) { if (t === undefined) this._events = Object.create(null); else delete ev(this)[t]; return this; };
P.emit = function (t, ...a) {
  const l = ev(this)[t];
  if (!l) { if (t === 'error') throw a[0] instanceof Error ? a[0] : new Error(String(a[0])); return false; }
  for (const f of l.slice()) f.apply(this, a);
  return true;
};
P.listeners = function (t) { return (ev(this)[t] || []).map((f) => f.listener || f); };
P.listenerCount = function (t) { return (ev(this)[t] || []).length; };
EventEmitter.listenerCount = (e, t) => e.listenerCount(t);
EventEmitter.EventEmitter = EventEmitter;
export default EventEmitter;
`;

async function baselinePage(): Promise<{ dir: string; server: http.Server; url: string }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sosedi-bench-pouch-'));
  await build({
    stdin: { contents: BASELINE_ENTRY, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    outfile: path.join(dir, 'pouch.js'),
    define: { global: 'window' },
    logLevel: 'warning',
    // pouchdb-browser imports Node's 'events' and leaves it to the bundler (no polyfill installed): a small one
    plugins: [
      {
        name: 'events',
        setup(b) {
          b.onResolve({ filter: /^events$/ }, () => ({ path: 'events', namespace: 'bench-events' }));
          b.onLoad({ filter: /.*/, namespace: 'bench-events' }, () => ({ contents: EVENTS_SHIM, loader: 'js' }));
        },
      },
    ],
  });
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>PouchDB baseline</title><script src="pouch.js"></script>');
  const server = http.createServer((req, res) => handler(req, res, { public: dir, directoryListing: false }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { dir, server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

/** Runs in the page: documents stored per collection in the app's Dexie databases of the profile. */
export async function deskCounts(args: { profile: string; collections: string[] }): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const infos = await indexedDB.databases();
  for (const c of args.collections) {
    const info = infos.find((d) => d.name?.startsWith(`rxdb-dexie-sosedi-${args.profile}--`) && d.name.endsWith(`--${c}`));
    if (!info?.name) {
      out[c] = 0;
      continue;
    }
    out[c] = await new Promise<number>((resolve, reject) => {
      const r = indexedDB.open(info.name!);
      r.onerror = () => reject(r.error);
      r.onsuccess = () => {
        const db = r.result;
        const q = db.transaction('docs').objectStore('docs').count();
        q.onsuccess = () => {
          db.close();
          resolve(q.result);
        };
        q.onerror = () => reject(q.error);
      };
    });
  }
  return out;
}

function checkCounts(who: string, got: Record<string, number>, want: Record<string, number>): void {
  const wrong = Object.keys(want).filter((c) => got[c] !== want[c]);
  if (wrong.length) throw new Error(`${who} pulled ${wrong.map((c) => `${c} ${got[c]}/${want[c]}`).join(', ')}`);
}

/** The sync account where Settings → Sync keeps it (localStorage, the password in the browser secrets), so sync starts at launch. */
export async function storeSyncAccount(context: BrowserContext, profile: string, config: SyncConfig): Promise<void> {
  await context.addInitScript(
    ({ profile, account, password, tuning }) => {
      localStorage.setItem(`sosedi.sync.${profile}`, JSON.stringify(account));
      localStorage.setItem(`sosedi.secret.sync.password.${profile}`, password);
      // BENCH_SYNC_TUNING='{"batchSize":5000}': the engine's knobs a site can set (renderer/features/sync/syncStore.ts), for A/Bs
      if (tuning) localStorage.setItem('sosedi.sync.tuning', tuning);
    },
    { profile, account: { url: config.url, centre: config.centre, user: config.user }, password: config.password, tuning: process.env.BENCH_SYNC_TUNING ?? '' },
  );
}

/**
 * A fresh browser profile for one pull. One year: an in-memory context of the bench's browser, as every other metric.
 * More: a profile on disk (its own Chromium, same flags), because an in-memory profile's quota does not hold ten
 * years of documents plus the replication's records of them (the desk then says it cannot store what it pulled).
 */
async function syncContext(ctx: BenchContext): Promise<BrowserContext & { done(): Promise<void> }> {
  if (ctx.years <= 1) {
    const context = await newContext(ctx.browser);
    return Object.assign(context, { done: () => context.close() });
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sosedi-bench-profile-'));
  const context = await chromium.launchPersistentContext(dir, { ...BENCH_CHROMIUM, ...BENCH_CONTEXT });
  await withNameShim(context);
  return Object.assign(context, {
    async done() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
}

async function deskPull(ctx: BenchContext, config: SyncConfig, want: Record<string, number>, timeoutMs: number): Promise<number> {
  const context = await syncContext(ctx);
  try {
    await storeSyncAccount(context, DESK_PROFILE, config);
    const page = await context.newPage();
    // BENCH_PROFILE_SYNC=<profile> (bench, bench10y): a CPU profile of the desk's whole first sync, its top self times printed
    const stop = process.env.BENCH_PROFILE_SYNC === ctx.profile ? await startCpuProfile(page, `/tmp/sosedi-profile-first-sync-${ctx.profile}.cpuprofile`) : null;
    await page.goto(`${ctx.baseUrl}?profile=${DESK_PROFILE}&lang=ru#/`);
    // done, or the desk says it cannot store what it pulled (a browser profile in memory has a quota: ten years of
    // documents plus the replication's records of them may not fit) — then it retries for ever: stop with why
    const full = label('sync', 'errors.localWrite') ?? 'localWrite';
    const outcome = await page.waitForFunction(
      (text) => (performance.getEntriesByName('sosedi:first-sync-done').length > 0 ? 'done' : (document.querySelector('header')?.textContent ?? '').includes(text) ? 'full' : false),
      full,
      { timeout: timeoutMs, polling: 50 },
    );
    if ((await outcome.jsonValue()) === 'full') {
      const got = await page.evaluate(deskCounts, { profile: DESK_PROFILE, collections: Object.keys(want) });
      throw new Error(`the desk could not store what it pulled (its header: "${full}"); stored ${Object.keys(want).map((c) => `${c} ${got[c]}/${want[c]}`).join(', ')}`);
    }
    const ms = await page.evaluate(() => performance.getEntriesByName('sosedi:first-sync-done')[0]!.startTime - performance.getEntriesByName('sosedi:sync-start')[0]!.startTime);
    if (stop) for (const line of await stop(1, 40)) ctx.log(line);
    checkCounts('the desk', await page.evaluate(deskCounts, { profile: DESK_PROFILE, collections: Object.keys(want) }), want);
    return ms;
  } finally {
    await context.done();
  }
}

async function floor(ctx: BenchContext, pageUrl: string, config: SyncConfig, want: Record<string, number>): Promise<number> {
  const context = await syncContext(ctx);
  try {
    const page = await context.newPage();
    await page.goto(pageUrl);
    const auth = 'Basic ' + Buffer.from(`${config.user}:${config.password}`).toString('base64');
    const r = await page.evaluate(floorPull, { url: config.url, dbs: Object.keys(want).map((c) => dbName(config.centre, c)), auth, pageSize: FLOOR_PAGE });
    checkCounts('the floor', Object.fromEntries(Object.keys(want).map((c) => [c, r.docs[dbName(config.centre, c)] ?? -1])), want);
    return r.ms;
  } finally {
    await context.done();
  }
}

async function pouchPull(ctx: BenchContext, pageUrl: string, config: SyncConfig, want: Record<string, number>, run: number, timeoutMs: number): Promise<number> {
  const context = await syncContext(ctx);
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(timeoutMs);
    await page.goto(pageUrl);
    const args = { url: config.url, dbs: Object.keys(want).map((c) => dbName(config.centre, c)), user: config.user, password: config.password, prefix: `bench-${Date.now()}-${run}-` };
    const r = await Promise.race([
      page.evaluate((a) => (window as unknown as { benchPouchPull: (x: typeof a) => Promise<{ ms: number; docs: Record<string, number> }> }).benchPouchPull(a), args),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('PouchDB pull timed out')), timeoutMs).unref()),
    ]);
    const got = Object.fromEntries(Object.keys(want).map((c) => [c, r.docs[dbName(config.centre, c)] ?? -1]));
    checkCounts('PouchDB', got, want);
    return r.ms;
  } finally {
    await context.done();
  }
}

export async function firstSyncRatio(ctx: BenchContext): Promise<MetricResult[]> {
  const spec = { name: 'first_sync_ratio', unit: '×', budget: 0.5 };
  const floorSpec = { name: 'first_sync_vs_floor', unit: '×', budget: 1.5 };
  const deskSpec = { name: 'first_sync_desk_ms', unit: 'ms', budget: null };
  const pouchSpec = { name: 'first_sync_pouchdb_ms', unit: 'ms', budget: null };
  const floorMsSpec = { name: 'first_sync_floor_ms', unit: 'ms', budget: null };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sosedi-bench-couch-'));
  let stop: (() => Promise<void>) | null = null;
  let baseline: Awaited<ReturnType<typeof baselinePage>> | null = null;
  const timeoutMs = (ctx.size === 'full' ? 15 : 2) * 60_000 * ctx.years;
  try {
    const started = await startBenchServer(dir);
    stop = started.stop;
    const { server, kind } = started;
    // one centre per pass: a COUCHDB_URL server keeps the databases of an earlier pass
    const config: SyncConfig = { url: server.url, centre: ctx.profile.replace(/[^a-z0-9]/g, ''), user: `desk-${ctx.profile}`, password: 'pw-bench-desk' };
    await provisionCentre({ url: server.adminUrl, centre: config.centre, deskUser: config.user, deskPassword: config.password });
    const t0 = Date.now();
    const seeded = await seed(server, config, ctx.dataset);
    ctx.log(`  seeded ${seeded} documents into ${kind} at ${server.url} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    baseline = await baselinePage();
    const want = expectedCounts(ctx.dataset);
    const desk: number[] = [];
    const pouch: number[] = [];
    const floors: number[] = [];
    for (let i = 0; i < ctx.syncRuns; i++) {
      // PouchDB, the slowest, last in the first run: a run cut short still has the desk and its floor (logged as they come)
      const order = (['desk', 'floor', 'pouch'] as const).map((_, k, all) => all[(k + i) % all.length]!);
      const got: Record<string, number> = {};
      for (const who of order) {
        if (who === 'desk') got.desk = await deskPull(ctx, config, want, timeoutMs);
        else if (who === 'pouch') got.pouch = await pouchPull(ctx, baseline.url, config, want, i, timeoutMs);
        else got.floor = await floor(ctx, baseline.url, config, want);
        ctx.log(`    ${who}: ${got[who]!.toFixed(0)} ms`);
      }
      desk.push(got.desk!);
      pouch.push(got.pouch!);
      floors.push(got.floor!);
      ctx.log(`  first sync run ${i + 1} (${order.join(', ')}): desk ${got.desk!.toFixed(0)} ms, PouchDB ${got.pouch!.toFixed(0)} ms, floor ${got.floor!.toFixed(0)} ms; desk ÷ PouchDB ${(got.desk! / got.pouch!).toFixed(2)}, desk ÷ floor ${(got.desk! / got.floor!).toFixed(2)}`);
    }
    const note = `${kind}, ${seeded} docs, ${Object.keys(want).length} databases; medians desk ${summary(desk).median.toFixed(0)} ms, PouchDB ${summary(pouch).median.toFixed(0)} ms, floor ${summary(floors).median.toFixed(0)} ms`;
    return [
      { ...spec, samples: desk.map((d, i) => d / pouch[i]!), note },
      { ...floorSpec, samples: desk.map((d, i) => d / floors[i]!), note: `floor: _all_docs?include_docs=true, ${FLOOR_PAGE} a page, databases at once, raw IndexedDB puts` },
      { ...deskSpec, samples: desk },
      { ...pouchSpec, samples: pouch },
      { ...floorMsSpec, samples: floors },
    ];
  } catch (e) {
    return [{ ...spec, error: e instanceof Error ? e.message.split('\n')[0]!.slice(0, 300) : String(e) }];
  } finally {
    if (baseline) {
      baseline.server.close();
      rmSync(baseline.dir, { recursive: true, force: true });
    }
    await stop?.().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}
