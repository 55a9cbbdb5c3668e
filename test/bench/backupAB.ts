/**
 * The backup by hand, click to file, on the full demo year: builds side by side in one browser (issue 20's "several
 * times faster", measured against the old build in the same run). Each build gets its own page with the year
 * loaded and one warm-up click (printed: the first click also reads the database cold), then the builds take
 * turns, one click each per round, so none clicks twice in a row. Prints every click (with the new build's User
 * Timing steps), then each build's median / min / max and the first build's median and min over each. The first
 * clicks wait until the year has been loaded a minute (below).
 *
 *   RUNS=9 node --import tsx test/bench/backupAB.ts old=<web dir> new=<web dir> [label=<web dir> …]
 *
 * An old build: `git worktree add /tmp/oldbk fc6aa30^ && cp -a node_modules /tmp/oldbk/ && cd /tmp/oldbk &&
 * npx vite build --config vite.web.config.ts --outDir /tmp/oldweb`.
 */
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';

// label=dir … ; RUNS in the environment (default 9)
const builds = process.argv.slice(2).map((a) => a.split('=') as [string, string]);
const runs = Number(process.env.RUNS ?? 9);
const servers: ReturnType<typeof spawn>[] = [];
const serve = async (dir: string) => {
  const port = 5900 + Math.floor(Math.random() * 500);
  servers.push(spawn('node', ['scripts/serve-web.mjs'], { env: { ...process.env, PORT: String(port), SOSEDI_WEB_DIR: dir }, stdio: 'ignore' }));
  await new Promise((r) => setTimeout(r, 1000));
  return `http://127.0.0.1:${port}/`;
};
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
try {
  const setup = async (dir: string, label: string) => {
    const base = await serve(dir);
    const context = await browser.newContext({ locale: 'ru-RU', timezoneId: 'Europe/Moscow', viewport: { width: 1366, height: 900 }, acceptDownloads: true, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${base}?lang=en#/settings/data`);
    await page.getByLabel(/busy centre's year/i).check();
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Load demo data' }).click();
    await page.getByText('Demo data loaded').waitFor({ timeout: 30 * 60_000 });
    console.log(`${label}: demo loaded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    await page.goto(`${base}?lang=en&x=2#/settings/data`);
    await page.getByRole('button', { name: 'Save a backup', exact: true }).waitFor();
    await page.waitForTimeout(2000);
    return page;
  };
  const click = async (page: Page) => {
    const button = page.getByRole('button', { name: 'Save a backup', exact: true });
    await page.evaluate(() => performance.clearMeasures());
    const download = page.waitForEvent('download', { timeout: 10 * 60_000 });
    const start = Date.now();
    await button.click();
    const file = await download;
    const ms = Date.now() - start;
    const size = statSync((await file.path())!).size;
    const steps = await page.evaluate(() =>
      performance.getEntriesByType('measure').filter((m) => m.name.startsWith('sosedi:backup-')).map((m) => `${m.name.slice(14)} ${Math.round(m.duration)}`),
    );
    await button.waitFor();
    await page.waitForTimeout(500);
    return { ms, size, name: file.suggestedFilename(), steps: steps.join(', ') };
  };
  const pages = new Map<string, Page>();
  for (const [label, dir] of builds) pages.set(label, await setup(dir, label));
  // A backup keeps the text of each closed month to write it again (backupMonths.ts), but what was written within
  // the minute before a backup cannot be proven unchanged later: the first clicks wait until the year is a minute
  // old, as it is on a desk (its months are then kept from the warm-up click on).
  const loaded = Date.now();
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, loaded + 65_000 - Date.now())));
  const times = new Map<string, number[]>(builds.map(([l]) => [l, []]));
  for (const [label] of builds) {
    const r = await click(pages.get(label)!);
    console.log(`${label} warm-up (first click): ${r.ms} ms, ${(r.size / 1e6).toFixed(2)} MB ${r.name} ${r.steps}`);
  }
  // Strict rotation: old, a, b, old, a, b … so no build clicks twice in a row.
  for (let run = 1; run <= runs; run++) {
    for (const [label] of builds) {
      const r = await click(pages.get(label)!);
      times.get(label)!.push(r.ms);
      console.log(`run ${run} ${label}: ${r.ms} ms, ${(r.size / 1e6).toFixed(2)} MB; ${r.steps}`);
    }
  }
  const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2; };
  const base = times.get(builds[0]![0])!;
  for (const [label] of builds) {
    const t = times.get(label)!;
    console.log(`${label}: median ${median(t)} ms, min ${Math.min(...t)}, max ${Math.max(...t)} (${runs} runs); ${builds[0]![0]}/${label} medians ${(median(base) / median(t)).toFixed(2)}×, mins ${(Math.min(...base) / Math.min(...t)).toFixed(2)}×`);
  }
} finally {
  await browser.close();
  for (const s of servers) s.kill();
}
