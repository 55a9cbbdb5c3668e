import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { COLLECTION_NAMES, stampChange } from '../../shared/db';
import { bookingClashes } from '../../shared/sync/clashes';
import { createDesk, eventually, provisionTestCentre, sameData, startTestServer, type Desk, type TestServer } from './server';
import { startProxy } from './proxy';
import { booking, person, room, visit } from './docs';
import type { SyncConfig } from '../../shared/sync';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ inMemory: false }); // on disk: it must survive a restart
});
afterAll(async () => {
  await server?.close();
});
const open: Desk[] = [];
afterEach(async () => {
  for (const d of open.splice(0)) await d.close();
});
async function desk(name: string, config: SyncConfig, collections?: Parameters<typeof createDesk>[3]): Promise<Desk> {
  const d = await createDesk(name, config, {}, collections);
  open.push(d);
  return d;
}
const authOf = (c: SyncConfig) => ({ Authorization: 'Basic ' + Buffer.from(`${c.user}:${c.password}`).toString('base64'), 'content-type': 'application/json' });

/** 5,000 by default (bounded time on 2 cores); SOSEDI_FIRST_SYNC_DOCS=20000 runs the full size. */
const FIRST_SYNC_DOCS = Number(process.env.SOSEDI_FIRST_SYNC_DOCS ?? 5000);

describe('sync under faults', () => {
  it(`server stopped in the middle of a first sync of ${FIRST_SYNC_DOCS.toLocaleString('en')} documents, restarted: exact counts`, async () => {
    if (!server.canRestart) {
      console.log('skipped: the CouchDB given by COUCHDB_URL is not ours to stop and restart');
      return;
    }
    const N = FIRST_SYNC_DOCS;
    const config = await provisionTestCentre(server, ['visits', 'conflicts']);
    const by = { desk: 'seed', volunteer: 'seed' };
    const seeded = Date.now();
    for (let i = 0; i < N; i += 2500) {
      const docs = Array.from({ length: Math.min(2500, N - i) }, (_, k) => {
        const { id, ...rest } = visit(by, `v-${String(i + k).padStart(6, '0')}`, i + k);
        return { _id: id, ...rest };
      });
      const r = await fetch(`${server.url}sosedi-${config.centre}-visits/_bulk_docs`, { method: 'POST', headers: authOf(config), body: JSON.stringify({ docs }) });
      expect(r.status).toBe(201);
    }
    console.log(`seeding ${N} documents into ${server.kind} (on disk): ${((Date.now() - seeded) / 1000).toFixed(1)} s`);
    const started = Date.now();
    const a = await desk('A', config, ['visits', 'conflicts']);
    // batches of N/20: the server goes away after a few of them, in the middle of the first sync
    const sync = await a.connect({ batchSize: Math.max(100, Math.round(N / 20)) });
    expect(sync.status$.value.firstSync).toMatchObject({ done: 0, total: N });
    // what the header shows: documents and bytes of the total, never going back, never past the total
    const seen: { done: number; total: number; bytes: number; totalBytes: number }[] = [];
    const watching = sync.status$.subscribe((st) => {
      if (st.firstSync) seen.push(st.firstSync);
    });
    await eventually(async () => (await a.db.visits.count().exec()) >= N * 0.15, 30000, 'a part of the first sync').catch(async (e) => {
      console.log(await a.db.visits.count().exec(), 'server running', server.running(), sync.status$.value.lastError, sync.transport.stats());
      throw e;
    });
    await server.stop();
    const doneAtStop = await a.db.visits.count().exec();
    expect(doneAtStop).toBeLessThan(N);
    await eventually(() => sync.status$.value.phase === 'offline' || sync.status$.value.lastError !== null, 15000, 'the desk notices');
    await server.start();
    await eventually(async () => (await a.db.visits.count().exec()) === N, 50000, `all ${N}`).catch(async (e) => {
      console.log('stalled at', await a.db.visits.count().exec(), 'server running', server.running(), sync.status$.value, sync.transport.stats());
      throw e;
    });
    await eventually(() => sync.status$.value.firstSync === null, 10000, 'first sync done');
    watching.unsubscribe();
    expect(await a.db.visits.count().exec()).toBe(N);
    expect(seen.every((p) => p.total === N && p.done <= p.total && (p.totalBytes === 0 || p.bytes <= p.totalBytes))).toBe(true);
    expect(seen.every((p, i) => i === 0 || (p.done >= seen[i - 1]!.done && p.bytes >= seen[i - 1]!.bytes))).toBe(true);
    expect(seen.at(-1)!.done).toBeGreaterThan(N * 0.9);
    // CouchDB says how large the documents are (sizes.external): the bar shows bytes of a total
    if (server.kind === 'couchdb') expect(seen.at(-1)!.totalBytes).toBeGreaterThan(N * 100);
    console.log(`first sync of ${N} with a server restart: ${((Date.now() - started) / 1000).toFixed(1)} s (stopped at ${doneAtStop})`);
  }, 150000);

  it('through a proxy that cuts and delays connections, both desks converge after it heals', async () => {
    const proxy = await startProxy(server.port);
    try {
      const direct = await provisionTestCentre(server, ['people', 'conflicts']);
      const config = { ...direct, url: proxy.url };
      const a = await desk('A', config, ['people', 'conflicts']);
      const b = await desk('B', config, ['people', 'conflicts']);
      await a.connect();
      await b.connect();
      let n = 0;
      const write = async () => {
        await a.db.people.insert(person(a.author, `a-${n}`, `A ${n}`));
        await b.db.people.insert(person(b.author, `b-${n}`, `B ${n}`));
        n++;
      };
      for (let round = 0; round < 3; round++) {
        await write();
        proxy.cut();
        await write();
        await new Promise((r) => setTimeout(r, 400));
        proxy.heal();
        proxy.delay(150);
        await write();
        await new Promise((r) => setTimeout(r, 400));
        proxy.heal();
      }
      await eventually(async () => (await a.db.people.count().exec()) === 2 * n && (await b.db.people.count().exec()) === 2 * n, 40000, 'every write on both').catch(async (e) => {
        console.log('A', await a.db.people.count().exec(), a.sync!.status$.value, a.sync!.transport.stats(), 'B', await b.db.people.count().exec(), b.sync!.status$.value, b.sync!.transport.stats());
        throw e;
      });
      await eventually(() => sameData(a.db, b.db), 10000, 'same data');
    } finally {
      await proxy.close();
    }
  }, 90000);

  it('every collection live at once within 3 long-poll connections: changes made elsewhere arrive in all of them', async () => {
    const config = await provisionTestCentre(server);
    const a = await desk('A', config, COLLECTION_NAMES);
    const sync = await a.connect({ maxLongPolls: 3, sliceMs: 500 });
    await sync.awaitInSync(30000);
    await new Promise((r) => setTimeout(r, 500)); // let the long-polls start
    // another desk (plain HTTP) writes one document into the person collection of each database
    const by = { desk: 'other', volunteer: 'x' };
    const docs: Record<string, Record<string, unknown>> = {
      people: person(by, 'live-1', 'Живой'),
      rooms: room(by, 'live-1'),
      visits: visit(by, 'live-1', 1),
    };
    for (const [c, doc] of Object.entries(docs)) {
      const { id, ...rest } = doc;
      const put = await fetch(`${server.url}sosedi-${config.centre}-${c}/live-1`, { method: 'PUT', headers: authOf(config), body: JSON.stringify({ _id: id, ...rest }) });
      expect([201, 202], `${c}: ${put.status} ${await put.clone().text()}`).toContain(put.status);
    }
    // One deadline for all three: with 12 collections taking turns on 3 connections, a full turn on a loaded CI
    // machine took over 15 s once (the first collection checked timed out); the point is that each arrives.
    const arrived = async (c: string) => (await (a.db.collections as any)[c].findOne('live-1').exec()) !== null;
    await eventually(async () => (await Promise.all(Object.keys(docs).map(arrived))).every(Boolean), 40000, 'live change in people, rooms and visits').catch(async (e) => {
      console.log('arrived', Object.fromEntries(await Promise.all(Object.keys(docs).map(async (c) => [c, await arrived(c)]))), sync.transport.stats());
      throw e;
    });
    // Twelve collections on three connections take turns: a turn may come after the changes arrived (they can come
    // with a collection's first pull while the machine is busy), so it is waited for, not expected by now.
    await eventually(async () => sync.transport.stats().rotations > 0, 30000, 'the long-polls take turns');
    expect(sync.transport.stats().maxInFlight).toBeLessThanOrEqual(3);
    expect(Object.keys(sync.replications)).toHaveLength(COLLECTION_NAMES.length);
  }, 90000);

  it('the same slot booked on two offline desks: both kept, listed on both, resolved on one → resolved on the other', async () => {
    const config = await provisionTestCentre(server, ['rooms', 'bookings', 'conflicts']);
    const cols = ['rooms', 'bookings', 'conflicts'] as const;
    const a = await desk('A', config, [...cols]);
    const b = await desk('B', config, [...cols]);
    await a.db.rooms.insert(room(a.author, 'hall', 'Зал'));
    await a.connect();
    await b.connect();
    await eventually(async () => (await b.db.rooms.findOne('hall').exec()) !== null, 15000, 'room on B');
    await a.disconnect();
    await b.disconnect();
    await a.db.bookings.insert(booking(a.author, 'bk-a', 'hall', '2026-12-05T18:00', '2026-12-05T20:00', 'Хор', '+7 111'));
    await b.db.bookings.insert(booking(b.author, 'bk-b', 'hall', '2026-12-05T19:00', '2026-12-05T21:00', 'Йога', '+7 222'));
    await a.connect();
    await b.connect();
    const clashesOn = async (d: Desk) =>
      bookingClashes((await d.db.bookings.find().exec()).map((x) => x.toJSON() as any), (await d.db.rooms.find().exec()).map((x) => x.toJSON() as any));
    for (const d of [a, b]) {
      await eventually(async () => (await d.db.bookings.count().exec()) === 2, 15000, 'both bookings kept');
      const list = await clashesOn(d);
      expect(list).toHaveLength(1);
      expect(list[0]!.bookings.map((x) => x.organiser.phone).sort()).toEqual(['+7 111', '+7 222']);
    }
    // B moves its booking: the clash disappears on A too
    await (await b.db.bookings.findOne('bk-b').exec())!.incrementalPatch(stampChange({ start: '2026-12-05T20:00', end: '2026-12-05T22:00' }, b.author));
    await eventually(async () => (await clashesOn(a)).length === 0, 15000, 'resolved on A');
  }, 60000);
});
