/**
 * live_propagation_ms / live_propagation_p95_ms: two desks online on the same centre; desk A renames a room through
 * Settings → Rooms (edit dialog, "Сохранить"); the time from that click (the event's own timeStamp) to the first
 * animation frame in which desk B's rooms table shows the new name. N edits (50 on a full run), median and p95.
 *
 * Server: real Apache CouchDB 3 (`../shared/couchdb` or COUCHDB_URL), else pouchdb-server (the note says which).
 * Both desks are fresh browser contexts of the same Chromium, the production build, the account stored where
 * Settings → Sync keeps it. Clocks: both pages are on this machine, times are `performance.timeOrigin + now`.
 *
 * Baseline (same run, same server, same browser): the wire floor. Page B long-polls `_changes` of a database of its
 * own, page A PUTs a document into it with fetch; the time from A's request to B's answer, N times.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { provisionCentre } from '../../scripts/lib/provision';
import type { SyncConfig } from '../../shared/sync/config';
import { newContext, type BenchContext } from './metrics';
import { startBenchServer } from './server';
import { storeSyncAccount } from './sync';
import { quantile, type MetricResult } from './stats';

const CENTRE = 'live';

function basic(user: string, password: string): string {
  return 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64');
}

async function openDesk(ctx: BenchContext, config: SyncConfig, profile: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await newContext(ctx.browser);
  await storeSyncAccount(context, profile, config);
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  await page.goto(`${ctx.baseUrl}?profile=${profile}&lang=ru#/settings/rooms`);
  await page.waitForFunction(() => performance.getEntriesByName('sosedi:first-sync-done').length > 0, undefined, { timeout: 120_000, polling: 100 });
  return { page, close: () => context.close() };
}

/** In page B: resolves with the wall-clock time of the first frame in which the rooms table shows `name`. */
function armSeen(page: Page, name: string): Promise<number> {
  return page.evaluate(
    (want) =>
      new Promise<number>((resolve, reject) => {
        const has = () => [...document.querySelectorAll('main table td, main table th')].some((c) => c.textContent?.trim() === want);
        const done = () => requestAnimationFrame(() => resolve(performance.timeOrigin + performance.now()));
        if (has()) return done();
        const timer = setTimeout(() => {
          obs.disconnect();
          reject(new Error(`desk B never showed ${want}`));
        }, 30_000);
        const obs = new MutationObserver(() => {
          if (!has()) return;
          obs.disconnect();
          clearTimeout(timer);
          done();
        });
        obs.observe(document.body, { subtree: true, childList: true, characterData: true });
      }),
    name,
  );
}

async function renameOnA(page: Page, from: string, to: string): Promise<number> {
  await page.getByRole('button', { name: `Изменить: ${from}` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Название').fill(to);
  const save = dialog.getByRole('button', { name: 'Сохранить' });
  await save.evaluate((b) => {
    b.addEventListener('click', (e) => ((window as unknown as { __clickAt: number }).__clickAt = performance.timeOrigin + e.timeStamp), { capture: true, once: true });
  });
  await save.click();
  await dialog.waitFor({ state: 'hidden' });
  return page.evaluate(() => (window as unknown as { __clickAt: number }).__clickAt);
}

/** The wire floor: B long-polls a database, A writes one document into it; request → B's answer. */
async function wireSample(a: Page, b: Page, db: string, auth: string, i: number): Promise<number> {
  const since = await b.evaluate(
    async ({ db, auth }) => ((await (await fetch(`${db}/_changes?since=now&limit=1`, { headers: { Authorization: auth } })).json()) as { last_seq: string }).last_seq,
    { db, auth },
  );
  const seen = b.evaluate(
    async ({ db, auth, since }) => {
      const r = await fetch(`${db}/_changes?feed=longpoll&timeout=30000&limit=1&since=${encodeURIComponent(since)}`, { headers: { Authorization: auth } });
      await r.json();
      return performance.timeOrigin + performance.now();
    },
    { db, auth, since },
  );
  // let B's long-poll reach the server before A writes
  await new Promise((r) => setTimeout(r, 50));
  const sent = await a.evaluate(
    async ({ db, auth, i }) => {
      const t = performance.timeOrigin + performance.now();
      const r = await fetch(`${db}/w-${i}-${Date.now()}`, { method: 'PUT', headers: { Authorization: auth, 'Content-Type': 'application/json' }, body: JSON.stringify({ i }) });
      if (!r.ok) throw new Error(`PUT ${r.status}`);
      return t;
    },
    { db, auth, i },
  );
  return (await seen) - sent;
}

export async function liveEdits(ctx: BenchContext): Promise<MetricResult[]> {
  const spec = { name: 'live_propagation_ms', unit: 'ms', budget: 1000 };
  const p95Spec = { name: 'live_propagation_p95_ms', unit: 'ms', budget: 2000 };
  const wireSpec = { name: 'live_wire_ms', unit: 'ms', budget: null };
  const n = ctx.size === 'tiny' ? 5 : 50;
  let stop: (() => Promise<void>) | null = null;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sosedi-bench-live-'));
  const closers: (() => Promise<void>)[] = [];
  try {
    const started = await startBenchServer(dir);
    stop = started.stop;
    const { server, kind } = started;
    const config: SyncConfig = { url: server.url, centre: CENTRE, user: 'desk-live', password: 'pw-live-desk' };
    await provisionCentre({ url: server.adminUrl, centre: CENTRE, deskUser: config.user, deskPassword: config.password });
    // a database of its own for the wire floor, readable and writable by the desk user
    const admin = basic(server.admin.user, server.admin.password);
    const wireDb = `${server.url}sosedi-live-wire`;
    for (const [method, url, body] of [
      ['PUT', wireDb, undefined],
      ['PUT', `${wireDb}/_security`, { admins: { names: [], roles: [] }, members: { names: [config.user], roles: [] } }],
    ] as const) {
      const r = await fetch(url, { method, headers: { Authorization: admin, 'Content-Type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
      if (!r.ok && r.status !== 412) throw new Error(`${method} ${url}: ${r.status}`);
    }
    ctx.log(`  ${kind} at ${server.url}, two desks opening`);
    const a = await openDesk(ctx, config, 'livea');
    closers.push(a.close);
    const b = await openDesk(ctx, config, 'liveb');
    closers.push(b.close);
    // one room, added on A, seen on B
    let name = 'Зал живой правки';
    await a.page.getByRole('button', { name: 'Добавить помещение' }).click();
    await a.page.getByRole('dialog').getByLabel('Название').fill(name);
    const first = armSeen(b.page, name);
    await a.page.getByRole('dialog').getByRole('button', { name: 'Сохранить' }).click();
    await first;
    const live: number[] = [];
    const wire: number[] = [];
    const auth = basic(config.user, config.password);
    for (let i = 1; i <= n; i++) {
      const next = `Зал ${i}`;
      const seen = armSeen(b.page, next);
      const clicked = await renameOnA(a.page, name, next);
      live.push((await seen) - clicked);
      name = next;
      wire.push(await wireSample(a.page, b.page, wireDb, auth, i));
      if (i % 10 === 0 || i === n) ctx.log(`  edit ${i}/${n}: ${live.at(-1)!.toFixed(0)} ms (wire ${wire.at(-1)!.toFixed(0)} ms)`);
      // a volunteer does not save twice in the same instant
      await new Promise((r) => setTimeout(r, 200));
    }
    const note = `${n} edits on ${kind}`;
    return [
      { ...spec, samples: live, note },
      { ...p95Spec, samples: [quantile([...live].sort((x, y) => x - y), 0.95)], note: `p95 of the ${n} edits` },
      { ...wireSpec, samples: wire, note: 'page → server → long-poll answer on another page' },
    ];
  } catch (e) {
    return [{ ...spec, error: e instanceof Error ? e.message.split('\n')[0]!.slice(0, 300) : String(e) }];
  } finally {
    for (const c of closers.reverse()) await c().catch(() => undefined);
    await stop?.().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}
