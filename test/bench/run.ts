/**
 * `npm run bench`: builds the browser version into its own folder, serves it on 127.0.0.1 (free port),
 * drives it in Debian's headless Chromium with the full dataset and prints every metric of issue 9
 * (median, min, max over the runs, budget, ok/MISS). Writes bench/results.json.
 *
 *   npm run bench                       full dataset, 5 runs
 *   npm run bench -- --smoke            tiny dataset, 1 run, 1 and 2 years: every metric of a landed feature must be produced
 *   npm run bench -- --years 10         every metric on one year, then on ten years (a profile of its own), and the
 *                                       ratio per metric against the 10-year budgets (issue 19)
 *   options: --size tiny|small|full  --years N  --runs N  --load-runs N (full bulk loads, default = runs)
 *            --sync-runs N (first full pulls, desk and PouchDB each, default = runs)
 *            --years-sync-runs N (first pulls of the long pass, default 1)
 *            --web-dir <built folder, skips the build>  (env BENCH_SIZE, BENCH_YEARS, BENCH_RUNS, BENCH_LOAD_RUNS, BENCH_SYNC_RUNS)
 *            --only first_sync_ratio  (just that metric: no bulk load, it needs none)
 *            --only live_propagation  (two desks online, N edits: no bulk load)
 *            --only bulk_load_ratio   (just the bulk loads: for an A/B of the write path)
 *            --only first_push_ratio  (a desk pushing a freshly loaded year to a fresh centre ÷ plain _bulk_docs from Node;
 *                                      only on request, runs = --sync-runs)
 *            --no-sync                (every metric but first_sync_ratio)
 *
 * Budget misses never fail the run. The smoke run exits 1 when a produced metric is missing or not a number.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
// @ts-expect-error serve-handler ships no types (scripts/serve-web.mjs uses it too)
import handler from 'serve-handler';
import { chromium } from 'playwright-core';
import { generateDataset, MAX_DEMO_YEARS, type FixtureSize } from '../../shared/fixtures/generate';
import { BENCH_CHROMIUM, bulkLoad, calendarViews, jsHeap, loanScan, monthReport, openToInteractive, peopleSearch, posterPdf, visitSignIn, yearReport, type BenchContext } from './metrics';
import { liveEdits } from './live';
import { firstSyncRatio } from './sync';
import { firstPushRatio } from './push';
import { summary, table, verdict, yearsRows, yearsTable, type MetricResult } from './stats';

/** What a full run produces (the smoke fails when one is missing): every pass, and the first pass's live edits. */
const PASS_METRICS = [
  'bulk_load_ratio', 'bulk_load_app_ms', 'bulk_load_raw_idb_ms', 'open_to_interactive_ms', 'renderer_js_kb_gz', 'calendar_day_rooms_ms', 'calendar_week_ms',
  'calendar_month_ms', 'search_keystroke_p95_ms', 'visit_signin_ms', 'loan_scan_ms', 'poster_pdf_ms', 'month_report_ms', 'year_report_ms', 'year_report_first_ms', 'year_report_start_ms', 'js_heap_mb',
  'first_sync_ratio', 'first_sync_vs_floor', 'first_sync_desk_ms', 'first_sync_pouchdb_ms', 'first_sync_floor_ms',
];
const LIVE_METRICS = ['live_propagation_ms', 'live_propagation_p95_ms', 'live_wire_ms'];
import { yardstick } from './baseline';

const argv = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const smoke = argv.includes('--smoke');
/** --no-sync: everything but the first sync (the ~3-minute pulls), for an A/B of page metrics */
const noSync = argv.includes('--no-sync');
const size = (arg('size') ?? process.env.BENCH_SIZE ?? (smoke ? 'tiny' : 'full')) as FixtureSize;
const runs = Number(arg('runs') ?? process.env.BENCH_RUNS ?? (smoke ? 1 : 5));
const loadRuns = Number(arg('load-runs') ?? process.env.BENCH_LOAD_RUNS ?? runs);
const syncRuns = Number(arg('sync-runs') ?? process.env.BENCH_SYNC_RUNS ?? runs);
/** --years N: a second pass on N years of data (the smoke: 2 tiny years) */
const years = Number(arg('years') ?? process.env.BENCH_YEARS ?? (smoke ? 2 : 1));
const yearsSyncRuns = Number(arg('years-sync-runs') ?? 1);
/** --long-only: only the N-year pass (no 1-year pass, no ratios): e.g. the ten-year first sync on its own */
const longOnly = argv.includes('--long-only');
const only = arg('only');
if (
  !['tiny', 'small', 'full'].includes(size) ||
  !(runs >= 1) ||
  !(loadRuns >= 1) ||
  !(syncRuns >= 1) ||
  !(yearsSyncRuns >= 1) ||
  !(Number.isInteger(years) && years >= 1 && years <= MAX_DEMO_YEARS) ||
  (only !== undefined && !['first_sync_ratio', 'bulk_load_ratio', 'live_propagation', 'first_push_ratio'].includes(only))
) {
  console.error('usage: run.ts [--smoke] [--size tiny|small|full] [--years 1..10] [--runs N] [--load-runs N] [--sync-runs N] [--years-sync-runs N] [--web-dir DIR] [--only first_sync_ratio|bulk_load_ratio|live_propagation|first_push_ratio] [--no-sync]');
  process.exit(2);
}
const started = Date.now();
const log = (msg: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${msg}`);

/** "Now" at the centre (Moscow), the anchor the page's demo data will use too. */
function moscowNow(): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date());
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

function build(): { dir: string; temporary: boolean } {
  const given = arg('web-dir');
  if (given) {
    if (!existsSync(path.join(given, 'index.html'))) throw new Error(`no index.html in ${given}`);
    return { dir: path.resolve(given), temporary: false };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sosedi-bench-web-'));
  log(`building the browser version into ${dir}`);
  execFileSync('npx', ['vite', 'build', '--config', 'vite.web.config.ts', '--outDir', dir, '--emptyOutDir', '--logLevel', 'warn'], { stdio: 'inherit' });
  return { dir, temporary: true };
}

function serve(dir: string): Promise<http.Server> {
  const server = http.createServer((req, res) => handler(req, res, { public: dir, directoryListing: false, headers: [{ source: '**/*', headers: [{ key: 'Cache-Control', value: 'no-store' }] }] }));
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<number> {
  const web = build();
  const server = await serve(web.dir);
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await chromium.launch(BENCH_CHROMIUM);
  const anchor = moscowNow();
  const ctxFor = (y: number): BenchContext => ({
    browser,
    baseUrl,
    webDir: web.dir,
    size,
    years: y,
    profile: y === 1 ? 'bench' : `bench${y}y`,
    runs,
    loadRuns,
    syncRuns: y === 1 ? syncRuns : yearsSyncRuns,
    dataset: generateDataset({ size, anchor, years: y }),
    anchor,
    log,
  });
  const results: MetricResult[] = [];
  const yearsResults: MetricResult[] = [];
  const base = await yardstick(browser);
  /** Times a metric group right after the yardstick, so that its ratio sees the same machine state. */
  const measured = async (into: MetricResult[], what: string, run: () => Promise<MetricResult | MetricResult[]>) => {
    const baselineMs = await base.measure();
    log(`${what} (yardstick ${baselineMs.toFixed(1)} ms)`);
    for (const r of ([] as MetricResult[]).concat(await run())) into.push('samples' in r && r.unit === 'ms' ? { ...r, baselineMs } : r);
  };
  /** Every metric on one dataset (its own profile): load through the app, the page metrics, the first sync. */
  const pass = async (ctx: BenchContext, into: MetricResult[]) => {
    const tag = ctx.years === 1 ? '' : ` [${ctx.years} years]`;
    log(`${size} dataset${tag}, ${ctx.dataset ? Object.values(ctx.dataset).reduce((n, l) => n + l.length, 0) : 0} documents, ${runs} run(s), ${loadRuns} bulk load(s), ${baseUrl}`);
    // the sync metric seeds its own server and pulls into fresh desks: it needs no loaded profile
    if (only === 'first_push_ratio') {
      await measured(into, `first push${tag}`, () => firstPushRatio(ctx));
      return;
    }
    const { results: load, loaded } = only === 'first_sync_ratio' || only === 'live_propagation' ? { results: [], loaded: null } : await bulkLoad(ctx);
    into.push(...load);
    if (only === 'bulk_load_ratio') await loaded?.context.close();
    if (loaded && !only) {
      await measured(into, `open to interactive${tag}`, () => openToInteractive(ctx, loaded));
      await measured(into, `calendar${tag}`, () => calendarViews(ctx, loaded));
      await measured(into, `people search${tag}`, () => peopleSearch(ctx, loaded));
      await measured(into, `visitor sign-in${tag}`, () => visitSignIn(ctx, loaded));
      await measured(into, `loan scan${tag}`, () => loanScan(ctx, loaded));
      await measured(into, `poster PDF${tag}`, () => posterPdf(ctx, loaded));
      await measured(into, `month report${tag}`, () => monthReport(ctx, loaded));
      await measured(into, `year report${tag}`, () => yearReport(ctx, loaded));
      log(`heap${tag}`);
      into.push(await jsHeap(ctx, loaded));
      if (smoke) await loaded.page.screenshot({ path: path.join(os.tmpdir(), `sosedi-bench-last${ctx.years}.png`) });
      await loaded.context.close();
    }
    if ((!only || only === 'first_sync_ratio') && !noSync) await measured(into, `first sync${tag}`, () => firstSyncRatio(ctx));
  };
  try {
    const oneYear = ctxFor(1);
    if (!longOnly) await pass(oneYear, results);
    if ((!only || only === 'live_propagation') && !noSync) await measured(results, 'live edits between two desks', () => liveEdits(oneYear));
    // the long pass: its own dataset (generated here only for the busiest periods and names; the page makes its own)
    if (years > 1 && only !== 'live_propagation') await pass(ctxFor(years), yearsResults);
    results.push({ name: 'bench_yardstick_ms', unit: 'ms', budget: null, samples: base.samples, note: 'fixed page work, timed before each metric' });
    await base.close();
  } finally {
    await browser.close();
    server.close();
    if (web.temporary) rmSync(web.dir, { recursive: true, force: true });
  }

  console.log('\n' + table(results) + '\n');
  if (years > 1) {
    console.log(`${years} years:\n` + table(yearsResults) + '\n');
    console.log(`1 year → ${years} years (medians; budgets of issue 19):\n` + yearsTable(results, yearsResults) + '\n');
  }
  const cpu = os.cpus();
  const report = {
    date: new Date().toISOString(),
    commit: gitCommit(),
    cpu: { model: cpu[0]?.model ?? 'unknown', count: cpu.length },
    node: process.version,
    size,
    runs,
    loadRuns,
    syncRuns,
    anchor,
    metrics: results.map((r) => ('samples' in r ? { ...r, ...summary(r.samples), verdict: verdict(r) } : r)),
    ...(years > 1 ? { years, yearsMetrics: yearsResults.map((r) => ('samples' in r ? { ...r, ...summary(r.samples), verdict: verdict(r) } : r)), yearsRatios: yearsRows(results, yearsResults) } : {}),
  };
  if (!smoke) {
    // a partial run (--only, --no-sync) keeps the full run's file and writes its own beside it
    const file = only ? `bench/results-${only}.json` : noSync ? 'bench/results-no-sync.json' : 'bench/results.json';
    mkdirSync('bench', { recursive: true });
    writeFileSync(file, JSON.stringify({ ...report, partial: only ?? (noSync ? 'no-sync' : undefined) }, null, 2));
    log(`wrote ${file}`);
  }
  // A landed feature whose metric came out missing/NaN, or a driver that broke: the benchmark has rotted.
  const broken = [...results, ...yearsResults].filter((r) => 'error' in r || ('samples' in r && (r.samples.length === 0 || r.samples.some((x) => !Number.isFinite(x)))));
  const produced = (list: MetricResult[], name: string) => list.some((r) => r.name === name && 'samples' in r);
  const absent = smoke
    ? [
        ...[...PASS_METRICS, ...LIVE_METRICS].filter((n) => !produced(results, n)),
        ...(years > 1 ? PASS_METRICS.filter((n) => !produced(yearsResults, n)).map((n) => `${n} (${years} years)`) : []),
      ]
    : [];
  if (broken.length || absent.length) {
    const names = [...broken.map((r) => r.name + (yearsResults.includes(r) ? ` (${years} years)` : '')), ...absent];
    console.error(`bench: ${names.length} metric(s) not produced: ${[...new Set(names)].join(', ')}`);
    return smoke ? 1 : 0;
  }
  log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
