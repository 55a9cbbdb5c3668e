/**
 * The metrics of issue 9, each driven through the app's UI like a volunteer would, with the full (or tiny)
 * dataset loaded through Settings → Data → "Load demo data". A metric whose feature has not landed reports
 * `missing` with the reason, never a number.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { occurrencesInRange } from '../../shared/bookings/recurrence';
import { dayNumber, localDate, weekdayOf, type Dataset, type FixtureSize } from '../../shared/fixtures/generate';
import { armOnNavigation, heapMb, timeSinceNavigation, timeUi, type Cond } from './page';
import { cssString, label } from './labels';
import { summary, type MetricResult } from './stats';

export interface BenchContext {
  browser: Browser;
  baseUrl: string;
  webDir: string;
  size: FixtureSize;
  /** Years of data (generateParts): 1, or the long pass of `--years N`. */
  years: number;
  /** The desk profile the data is loaded into (one per pass, so both stay on disk side by side). */
  profile: string;
  runs: number;
  /** Runs of the (slow) full bulk load; the other metrics use `runs`. */
  loadRuns: number;
  /** Runs of the (slow) first full pull, desk and PouchDB each. */
  syncRuns: number;
  /** The dataset the app generates for the same anchor day (busiest periods, names to type). */
  dataset: Dataset;
  anchor: string;
  log: (msg: string) => void;
}

export const url = (ctx: BenchContext, hash: string) => `${ctx.baseUrl}?profile=${ctx.profile}&lang=ru#${hash}`;

/** How the bench starts Debian's Chromium (run.ts; the long pass's first syncs start their own, sync.ts). */
export const BENCH_CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
};
/** Every page of the bench: a desk in Moscow, in Russian, on a laptop screen. */
export const BENCH_CONTEXT = { locale: 'ru-RU', timezoneId: 'Europe/Moscow', viewport: { width: 1366, height: 900 } };

/** tsx/esbuild wraps named functions with __name(); functions sent to the page need it defined there. */
export const withNameShim = (context: BrowserContext) => context.addInitScript({ content: 'window.__name = (f) => f;' });

export async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext(BENCH_CONTEXT);
  await withNameShim(context);
  return context;
}

type Spec = { name: string; unit: string; budget: number | null };
const missing = (s: Spec, why: string): MetricResult => ({ ...s, missing: why });
const failed = (s: Spec, e: unknown): MetricResult => ({ ...s, error: e instanceof Error ? e.message.split('\n')[0]!.slice(0, 200) : String(e) });

/** A visible text field (Mantine's segmented controls hold hidden radio inputs). */
const TEXT_INPUT = 'main input:not([type="radio"]):not([type="checkbox"]):not([type="hidden"])';

/** Waits for the section's content: 'ready', the shell's "coming soon" placeholder, or nothing recognisable. */
async function probe(page: Page, readySelector: string, timeoutMs = 30_000): Promise<'ready' | 'coming' | 'absent'> {
  const coming = `main [role="status"]:has-text(${cssString(label('common', 'coming.title') ?? 'Скоро')})`;
  const deadline = Date.now() + timeoutMs;
  // The previous section can still be on screen right after a hash change (the next page's code is loading), and
  // may match the selector for a moment: only an answer that still holds when counted is taken.
  while (Date.now() < deadline) {
    try {
      await page.waitForSelector(`${readySelector}, ${coming}`, { timeout: Math.max(1, deadline - Date.now()) });
    } catch {
      return 'absent';
    }
    if ((await page.locator(readySelector).count()) > 0) return 'ready';
    if ((await page.locator(coming).count()) > 0) return 'coming';
    await page.waitForTimeout(50);
  }
  return 'absent';
}

/** The outcome of a probe that did not find the feature: a placeholder is "missing", nothing at all is an error. */
function notReady(s: Spec, state: 'coming' | 'absent', what: string): MetricResult {
  return state === 'coming' ? missing(s, `${what} is a placeholder`) : failed(s, `${what} did not render`);
}

async function sample(runs: number, once: (i: number) => Promise<number>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) out.push(await once(i));
  return out;
}

// ------------------------------------------------------------------ bulk load (also leaves the data in place)

/**
 * Runs in the page: copies every IndexedDB store of the profile into a fresh database with raw puts — into plain
 * stores (the baseline of bulk_load_ratio) and, for context, into stores with the same key paths and indexes as the
 * app's (what IndexedDB alone charges for the indexes the app queries by). Read and written a chunk at a time (one
 * transaction per chunk, like the app's load; ten years do not fit in a page at once); only the puts and their
 * commits are timed, not the reads. Each copy's store is emptied after its chunk (not timed): a browser context's
 * in-memory IndexedDB cannot hold two more copies of ten years (the quota aborts the transaction). Puts into a
 * store that does not grow are if anything cheaper, so the ratio errs against the app.
 */
async function rawPuts(profile: string): Promise<{ ms: number; indexedMs: number; docs: number }> {
  const CHUNK = 20_000;
  const req = <T>(r: IDBRequest<T>) => new Promise<T>((res, rej) => ((r.onsuccess = () => res(r.result)), (r.onerror = () => rej(r.error))));
  type IndexSpec = { name: string; keyPath: string | string[]; unique: boolean; multiEntry: boolean };
  type Store = { db: string; store: string; name: string; keyPath: string | string[] | null; indexes: IndexSpec[] };
  const open = (name: string, create?: (db: IDBDatabase) => void) =>
    new Promise<IDBDatabase>((res, rej) => {
      const r = create ? indexedDB.open(name, 1) : indexedDB.open(name);
      if (create) r.onupgradeneeded = () => create(r.result);
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
  const done = (tx: IDBTransaction) =>
    new Promise<void>((res, rej) => {
      tx.oncomplete = () => res();
      tx.onerror = () => rej(tx.error);
      tx.onabort = () => rej(tx.error ?? new Error('transaction aborted'));
    });
  const empty = async (db: IDBDatabase, store: string) => {
    const tx = db.transaction(store, 'readwrite');
    tx.objectStore(store).clear();
    await done(tx);
  };
  const sources = (await indexedDB.databases()).filter((d) => d.name && d.name.includes(`sosedi-${profile}--`));
  const stores: Store[] = [];
  const opened = new Map<string, IDBDatabase>();
  for (const info of sources) {
    const db = await open(info.name!);
    opened.set(info.name!, db);
    for (const storeName of Array.from(db.objectStoreNames)) {
      const st = db.transaction(storeName).objectStore(storeName);
      if (!(await req(st.count()))) continue;
      const indexes = Array.from(st.indexNames).map((n) => {
        const ix = st.index(n);
        return { name: n, keyPath: ix.keyPath, unique: ix.unique, multiEntry: ix.multiEntry };
      });
      stores.push({ db: info.name!, store: storeName, name: `${info.name}/${storeName}`, keyPath: st.keyPath, indexes });
    }
  }
  const stamp = Date.now();
  const plain = await open(`bench-raw-${stamp}`, (db) => stores.forEach((s) => db.createObjectStore(s.name)));
  const indexed = await open(`bench-raw-indexed-${stamp}`, (db) =>
    stores.forEach((s) => {
      const st = db.createObjectStore(s.name, { keyPath: s.keyPath });
      s.indexes.forEach((ix) => st.createIndex(ix.name, ix.keyPath, { unique: ix.unique, multiEntry: ix.multiEntry }));
    }),
  );
  let ms = 0;
  let indexedMs = 0;
  let docs = 0;
  for (const s of stores) {
    let after: IDBValidKey | undefined;
    for (;;) {
      const st = opened.get(s.db)!.transaction(s.store).objectStore(s.store);
      const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
      const [keys, values] = await Promise.all([req(st.getAllKeys(range, CHUNK)), req(st.getAll(range, CHUNK))]);
      if (!values.length) break;
      after = keys[keys.length - 1];
      docs += values.length;
      let t0 = performance.now();
      const tx = plain.transaction(s.name, 'readwrite');
      values.forEach((v, i) => tx.objectStore(s.name).put(v, keys[i]));
      await done(tx);
      ms += performance.now() - t0;
      await empty(plain, s.name);
      t0 = performance.now();
      const tx2 = indexed.transaction(s.name, 'readwrite');
      values.forEach((v, i) => (s.keyPath !== null ? tx2.objectStore(s.name).put(v) : tx2.objectStore(s.name).put(v, keys[i])));
      await done(tx2);
      indexedMs += performance.now() - t0;
      await empty(indexed, s.name);
      if (values.length < CHUNK) break;
    }
  }
  for (const db of [...opened.values(), plain, indexed]) db.close();
  indexedDB.deleteDatabase(plain.name);
  indexedDB.deleteDatabase(indexed.name);
  return { ms, indexedMs, docs };
}

export interface LoadedProfile {
  context: BrowserContext;
  page: Page;
}

/** bulk_load_ratio: "Load demo data" through the UI vs raw IndexedDB puts of the stored documents, per run. */
export async function bulkLoad(ctx: BenchContext): Promise<{ results: MetricResult[]; loaded: LoadedProfile | null }> {
  const ratio: Spec = { name: 'bulk_load_ratio', unit: '×', budget: 2.0 };
  const appSpec: Spec = { name: 'bulk_load_app_ms', unit: 'ms', budget: null };
  const rawSpec: Spec = { name: 'bulk_load_raw_idb_ms', unit: 'ms', budget: null };
  const indexedSpec: Spec = { name: 'bulk_load_raw_idb_indexed_ms', unit: 'ms', budget: null };
  const vsIndexedSpec: Spec = { name: 'bulk_load_ratio_vs_indexed', unit: '×', budget: null };
  const loadLabel = label('demo', 'load');
  if (!loadLabel) return { results: [missing(ratio, 'demo data panel')], loaded: null };
  const app: number[] = [];
  const raw: number[] = [];
  const indexed: number[] = [];
  let loaded: LoadedProfile | null = null;
  let docs = 0;
  try {
    for (let i = 0; i < ctx.loadRuns; i++) {
      const context = await newContext(ctx.browser);
      const page = await context.newPage();
      await page.goto(url(ctx, '/settings/data'));
      await page.getByRole('radio', { name: label('demo', `size.${ctx.size}`) }).check();
      if (ctx.years > 1) await page.getByLabel(label('demo', 'years.label')!, { exact: true }).fill(String(ctx.years));
      const button = page.getByRole('button', { name: loadLabel });
      await page.waitForFunction((name) => [...document.querySelectorAll('button')].some((b) => b.textContent === name && !b.disabled), loadLabel);
      await button.click();
      const done = page.getByRole('status').filter({ hasText: label('demo', 'done.title')! });
      const refused = page.getByRole('alert').filter({ hasText: label('demo', 'error.title')! });
      await done.or(refused).waitFor({ timeout: 30 * 60_000 });
      if (await refused.count()) throw new Error(`demo data refused: ${await refused.innerText()}`);
      const appMs = await page.evaluate(() => performance.getEntriesByName('sosedi:demo-insert')[0]?.duration ?? NaN);
      const r = await page.evaluate(rawPuts, ctx.profile);
      app.push(appMs);
      raw.push(r.ms);
      indexed.push(r.indexedMs);
      docs = r.docs;
      ctx.log(`  bulk load run ${i + 1}: app ${appMs.toFixed(0)} ms, raw puts ${r.ms.toFixed(0)} ms, into indexed stores ${r.indexedMs.toFixed(0)} ms (${r.docs} stored records)`);
      if (i === ctx.loadRuns - 1) loaded = { context, page };
      else await context.close();
    }
  } catch (e) {
    return { results: [failed(ratio, e)], loaded };
  }
  const note = `${docs} records`;
  return {
    results: [
      { ...ratio, samples: app.map((a, i) => a / raw[i]!), note },
      { ...appSpec, samples: app },
      { ...rawSpec, samples: raw },
      { ...indexedSpec, samples: indexed, note: "same key paths and indexes as the app's stores" },
      { ...vsIndexedSpec, samples: app.map((a, i) => a / indexed[i]!), note: 'context only: the budget is on bulk_load_ratio' },
    ],
    loaded,
  };
}

// ------------------------------------------------------------------ open to interactive + first-screen JS

export async function openToInteractive(ctx: BenchContext, loaded: LoadedProfile): Promise<MetricResult[]> {
  const spec: Spec = { name: 'open_to_interactive_ms', unit: 'ms', budget: 800 };
  const jsSpec: Spec = { name: 'renderer_js_kb_gz', unit: 'KB', budget: null };
  const page = await loaded.context.newPage();
  const cond: Cond = {
    kind: 'all',
    conds: [
      { kind: 'visible', selector: 'nav a' },
      { kind: 'visible', selector: 'main h2' },
      { kind: 'visible', selector: '[data-testid="today-bookings-count"]' },
    ],
  };
  await armOnNavigation(page, cond);
  const scripts = new Set<string>();
  page.on('response', (r) => {
    const u = new URL(r.url());
    if (u.pathname.endsWith('.js')) scripts.add(u.pathname);
  });
  try {
    const samples: number[] = [];
    const kb: number[] = [];
    for (let i = 0; i < ctx.runs; i++) {
      scripts.clear();
      // a goto to the same URL would be a same-document (hash) navigation: reload for a real start-up
      if (i === 0) await page.goto(url(ctx, '/'), { waitUntil: 'commit' });
      else await page.reload({ waitUntil: 'commit' });
      samples.push(await timeSinceNavigation(page));
      let bytes = 0;
      for (const s of scripts) bytes += gzipSync(readFileSync(path.join(ctx.webDir, decodeURIComponent(s)))).length;
      kb.push(bytes / 1024);
    }
    return [
      { ...spec, samples },
      { ...jsSpec, samples: kb, note: `${scripts.size} chunks` },
    ];
  } catch (e) {
    return [failed(spec, e), failed(jsSpec, e)];
  } finally {
    await page.close();
  }
}

// ------------------------------------------------------------------ calendar

/**
 * Busiest day / ISO week / month of live bookings + series occurrences (what the calendar has to draw), in the
 * dataset's last year (several years: the one the 1-year pass has too).
 */
export function busiest(ds: Dataset, anchor: string) {
  const since = dayNumber(anchor) - 364;
  let first = Infinity;
  let last = -Infinity;
  for (const b of ds.bookings) {
    const d = dayNumber(b.start);
    if (d >= since) [first, last] = [Math.min(first, d), Math.max(last, d)];
  }
  const days = [first, last];
  const from = localDate(Math.min(...days) - 7);
  const to = localDate(Math.max(...days) + 7);
  const occ = occurrencesInRange(ds.bookings, ds.series, from, to);
  const count = new Map<string, number>();
  const bump = (k: string) => count.set(k, (count.get(k) ?? 0) + 1);
  for (const o of occ) {
    const d = dayNumber(o.start);
    bump(`day:${localDate(d)}`);
    bump(`week:${localDate(d - weekdayOf(d))}`);
    bump(`month:${o.start.slice(0, 7)}-01`);
  }
  const top = (kind: string) => {
    let best: [string, number] = ['', -1];
    for (const [k, n] of count) if (k.startsWith(kind) && n > best[1]) best = [k.slice(kind.length + 1), n];
    return { date: best[0], events: best[1] };
  };
  return { day: top('day'), week: top('week'), month: top('month') };
}

export async function calendarViews(ctx: BenchContext, loaded: LoadedProfile): Promise<MetricResult[]> {
  const specs: Record<'day' | 'week' | 'month', Spec> = {
    day: { name: 'calendar_day_rooms_ms', unit: 'ms', budget: 100 },
    week: { name: 'calendar_week_ms', unit: 'ms', budget: 100 },
    month: { name: 'calendar_month_ms', unit: 'ms', budget: 200 },
  };
  const page = loaded.page;
  await page.goto(url(ctx, '/calendar'));
  const state = await probe(page, '.rbc-calendar');
  if (state !== 'ready') return Object.values(specs).map((s) => notReady(s, state, 'calendar (react-big-calendar)'));
  const top = busiest(ctx.dataset, ctx.anchor);
  // a date before any data: every navigation starts from an empty view
  const empty = localDate(dayNumber(ctx.anchor) - 365 * ctx.years - 400);
  const out: MetricResult[] = [];
  for (const view of ['day', 'week', 'month'] as const) {
    const target = top[view];
    // month cells show "+N more": count events and "more" links, at least one per busy day cell
    const cond: Cond =
      view === 'month'
        ? { kind: 'all', conds: [{ kind: 'visible', selector: '.rbc-month-view' }, { kind: 'countAtLeast', selector: '.rbc-month-view .rbc-event', min: 1 }] }
        : { kind: 'all', conds: [{ kind: 'visible', selector: `.rbc-time-view` }, { kind: 'countAtLeast', selector: '.rbc-time-view .rbc-event', min: Math.max(1, Math.floor(target.events * 0.9)) }] };
    try {
      const samples = await sample(ctx.runs, async () => {
        await page.evaluate((h) => (location.hash = h), `/calendar?view=${view}&date=${empty}`);
        await page.waitForSelector(view === 'month' ? '.rbc-month-view' : '.rbc-time-view');
        await page.waitForTimeout(200);
        return timeUi(page, cond, 'now', () => page.evaluate((h) => (location.hash = h), `/calendar?view=${view}&date=${target.date}`));
      });
      out.push({ ...specs[view], samples, note: `${target.date}, ${target.events} events` });
    } catch (e) {
      out.push(failed(specs[view], e));
    }
  }
  return out;
}

// ------------------------------------------------------------------ people search

export async function peopleSearch(ctx: BenchContext, loaded: LoadedProfile): Promise<MetricResult> {
  const spec: Spec = { name: 'search_keystroke_p95_ms', unit: 'ms', budget: 16 };
  const page = loaded.page;
  await page.goto(url(ctx, '/people'));
  const input = 'main input[type="search"]';
  const state = await probe(page, input);
  if (state !== 'ready') return notReady(spec, state, 'people search field');
  const surnames = [...new Set(ctx.dataset.people.map((p) => p.name.split(' ')[0]!))].filter((s) => s.length >= 6);
  const allKeys: number[] = [];
  try {
    const samples = await sample(ctx.runs, async (i) => {
      const query = surnames[(i * 7) % surnames.length]!;
      await page.fill(input, '');
      await page.focus(input);
      await page.waitForTimeout(100);
      const keys: number[] = [];
      for (let k = 1; k <= query.length; k++) {
        const ch = query[k - 1]!;
        keys.push(await timeUi(page, { kind: 'inputValue', selector: input, value: query.slice(0, k) }, 'keydown', () => page.keyboard.type(ch)));
      }
      allKeys.push(...keys);
      return summary(keys).p95;
    });
    return { ...spec, samples, note: `p95 per run of ${allKeys.length} keystrokes; all: median ${summary(allKeys).median.toFixed(1)} ms` };
  } catch (e) {
    return failed(spec, e);
  }
}

// ------------------------------------------------------------------ visitor sign-in

export async function visitSignIn(ctx: BenchContext, loaded: LoadedProfile): Promise<MetricResult> {
  const spec: Spec = { name: 'visit_signin_ms', unit: 'ms', budget: 50 };
  const nameLabel = label('visitors', 'door.name');
  if (!nameLabel) return missing(spec, 'visitor sign-in (locales/ru/visitors.json)');
  const page = loaded.page;
  await page.goto(url(ctx, '/visitors'));
  const field = page.getByRole('combobox', { name: nameLabel });
  const state = await probe(page, 'main [role="combobox"]');
  if (state !== 'ready') return notReady(spec, state, 'visitor sign-in field');
  // people with a name nobody else has, not in the building now
  const inside = new Set(ctx.dataset.visits.filter((v) => !v.timeOut).map((v) => v.personId));
  const counts = new Map<string, number>();
  for (const p of ctx.dataset.people) counts.set(p.name, (counts.get(p.name) ?? 0) + 1);
  const candidates = ctx.dataset.people.filter((p) => counts.get(p.name) === 1 && !inside.has(p.id) && p.name.split(' ').length === 3);
  try {
    const samples = await sample(ctx.runs, async (i) => {
      const person = candidates[(i * 13 + 5) % candidates.length]!;
      await field.fill(person.name);
      await page.locator('[role="option"]').filter({ hasText: person.name }).first().waitFor();
      await field.focus();
      const signOut = label('visitors', 'inBuilding.signOutOne', { name: person.name })!;
      return timeUi(page, { kind: 'visible', selector: `button[aria-label=${cssString(signOut)}]` }, 'keydown', () => page.keyboard.press('Enter'));
    });
    return { ...spec, samples };
  } catch (e) {
    return failed(spec, e);
  }
}

// ------------------------------------------------------------------ loans scan

export async function loanScan(ctx: BenchContext, loaded: LoadedProfile): Promise<MetricResult> {
  const spec: Spec = { name: 'loan_scan_ms', unit: 'ms', budget: 50 };
  const scanLabel = label('loans', 'scan.label');
  if (!scanLabel) return missing(spec, 'loans counter (locales/ru/loans.json)');
  const page = loaded.page;
  await page.goto(url(ctx, '/loans'));
  const state = await probe(page, TEXT_INPUT);
  if (state !== 'ready') return notReady(spec, state, 'loans counter');
  if (!label('loans', 'lend.lines')) return missing(spec, 'lend lines table (loans.json lend.lines)');
  try {
    // items with something on the shelf now, by the dataset's open loans
    const out = new Map<string, number>();
    for (const l of ctx.dataset.loans) if (l.status === 'open') for (const line of l.lines) out.set(line.itemId, (out.get(line.itemId) ?? 0) + line.quantity - line.returnedQuantity);
    const onShelf = ctx.dataset.items.filter((it) => it.quantity - (out.get(it.id) ?? 0) >= 2);
    const scan = page.getByLabel(scanLabel, { exact: true });
    const samples = await sample(ctx.runs, async (i) => {
      const item = onShelf[i % onShelf.length]!;
      await scan.fill(item.code);
      await scan.focus();
      const lines = label('loans', 'lend.lines')!;
      return timeUi(page, { kind: 'text', selector: `table[aria-label=${cssString(lines)}]`, contains: item.name }, 'keydown', () => page.keyboard.press('Enter'));
    });
    return { ...spec, samples };
  } catch (e) {
    return failed(spec, e);
  }
}

// ------------------------------------------------------------------ heap after the heavy sections

export async function jsHeap(ctx: BenchContext, loaded: LoadedProfile): Promise<MetricResult> {
  const spec: Spec = { name: 'js_heap_mb', unit: 'MB', budget: 150 };
  const page = loaded.page;
  const week = busiest(ctx.dataset, ctx.anchor).week.date;
  const placeholders: string[] = [];
  try {
    const samples = await sample(ctx.runs, async () => {
      await page.goto(url(ctx, '/'));
      for (const [hash, ready] of [
        [`/calendar?view=week&date=${week}`, '.rbc-calendar'],
        ['/loans', TEXT_INPUT],
        ['/visitors', 'main [role="combobox"]'],
        ['/reports', 'main table, main svg'],
      ] as const) {
        await page.evaluate((h) => (location.hash = h), hash);
        if ((await probe(page, ready)) !== 'ready' && !placeholders.includes(hash)) placeholders.push(hash.split('?')[0]!);
        await page.waitForTimeout(300);
      }
      return heapMb(page);
    });
    const note = placeholders.length ? `not measured yet: ${[...new Set(placeholders)].join(', ')}` : undefined;
    return { ...spec, samples, ...(note ? { note } : {}) };
  } catch (e) {
    return failed(spec, e);
  }
}

// ------------------------------------------------------------------ poster → PDF bytes

/**
 * Browser mode has no printToPDF (it opens the print dialog), so the page gets a stand-in `window.desk` whose
 * printToPdf hands the poster's HTML to Chromium's own PDF printer (what Electron's printToPDF is) through the
 * DevTools protocol, and returns the bytes. Timed in Node: click on "Save PDF" → PDF bytes ready.
 */
export async function posterPdf(ctx: BenchContext, loaded: LoadedProfile): Promise<MetricResult> {
  const spec: Spec = { name: 'poster_pdf_ms', unit: 'ms', budget: 1500 };
  const saveLabel = label('posters', 'page.savePdf');
  if (!saveLabel) return missing(spec, 'posters page (locales/ru/posters.json)');
  const page = await loaded.context.newPage();
  const printer = await (await newContext(ctx.browser)).newPage();
  let finished: ((bytes: number) => void) | undefined;
  try {
    await page.exposeFunction('__benchPdf', async (html: string, pageSize: string, landscape: boolean) => {
      await printer.setContent(html, { waitUntil: 'load' });
      const pdf = await printer.pdf({ format: pageSize === 'A3' ? 'A3' : 'A4', landscape, printBackground: true });
      finished?.(pdf.length);
      return pdf.toString('base64');
    });
    await page.addInitScript(() => {
      const call = (window as unknown as { __benchPdf: (h: string, p: string, l: boolean) => Promise<string> }).__benchPdf;
      const printToPdf = async (r: { html: string; pageSize?: string; landscape?: boolean }) => {
        const b64 = await call(r.html, r.pageSize ?? 'A4', r.landscape ?? false);
        return { ok: true, bytes: Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)) };
      };
      const stub = async () => ({ ok: false, reason: 'canceled' });
      (window as unknown as { desk: unknown }).desk = new Proxy({}, { get: (_t, key) => (key === 'printToPdf' ? printToPdf : key === 'then' ? undefined : stub) });
    });
    await page.goto(url(ctx, '/posters'));
    const button = page.getByRole('button', { name: saveLabel });
    const state = await probe(page, 'main iframe');
    if (state !== 'ready') return notReady(spec, state, 'poster preview');
    const samples = await sample(ctx.runs, async () => {
      await page.waitForFunction((name) => [...document.querySelectorAll('button')].some((b) => b.textContent === name && !b.disabled), saveLabel);
      const bytes = new Promise<number>((resolve) => (finished = resolve));
      const t0 = performance.now();
      await button.click();
      const size = await bytes;
      if (!(size > 1000)) throw new Error(`PDF of ${size} bytes`);
      return performance.now() - t0;
    });
    return { ...spec, samples, note: 'next week (the page default), Chromium PDF via CDP' };
  } catch (e) {
    return failed(spec, e);
  } finally {
    await page.close();
    await printer.context().close();
  }
}

// ------------------------------------------------------------------ month report

/** month_report_ms: open Reports (current month over the full dataset) → figures painted. */
export async function monthReport(ctx: BenchContext, loaded: LoadedProfile): Promise<MetricResult> {
  const spec: Spec = { name: 'month_report_ms', unit: 'ms', budget: 300 };
  // the report opens on the last complete month, compared with the whole month before ("… в сравнении со всем предыдущим периодом: …")
  const compared = label('reports', 'period.comparedWhole', { current: '', previous: '' })?.split(':')[0]?.trim();
  if (!compared) return missing(spec, 'reports page (locales/ru/reports.json)');
  const page = loaded.page;
  await page.goto(url(ctx, '/reports'));
  const state = await probe(page, `main :text(${cssString(compared)})`, 60_000);
  if (state !== 'ready') return notReady(spec, state, 'reports page');
  try {
    const samples = await sample(ctx.runs, async () => {
      await page.evaluate(() => (location.hash = '/people'));
      await page.waitForSelector('main input[type="search"]');
      return timeUi(page, { kind: 'text', selector: 'main p', contains: compared }, 'now', () => page.evaluate(() => (location.hash = '/reports')), 60_000);
    });
    return { ...spec, samples, note: 'last complete month vs the month before, from navigation' };
  } catch (e) {
    return failed(spec, e);
  }
}

// ------------------------------------------------------------------ a year's report

/**
 * year_report_ms: on Reports (the last complete month), a click on "Год" → the year's figures painted: the period
 * label says the year, no loader, the comparison line under the figures is there (the year is compared with the
 * year before: every visit, booking and loan of up to two years is read and counted). The Reports page keeps the
 * months it read (renderer/features/reports/visitMonths.ts): `year_report_first_ms` is the first click of the run,
 * right after Reports opened on the page the bench has used (its months not read yet); `year_report_start_ms` the
 * same click on a page opened just now (a desk at its start: the months the first page read are in the desk's
 * month store on disk, used when they provably still hold, monthStore.ts); both report only; `year_report_ms` the
 * clicks after the first.
 */
export async function yearReport(ctx: BenchContext, loaded: LoadedProfile): Promise<MetricResult[]> {
  const spec: Spec = { name: 'year_report_ms', unit: 'ms', budget: 1000 };
  const firstSpec: Spec = { name: 'year_report_first_ms', unit: 'ms', budget: null };
  const startSpec: Spec = { name: 'year_report_start_ms', unit: 'ms', budget: null };
  const yearLabel = label('reports', 'period.kind.year');
  const monthLabel = label('reports', 'period.kind.month');
  const whole = label('reports', 'period.comparedWhole', { current: '', previous: '' })?.split(':')[0]?.trim();
  const sameDays = label('reports', 'period.comparedSameDays', { current: '', previous: '' })?.split('(')[0]?.trim();
  if (!yearLabel || !monthLabel || !whole || !sameDays) return [spec, firstSpec, startSpec].map((s) => missing(s, 'reports period picker (locales/ru/reports.json)'));
  /** On Reports (its month shown), the time from a click on «Год» to the year's figures painted. */
  const clickYear = async (page: Page, open: () => Promise<unknown>) => {
    await open();
    await page.locator('main p').filter({ hasText: whole }).first().waitFor({ timeout: 60_000 });
    const year = (await page.getByTestId('period-label').innerText()).trim().slice(-4);
    const cond: Cond = {
      kind: 'all',
      conds: [
        { kind: 'exactText', selector: '[data-testid="period-label"]', text: year },
        { kind: 'absent', selector: 'main .mantine-Loader-root' },
        { kind: 'any', conds: [{ kind: 'text', selector: 'main p', contains: whole }, { kind: 'text', selector: 'main p', contains: sameDays }] },
      ],
    };
    return timeUi(page, cond, 'click', () => page.getByText(yearLabel, { exact: true }).click(), 60_000);
  };
  const page = loaded.page;
  try {
    const samples = await sample(ctx.runs + 1, () =>
      clickYear(page, async () => {
        await page.evaluate(() => (location.hash = '/people'));
        await page.waitForSelector('main input[type="search"]');
        await page.evaluate(() => (location.hash = '/reports'));
      }),
    );
    const fresh = await loaded.context.newPage();
    const start = await clickYear(fresh, () => fresh.goto(url(ctx, '/reports'))).finally(() => fresh.close());
    return [
      { ...spec, samples: samples.slice(1), note: 'Reports → "Год": the year of the last complete month vs the year before (its months kept)' },
      { ...firstSpec, samples: samples.slice(0, 1), note: 'the first click of the run, right after Reports opened' },
      { ...startSpec, samples: [start], note: 'the same click on a page opened just now (the months from the store on disk, where they still hold)' },
    ];
  } catch (e) {
    return [failed(spec, e), failed(firstSpec, e), failed(startSpec, e)];
  }
}
