/**
 * CPU profile of one page action on a loaded desk (Chromium's profiler through CDP, playwright-core), for finding
 * what a metric spends its time on before changing anything:
 *
 *   node --import tsx test/bench/profile.ts --web-dir DIR [--size full] [--years 1] [--what week|day|month|year-report|month-report|year-start|search|signin|load] [--times 8] [--settle SECONDS]
 *
 * Loads the dataset through Settings → Data → "Load demo data" into a fresh profile, repeats the action `--times`
 * times under the profiler (each from an empty state, as the bench does) and prints the functions with the most
 * self time, and the action's own timing per repetition.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
// @ts-expect-error serve-handler ships no types (scripts/serve-web.mjs uses it too)
import handler from 'serve-handler';
import { chromium } from 'playwright-core';
import { generateDataset, type FixtureSize } from '../../shared/fixtures/generate';
import { dayNumber, localDate } from '../../shared/fixtures/generate';
import { busiest, newContext, type BenchContext } from './metrics';
import { cssString, label } from './labels';
import { timeUi, type Cond } from './page';
import { startCpuProfile } from './cpuProfile';

const argv = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1]! : fallback;
};
const webDir = arg('web-dir', '');
const size = arg('size', 'full') as FixtureSize;
const years = Number(arg('years', '1'));
const what = arg('what', 'week');
const times = Number(arg('times', '8'));
/** Seconds to wait after the load before the first action (a desk that has settled; the report months' store trusts no month read within a minute of a write to it). */
const settle = Number(arg('settle', '0'));

async function main() {
  const server = http.createServer((req, res) => handler(req, res, { public: webDir, directoryListing: false }));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const context = await newContext(browser);
  const page = await context.newPage();
  const anchor = new Date().toISOString().slice(0, 16);
  const ctx = { profile: 'profile', baseUrl, years } as BenchContext;
  const at = (hash: string) => `${baseUrl}?profile=${ctx.profile}&lang=ru#${hash}`;
  const t0 = Date.now();
  await page.goto(at('/settings/data'));
  await page.getByRole('radio', { name: label('demo', `size.${size}`) }).check();
  if (years > 1) await page.getByLabel(label('demo', 'years.label')!, { exact: true }).fill(String(years));
  page.on('console', (m) => m.type() === 'error' && console.log(`page: ${m.text().slice(0, 300)}`));
  page.on('pageerror', (e) => console.log(`page error: ${e.message.slice(0, 300)}`));
  // --what load: the load itself under the profiler (one load; its self times, then exit)
  const stopLoad = what === 'load' ? await startCpuProfile(page, '/tmp/sosedi-profile-load.cpuprofile') : null;
  await page.getByRole('button', { name: label('demo', 'load') }).click();
  const done = page.getByRole('status').filter({ hasText: label('demo', 'done.title')! });
  while (!(await done.count())) {
    await page.waitForTimeout(10_000);
    const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
    console.log(`${((Date.now() - t0) / 1000).toFixed(0)} s: ${(await page.locator('main [role="status"], main [role="alert"]').allInnerTexts()).join(' | ').slice(0, 200)} (heap ${(heap / 1e6).toFixed(0)} MB)`);
  }
  console.log(`loaded in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  if (settle > 0) await page.waitForTimeout(settle * 1000);
  if (stopLoad) {
    for (const line of await stopLoad(1, 40)) console.log(line);
    await browser.close();
    server.close();
    return;
  }
  const ds = generateDataset({ size, anchor, years });
  const top = busiest(ds, anchor);
  const empty = localDate(dayNumber(anchor) - 365 * years - 400);
  let action: () => Promise<number>;
  if (what === 'week' || what === 'day' || what === 'month') {
    await page.goto(at('/calendar'));
    await page.waitForSelector('.rbc-calendar');
    const view = what;
    const target = top[view];
    const sel = view === 'month' ? '.rbc-month-view' : '.rbc-time-view';
    const cond: Cond = { kind: 'countAtLeast', selector: `${sel} .rbc-event`, min: view === 'month' ? 1 : Math.floor(target.events * 0.9) };
    action = async () => {
      await page.evaluate((h) => (location.hash = h), `/calendar?view=${view}&date=${empty}`);
      await page.waitForSelector(sel);
      await page.waitForTimeout(200);
      return timeUi(page, cond, 'now', () => page.evaluate((h) => (location.hash = h), `/calendar?view=${view}&date=${target.date}`));
    };
  } else if (what === 'search') {
    // the bench's search_keystroke_p95_ms: a surname typed a key at a time; the action's figure is the slowest key
    const input = 'main input[type="search"]';
    await page.goto(at('/people'));
    await page.waitForSelector(input);
    const surnames = [...new Set(ds.people.map((p) => p.name.split(' ')[0]!))].filter((s) => s.length >= 6);
    let i = 0;
    action = async () => {
      const query = surnames[(i++ * 7) % surnames.length]!;
      await page.fill(input, '');
      await page.focus(input);
      await page.waitForTimeout(100);
      let worst = 0;
      for (let k = 1; k <= query.length; k++) {
        worst = Math.max(worst, await timeUi(page, { kind: 'inputValue', selector: input, value: query.slice(0, k) }, 'keydown', () => page.keyboard.type(query[k - 1]!)));
      }
      return worst;
    };
  } else if (what === 'signin') {
    // the bench's visit_signin_ms: a known person's full name typed, Enter → their row in "in the building now"
    await page.goto(at('/visitors'));
    const field = page.getByRole('combobox', { name: label('visitors', 'door.name') });
    await field.waitFor();
    const inside = new Set(ds.visits.filter((v) => !v.timeOut).map((v) => v.personId));
    const counts = new Map<string, number>();
    for (const p of ds.people) counts.set(p.name, (counts.get(p.name) ?? 0) + 1);
    const candidates = ds.people.filter((p) => counts.get(p.name) === 1 && !inside.has(p.id) && p.name.split(' ').length === 3);
    let i = 0;
    action = async () => {
      const person = candidates[(i++ * 13 + 5) % candidates.length]!;
      await field.fill(person.name);
      await page.locator('[role="option"]').filter({ hasText: person.name }).first().waitFor();
      await field.focus();
      const signOut = label('visitors', 'inBuilding.signOutOne', { name: person.name })!;
      return timeUi(page, { kind: 'visible', selector: `button[aria-label=${cssString(signOut)}]` }, 'keydown', () => page.keyboard.press('Enter'));
    };
  } else {
    const whole = label('reports', 'period.comparedWhole', { current: '', previous: '' })!.split(':')[0]!.trim();
    action = async () => {
      if (what === 'year-start') {
        // the bench's year_report_start_ms: the click on a page opened just now (its months from the store on disk where they still hold)
        await page.goto(at('/reports'));
        await page.reload();
        await page.locator('main p').filter({ hasText: whole }).first().waitFor({ timeout: 60_000 });
        const year = (await page.getByTestId('period-label').innerText()).trim().slice(-4);
        return timeUi(page, { kind: 'all', conds: [{ kind: 'exactText', selector: '[data-testid="period-label"]', text: year }, { kind: 'absent', selector: 'main .mantine-Loader-root' }, { kind: 'text', selector: 'main p', contains: '' }] }, 'click', () => page.getByText(label('reports', 'period.kind.year')!, { exact: true }).click(), 60_000);
      }
      await page.evaluate(() => (location.hash = '/people'));
      await page.waitForSelector('main input[type="search"]');
      if (what === 'month-report') return timeUi(page, { kind: 'text', selector: 'main p', contains: whole }, 'now', () => page.evaluate(() => (location.hash = '/reports')), 60_000);
      await page.evaluate(() => (location.hash = '/reports'));
      await page.locator('main p').filter({ hasText: whole }).first().waitFor({ timeout: 60_000 });
      const year = (await page.getByTestId('period-label').innerText()).trim().slice(-4);
      return timeUi(page, { kind: 'all', conds: [{ kind: 'exactText', selector: '[data-testid="period-label"]', text: year }, { kind: 'absent', selector: 'main .mantine-Loader-root' }, { kind: 'text', selector: 'main p', contains: '' }] }, 'click', () => page.getByText(label('reports', 'period.kind.year')!, { exact: true }).click(), 60_000);
    };
  }
  console.log(`${what}, first (warm-up, not profiled): ${(await action()).toFixed(0)} ms`);
  const stop = await startCpuProfile(page, `/tmp/sosedi-profile-${what}.cpuprofile`);
  const ms: number[] = [];
  for (let i = 0; i < times; i++) ms.push(await action());
  const summary = await stop(times);
  console.log(`${what}: ${ms.map((m) => m.toFixed(0)).join(', ')} ms`);
  for (const line of summary) console.log(line);
  await browser.close();
  server.close();
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
