/**
 * Where a backup click's time goes on the full demo year (one build): a CPU profile of CLICKS clicks (default 4, 0
 * for none; self time per click, the profile in the temp folder's backup.cpuprofile), then the floor under any backup: every
 * store of the profile's IndexedDB read raw (getAll), one store after another, in pieces of 5,000 by key, and all
 * stores at once, three times each.
 *
 *   CLICKS=3 node --import tsx test/bench/backupProbe.ts <web dir>
 */
import { tmpdir } from 'node:os';
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
import { startCpuProfile } from './cpuProfile';

const dir = process.argv[2] ?? 'out/web';
const port = 6500 + Math.floor(Math.random() * 400);
const server = spawn('node', ['scripts/serve-web.mjs'], { env: { ...process.env, PORT: String(port), SOSEDI_WEB_DIR: dir }, stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 1000));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'] });
try {
  const base = `http://127.0.0.1:${port}/`;
  const context = await browser.newContext({ locale: 'ru-RU', timezoneId: 'Europe/Moscow', acceptDownloads: true, serviceWorkers: 'block' });
  await context.addInitScript('globalThis.__name = (f) => f'); // tsx names the functions passed to evaluate
  const page = await context.newPage();
  await page.goto(`${base}?lang=en#/settings/data`);
  await page.getByLabel(/busy centre's year/i).check();
  await page.getByRole('button', { name: 'Load demo data' }).click();
  await page.getByText('Demo data loaded').waitFor({ timeout: 30 * 60_000 });
  await page.goto(`${base}?lang=en&x=2#/settings/data`);
  const button = page.getByRole('button', { name: 'Save a backup', exact: true });
  await button.waitFor();
  await page.waitForTimeout(2000);
  const click = async () => {
    await page.evaluate(() => performance.clearMeasures());
    const download = page.waitForEvent('download', { timeout: 10 * 60_000 });
    const t = Date.now();
    await button.click();
    await download;
    const ms = Date.now() - t;
    const steps = await page.evaluate(() => performance.getEntriesByType('measure').filter((m) => m.name.startsWith('sosedi:backup-')).map((m) => `${m.name.slice(14)} ${Math.round(m.duration)}`).join(', '));
    await button.waitFor();
    await page.waitForTimeout(500);
    return `${ms} ms; ${steps}`;
  };
  if (process.env.CLICKS !== '0') console.log('warm-up', await click());
  const clicks = Number(process.env.CLICKS ?? 4);
  if (clicks > 0) {
    const stop = await startCpuProfile(page, `${tmpdir()}/backup.cpuprofile`);
    for (let i = 0; i < clicks; i++) console.log('click', await click());
    console.log((await stop(clicks, 40)).join('\n'));
  }
  // raw IndexedDB: every store's getAll, one after another, and in pieces of 5,000 by key
  const raw = await page.evaluate(async () => {
    const out: string[] = [];
    const names = (await indexedDB.databases()).map((d) => d.name!).filter((n) => n.includes('sosedi-') && n.includes('--'));
    const open = (n: string) => new Promise<IDBDatabase>((res, rej) => { const r = indexedDB.open(n); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    const dbs = await Promise.all(names.map(open));
    for (let round = 0; round < 3; round++) {
      let t0 = performance.now();
      let n = 0;
      for (const db of dbs) {
        const rows = await new Promise<unknown[]>((res) => { const r = db.transaction('docs').objectStore('docs').getAll(); r.onsuccess = () => res(r.result); });
        n += rows.length;
      }
      out.push(`getAll all stores: ${n} rows ${Math.round(performance.now() - t0)} ms`);
      t0 = performance.now();
      n = 0;
      for (const db of dbs) {
        let last: IDBValidKey | null = null;
        for (;;) {
          const range: IDBKeyRange | undefined = last === null ? undefined : IDBKeyRange.lowerBound(last, true);
          const rows = await new Promise<{ id: string }[]>((res) => { const r = db.transaction('docs').objectStore('docs').getAll(range, 5000); r.onsuccess = () => res(r.result as { id: string }[]); });
          n += rows.length;
          if (rows.length < 5000) break;
          last = (rows[rows.length - 1] as unknown as Record<string, IDBValidKey>)[db.transaction('docs').objectStore('docs').keyPath as string]!;
        }
      }
      out.push(`getAll pieces of 5000: ${n} rows ${Math.round(performance.now() - t0)} ms`);
      t0 = performance.now();
      const all = await Promise.all(dbs.map((db) => new Promise<unknown[]>((res) => { const r = db.transaction('docs').objectStore('docs').getAll(); r.onsuccess = () => res(r.result); })));
      out.push(`getAll all stores at once: ${all.reduce((k, rows) => k + rows.length, 0)} rows ${Math.round(performance.now() - t0)} ms`);
    }
    out.push(`stores: ${names.join(' ')}`);
    return out;
  });
  console.log(raw.join('\n'));
} finally {
  await browser.close();
  server.kill();
}
