/**
 * Measures what issue 20 asks about, on the full demo year in Debian's Chromium:
 *  - DOM nodes of the Loans page (its first tab, and the catalogue tab),
 *  - the backup: milliseconds from the click on "Save a backup" to the file, and the file's size.
 *
 *   node --import tsx test/bench/exportsMeasure.ts [web dir, default out/web] [size, default full]
 */
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { chromium } from 'playwright-core';

const webDir = process.argv[2] ?? 'out/web';
const size = process.argv[3] ?? 'full';
const port = 5900 + Math.floor(Math.random() * 500);
const server = spawn('node', ['scripts/serve-web.mjs'], { env: { ...process.env, PORT: String(port), SOSEDI_WEB_DIR: webDir }, stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 1000));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
try {
  const context = await browser.newContext({ locale: 'ru-RU', timezoneId: 'Europe/Moscow', viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const base = `http://127.0.0.1:${port}/`;
  await page.goto(`${base}?lang=en#/settings/data`);
  await page.getByLabel(size === 'full' ? /busy centre's year/i : size === 'small' ? /three months/i : /fortnight/i).check();
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Load demo data' }).click();
  await page.getByText('Demo data loaded').waitFor({ timeout: 30 * 60_000 });
  console.log(`demo ${size} loaded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  await page.goto(`${base}?lang=en&x=1#/loans`);
  await page.getByRole('tab', { name: 'Catalogue' }).waitFor();
  await page.waitForTimeout(3000);
  const nodes = () => page.evaluate(() => document.querySelectorAll('*').length);
  console.log(`loans page DOM nodes (counter tab): ${await nodes()}`);
  await page.getByRole('tab', { name: 'Catalogue' }).click();
  await page.waitForTimeout(2000);
  console.log(`loans page DOM nodes (catalogue tab): ${await nodes()}`);
  for (const tab of ['On loan', 'Overdue', 'Reservations', 'History']) {
    await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
    await page.waitForTimeout(2000);
    console.log(`loans page DOM nodes (${tab} tab): ${await nodes()}`);
  }
  for (const [name, hash] of [['Today', '/'], ['Calendar (day)', '/calendar'], ['Visitors', '/visitors'], ['People', '/people'], ['Reports', '/reports']] as const) {
    await page.goto(`${base}?lang=en&x=${name}#${hash}`);
    await page.getByRole('heading', { level: 2 }).first().waitFor();
    await page.waitForTimeout(3000);
    console.log(`${name} DOM nodes: ${await nodes()}`);
  }

  await page.goto(`${base}?lang=en&x=2#/settings/data`);
  const button = page.getByRole('button', { name: 'Save a backup', exact: true });
  await button.waitFor();
  for (let run = 1; run <= 3; run++) {
    const download = page.waitForEvent('download', { timeout: 10 * 60_000 });
    const start = Date.now();
    await button.click();
    const file = await download;
    const ms = Date.now() - start;
    const path = await file.path();
    const steps = await page.evaluate(() =>
      performance
        .getEntriesByType('measure')
        .filter((m) => m.name.startsWith('sosedi:backup-'))
        .map((m) => `${m.name.slice(14)} ${Math.round(m.duration)} ms`),
    );
    await page.evaluate(() => performance.clearMeasures());
    console.log(`backup run ${run}: ${ms} ms from click to file, ${(statSync(path).size / 1e6).toFixed(2)} MB (${file.suggestedFilename()}); ${steps.join(', ')}`);
  }
} finally {
  await browser.close();
  server.kill();
}
