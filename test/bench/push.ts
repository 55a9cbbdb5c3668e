/**
 * first_push_ratio: a desk that holds a freshly loaded year ("Load demo data", nothing synced yet) is given a fresh
 * centre on Apache CouchDB 3 (`../shared/couchdb` or COUCHDB_URL; pouchdb-server where there is none, the note says
 * which) and pushes all of it ÷ the floor: the same dataset sent from Node with plain `_bulk_docs` (chunks of 2,000,
 * every database at once, as the desk user, so `validate_doc_update` runs) into another fresh centre of the same
 * server, same run.
 *
 * Desk (timed): the loaded profile reloaded with the sync account stored (sync starts at launch); from the engine's
 * `sosedi:sync-start` mark (as wall-clock time) until the server holds as many documents as the desk (polled from
 * Node every 100 ms). BENCH_PROFILE_PUSH=1: a CPU profile of the page over the push, its top self times printed.
 */
import type { SyncConfig } from '../../shared/sync/config';
import { dbName } from '../../shared/sync/config';
import { provisionCentre } from '../../scripts/lib/provision';
import { COLLECTION_NAMES } from '../../shared/db/types';
import type { PouchServer } from '../../scripts/lib/pouchdb-server';
import { bulkLoad, type BenchContext } from './metrics';
import { startBenchServer } from './server';
import { deskCounts, seed, storeSyncAccount } from './sync';
import { startCpuProfile } from './cpuProfile';
import { summary, type MetricResult } from './stats';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Documents on the server of a centre, design documents left out. */
async function serverCount(server: PouchServer, centre: string): Promise<number> {
  const admin = 'Basic ' + Buffer.from(`${server.admin.user}:${server.admin.password}`).toString('base64');
  const counts = await Promise.all(
    COLLECTION_NAMES.map(async (c) => {
      const r = await fetch(`${server.url}${dbName(centre, c)}`, { headers: { Authorization: admin } });
      const info = (await r.json()) as { doc_count?: number; doc_del_count?: number };
      return Math.max(0, (info.doc_count ?? 0) - 1) + (info.doc_del_count ?? 0); // the validation design document
    }),
  );
  return counts.reduce((a, b) => a + b, 0);
}

export async function firstPushRatio(ctx: BenchContext): Promise<MetricResult[]> {
  const spec = { name: 'first_push_ratio', unit: '×', budget: null };
  const deskSpec = { name: 'first_push_desk_ms', unit: 'ms', budget: null };
  const floorSpec = { name: 'first_push_floor_ms', unit: 'ms', budget: null };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sosedi-bench-push-'));
  let stop: (() => Promise<void>) | null = null;
  const desk: number[] = [];
  const floors: number[] = [];
  let note = '';
  try {
    const started = await startBenchServer(dir);
    stop = started.stop;
    const { server, kind } = started;
    for (let i = 0; i < ctx.syncRuns; i++) {
      const tag = `${ctx.profile.replace(/[^a-z0-9]/g, '')}r${i}`;
      const deskConfig: SyncConfig = { url: server.url, centre: `push${tag}`, user: `desk-push-${tag}`, password: 'pw-bench-desk' };
      const floorConfig: SyncConfig = { url: server.url, centre: `floor${tag}`, user: `desk-floor-${tag}`, password: 'pw-bench-desk' };
      await provisionCentre({ url: server.adminUrl, centre: deskConfig.centre, deskUser: deskConfig.user, deskPassword: deskConfig.password });
      await provisionCentre({ url: server.adminUrl, centre: floorConfig.centre, deskUser: floorConfig.user, deskPassword: floorConfig.password });

      const t0 = performance.now();
      const sent = await seed(server, floorConfig, ctx.dataset);
      const floorMs = performance.now() - t0;

      const { loaded } = await bulkLoad({ ...ctx, loadRuns: 1, log: () => undefined });
      if (!loaded) throw new Error('the demo data did not load');
      const { page, context } = loaded;
      try {
        const counts = await page.evaluate(deskCounts, { profile: ctx.profile, collections: [...COLLECTION_NAMES] });
        const local = Object.values(counts).reduce((a, b) => a + b, 0);
        await storeSyncAccount(context, ctx.profile, deskConfig);
        const profile = process.env.BENCH_PROFILE_PUSH ? await startCpuProfile(page, `/tmp/sosedi-profile-first-push-${ctx.profile}.cpuprofile`) : null;
        await page.reload();
        await page.waitForFunction(() => performance.getEntriesByName('sosedi:sync-start').length > 0, undefined, { timeout: 60_000, polling: 20 });
        const startedAt = await page.evaluate(() => performance.timeOrigin + performance.getEntriesByName('sosedi:sync-start')[0]!.startTime);
        const deadline = Date.now() + 30 * 60_000;
        let onServer = 0;
        for (;;) {
          onServer = await serverCount(server, deskConfig.centre);
          if (onServer >= local) break;
          if (Date.now() > deadline) throw new Error(`the desk pushed ${onServer} of ${local} documents in 30 min`);
          await new Promise((r) => setTimeout(r, 100));
        }
        const deskMs = Date.now() - startedAt;
        if (profile) for (const line of await profile(1, 40)) ctx.log(line);
        desk.push(deskMs);
        floors.push(floorMs);
        note = `${kind}, desk ${local} documents (${onServer} on the server), floor ${sent} documents`;
        ctx.log(`  first push run ${i + 1}: desk ${deskMs.toFixed(0)} ms (${local} documents), floor ${floorMs.toFixed(0)} ms (${sent}); desk ÷ floor ${(deskMs / floorMs).toFixed(2)}`);
      } finally {
        await context.close();
      }
    }
    return [
      { ...spec, samples: desk.map((d, i) => d / floors[i]!), note },
      { ...deskSpec, samples: desk, note: `median ${summary(desk).median.toFixed(0)} ms` },
      { ...floorSpec, samples: floors, note: 'plain _bulk_docs from Node, 2,000 a request, databases at once' },
    ];
  } catch (e) {
    return [{ ...spec, error: e instanceof Error ? e.message.split('\n')[0]!.slice(0, 300) : String(e) }];
  } finally {
    await stop?.().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}
