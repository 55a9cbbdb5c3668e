/**
 * A synced desk upgraded across schema migrations: what the first start of a new version does to the desk and to the
 * server. Not part of `npm test` (it needs a build of an older version); the figures go to docs/performance.md.
 *
 *   node --import tsx test/bench/upgrade.ts <old web dir> <new web dir> [tiny|small|full]
 *
 * One Chromium profile (one origin, so one IndexedDB) is served first the old build, then the new one:
 *  1. the old desk, synced to a fresh centre on Apache CouchDB 3 (`../shared/couchdb` or COUCHDB_URL; else
 *     pouchdb-server), loads the demo data and pushes all of it; every server document's revision is noted;
 *  2. the same profile opens the new build (the migrations run on this start): the time from navigation to the
 *     Today screen, then to "Synced" again; what it asked the server (requests, documents sent) and what changed
 *     there (revisions), what is in the conflict inbox;
 *  3. baseline in the same run: the new build opened again on the migrated profile (no migration left to run).
 * A second, fresh desk on the new build then syncs the centre: every document arrives (the old desk's data is
 * readable by the new version as the server holds it).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
// @ts-expect-error serve-handler ships no types
import handler from 'serve-handler';
import { chromium, type Page } from 'playwright-core';
import { provisionCentre } from '../../scripts/lib/provision';
import { dbName, type SyncConfig } from '../../shared/sync/config';
import { newContext } from './metrics';
import { startBenchServer } from './server';
import { storeSyncAccount } from './sync';
import { armOnNavigation, timeSinceNavigation, type Cond } from './page';

const [oldDir, newDir, size = 'tiny'] = process.argv.slice(2);
if (!oldDir || !newDir || !['tiny', 'small', 'full'].includes(size)) {
  console.error('usage: upgrade.ts <old web dir> <new web dir> [tiny|small|full]');
  process.exit(2);
}
const CENTRE = 'upgrade';
const OLD_COLLECTIONS = ['rooms', 'bookings', 'series', 'people', 'groups', 'visits', 'items', 'loans', 'settings'];
const started = Date.now();
const log = (m: string) => console.log(`[upgrade ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${m}`);
const ru = (file: string) => JSON.parse(readFileSync(path.join('renderer/app/i18n/locales/ru', `${file}.json`), 'utf8'));

let root = oldDir;
const web = http.createServer((req, res) => handler(req, res, { public: root, directoryListing: false, headers: [{ source: '**/*', headers: [{ key: 'Cache-Control', value: 'no-store' }] }] }));
await new Promise<void>((r) => web.listen(0, '127.0.0.1', () => r()));
const base = `http://127.0.0.1:${(web.address() as AddressInfo).port}/`;

const dir = mkdtempSync(path.join(os.tmpdir(), 'sosedi-upgrade-'));
const { server, kind, stop } = await startBenchServer(dir);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
const config: SyncConfig = { url: server.url, centre: CENTRE, user: 'desk-upgrade', password: 'pw-upgrade-desk' };
const admin = 'Basic ' + Buffer.from(`${server.admin.user}:${server.admin.password}`).toString('base64');

async function serverRevs(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const c of OLD_COLLECTIONS) {
    const r = await fetch(`${server.url.replace(/\/$/, '')}/${dbName(CENTRE, c)}/_all_docs`, { headers: { Authorization: admin } });
    const body = (await r.json()) as { rows: { id: string; value: { rev: string } }[] };
    for (const row of body.rows) if (!row.id.startsWith('_design/')) out.set(`${c}/${row.id}`, row.value.rev);
  }
  return out;
}

async function localCount(page: Page, profile: string): Promise<number> {
  return page.evaluate(async ({ profile, collections }) => {
    let n = 0;
    const infos = await indexedDB.databases();
    for (const c of collections) {
      const info = infos.find((d) => d.name?.startsWith(`rxdb-dexie-sosedi-${profile}--`) && d.name.endsWith(`--${c}`));
      if (!info?.name) continue;
      n += await new Promise<number>((resolve, reject) => {
        const r = indexedDB.open(info.name!);
        r.onerror = () => reject(r.error);
        r.onsuccess = () => {
          const q = r.result.transaction('docs').objectStore('docs').count();
          q.onsuccess = () => {
            r.result.close();
            resolve(q.result);
          };
        };
      });
    }
    return n;
  }, { profile, collections: OLD_COLLECTIONS });
}

/** The header says "Synced" and stays so for a second (the first cycle of every collection has ended). */
async function untilSynced(page: Page, timeoutMs: number): Promise<number> {
  const t0 = Date.now();
  const synced: string = ru('sync').status.synced;
  await page.waitForFunction((word) => document.querySelector('header')?.textContent?.includes(word) ?? false, synced, { timeout: timeoutMs, polling: 100 });
  await page.waitForTimeout(1000);
  await page.waitForFunction((word) => document.querySelector('header')?.textContent?.includes(word) ?? false, synced, { timeout: timeoutMs, polling: 100 });
  return Date.now() - t0;
}

const TODAY: Cond = { kind: 'all', conds: [{ kind: 'visible', selector: 'nav a' }, { kind: 'visible', selector: 'main h2' }, { kind: 'visible', selector: '[data-testid="today-bookings-count"]' }] };

try {
  await provisionCentre({ url: server.adminUrl, centre: CENTRE, deskUser: config.user, deskPassword: config.password });
  log(`${kind} at ${server.url}; old build ${oldDir}, new build ${newDir}, demo size ${size}`);
  const context = await newContext(browser);
  await storeSyncAccount(context, 'up', config);
  let page = await context.newPage();
  page.setDefaultTimeout(180_000);
  await page.goto(`${base}?profile=up&lang=ru#/settings/data`);
  await page.waitForFunction(() => performance.getEntriesByName('sosedi:first-sync-done').length > 0, undefined, { timeout: 60_000 });
  const demo = ru('demo');
  await page.getByRole('radio', { name: demo.size[size] }).check();
  await page.getByRole('button', { name: demo.load }).click();
  await page.getByRole('status').filter({ hasText: demo.done.title }).waitFor({ timeout: 600_000 });
  const local = await localCount(page, 'up');
  log(`old desk: demo data loaded, ${local} documents; pushing`);
  for (;;) {
    const revs = await serverRevs();
    if (revs.size >= local) break;
    await page.waitForTimeout(1000);
  }
  await untilSynced(page, 600_000);
  const before = await serverRevs();
  log(`old desk synced: ${before.size} documents on the server`);
  await page.close();

  // 2. the same profile, the new build: the migrations run on this start
  root = newDir;
  page = await context.newPage();
  page.setDefaultTimeout(600_000);
  const requests = { count: 0, bulkDocs: 0, sentDocs: 0, bytesUp: 0, bytesDown: 0 };
  page.on('request', (r) => {
    if (!r.url().startsWith(server.url.replace(/\/$/, ''))) return;
    requests.count++;
    const body = r.postData();
    requests.bytesUp += body?.length ?? 0;
    if (r.url().includes('/_bulk_docs') && body) {
      requests.bulkDocs++;
      requests.sentDocs += (JSON.parse(body) as { docs: unknown[] }).docs.length;
    }
  });
  page.on('requestfinished', (r) => {
    if (!r.url().startsWith(server.url.replace(/\/$/, ''))) return;
    void r.sizes().then((z) => (requests.bytesDown += z.responseBodySize), () => undefined);
  });
  await armOnNavigation(page, TODAY, 600_000);
  await page.goto(`${base}?profile=up&lang=ru#/`, { waitUntil: 'commit' });
  const upgradeOpenMs = await timeSinceNavigation(page);
  const syncedMs = await untilSynced(page, 600_000);
  const after = await serverRevs();
  const changed = [...before].filter(([k, rev]) => after.get(k) !== rev).map(([k]) => k);
  const added = [...after.keys()].filter((k) => !before.has(k));
  const conflicts = await page.evaluate(async () => {
    const infos = await indexedDB.databases();
    const info = infos.find((d) => d.name?.startsWith('rxdb-dexie-sosedi-up--') && d.name.endsWith('--conflicts'));
    if (!info?.name) return 0;
    return new Promise<number>((resolve) => {
      const r = indexedDB.open(info.name!);
      r.onsuccess = () => {
        const q = r.result.transaction('docs').objectStore('docs').count();
        q.onsuccess = () => resolve(q.result);
      };
    });
  });
  log(`upgraded start: Today shown ${upgradeOpenMs.toFixed(0)} ms after navigation, "Synced" ${syncedMs} ms after that`);
  log(`  asked the server ${requests.count} times; _bulk_docs ${requests.bulkDocs} times with ${requests.sentDocs} documents, ${(requests.bytesUp / 1e6).toFixed(2)} MB up, ${(requests.bytesDown / 1e6).toFixed(2)} MB down`);
  log(`  server documents: ${changed.length} of ${before.size} got a new revision${changed.length ? ` (e.g. ${changed.slice(0, 5).join(', ')})` : ''}; ${added.length} new`);
  log(`  conflict inbox records on the desk: ${conflicts}`);

  // 3. baseline: the migrated profile opened again
  const again: number[] = [];
  for (let i = 0; i < 3; i++) {
    await page.reload({ waitUntil: 'commit' });
    again.push(await timeSinceNavigation(page));
  }
  again.sort((a, b) => a - b);
  log(`new build on the migrated profile: Today shown ${again.map((x) => x.toFixed(0)).join(', ')} ms (median ${again[1]!.toFixed(0)}); the upgraded start took ${(upgradeOpenMs / again[1]!).toFixed(2)}× that`);
  await page.close();
  await context.close();

  // a fresh desk on the new build reads the whole centre as the old desk left it
  const fresh = await newContext(browser);
  await storeSyncAccount(fresh, 'fresh', config);
  const p2 = await fresh.newPage();
  await p2.goto(`${base}?profile=fresh&lang=ru#/`);
  await p2.waitForFunction(() => performance.getEntriesByName('sosedi:first-sync-done').length > 0, undefined, { timeout: 600_000 });
  const freshCount = await localCount(p2, 'fresh');
  log(`a fresh desk on the new build: ${freshCount} of ${after.size} documents`);
  await fresh.close();
  const ok = changed.length === 0 && conflicts === 0 && freshCount >= after.size;
  log(ok ? 'OK: nothing rewritten on the server, no conflict, everything readable' : 'NOT OK: see above');
  process.exitCode = ok ? 0 : 1;
} finally {
  await browser.close();
  await stop();
  web.close();
  rmSync(dir, { recursive: true, force: true });
}
