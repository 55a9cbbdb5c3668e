/**
 * On a real 3-node Apache CouchDB 3 cluster (n = 3, q = 2) started and always stopped by this file:
 * five centres and a network provisioned idempotently; a desk account refused by another centre (403); two desks of
 * one centre through different nodes converge; a node stopped in the middle of a third desk's first sync and during
 * live sync: the desks on the other nodes go on, the desk on the stopped node catches up once it is back, and every
 * desk ends with exactly the documents written. Needs ../shared/couchdb (cluster.sh); runs with SOSEDI_SERVER=couchdb.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basicAuth, dbName, type SyncConfig } from '../../shared/sync';
import type { CollectionName } from '../../shared/db';
import { couchClusterUnavailable, startCouchCluster, type CouchCluster } from '../../scripts/lib/couchdb-cluster';
import { provisionCentre, provisionDesk, type ProvisionLine } from '../../scripts/lib/provision';
import { provisionNetwork } from '../../scripts/lib/network';
import { createDesk, eventually, sameData, snapshot, type Desk } from './server';
import { person, room, visit } from './docs';

const wanted = process.env.SOSEDI_SERVER === 'couchdb';
let skip: string | null = wanted ? couchClusterUnavailable() : 'the cluster tests run with the real CouchDB 3 (SOSEDI_SERVER=couchdb)';
let cluster: CouchCluster | null = null;
const COLLECTIONS: CollectionName[] = ['rooms', 'people', 'visits']; // three desks × 3 collections stay within RxDB's free limit

beforeAll(async () => {
  if (skip) return;
  const t0 = Date.now();
  try {
    cluster = await startCouchCluster(3);
    console.log(`cluster: 3 nodes up in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } catch (e) {
    skip = `the 3-node cluster did not start (${String((e as Error).message).split('\n')[0]})`;
  }
}, 180000);
afterAll(async () => {
  await cluster?.close();
}, 180000);

const changed = (lines: ProvisionLine[]) => lines.filter((l) => l.result !== 'found').map((l) => `${l.result} ${l.what}`);

describe('a 3-node Apache CouchDB 3 cluster', () => {
  it('provisions 5 centres and a network idempotently, through any node; a desk account cannot read another centre', async (ctx) => {
    if (skip) {
      console.log(`skipped: ${skip}`);
      ctx.skip();
    }
    const c = cluster!;
    const centres = ['c1', 'c2', 'c3', 'c4', 'c5'].map((x) => `cl-${x}`);
    const passwords = new Map<string, string>();
    const t0 = Date.now();
    for (const centre of centres) {
      await provisionCentre({ url: c.adminUrls[0]!, centre });
      passwords.set(centre, (await provisionDesk(c.adminUrls[0]!, centre, 'counter')).password!);
    }
    const net = await provisionNetwork({ url: c.adminUrls[0]!, network: 'cl-city', centres });
    expect(net.lines.filter((l) => l.result === 'failed')).toEqual([]);
    console.log(`cluster: 5 centres and a network provisioned in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    // again, through another node: everything found
    const again: string[] = [];
    for (const centre of centres) {
      again.push(...changed(await provisionCentre({ url: c.adminUrls[1]!, centre })));
      again.push(...changed([(await provisionDesk(c.adminUrls[2]!, centre, 'counter')).line]));
    }
    again.push(...changed((await provisionNetwork({ url: c.adminUrls[2]!, network: 'cl-city', centres })).lines));
    expect(again).toEqual([]);
    // a desk of c1 through node 3: its own centre yes, c2 never (403); the network account reads no centre
    const auth = { Authorization: basicAuth('cl-c1.counter', passwords.get('cl-c1')!) };
    expect((await fetch(`${c.urls[2]}${dbName('cl-c1', 'people')}`, { headers: auth })).status).toBe(200);
    expect((await fetch(`${c.urls[2]}${dbName('cl-c2', 'people')}/_all_docs`, { headers: auth })).status).toBe(403);
    const coordinator = { Authorization: basicAuth(net.user, net.account.password!) };
    for (const db of ['people', 'visits', 'loans', 'bookings']) expect((await fetch(`${c.urls[1]}${dbName('cl-c3', db)}/_all_docs`, { headers: coordinator })).status).toBe(403);
    expect((await fetch(`${c.urls[1]}sosedi-network-cl-city-figures/_all_docs`, { headers: coordinator })).status).toBe(200);
  }, 180000);

  it('two desks through different nodes converge; a node stopped mid first sync and during live sync loses nothing', async (ctx) => {
    if (skip) {
      console.log(`skipped: ${skip}`);
      ctx.skip();
    }
    const c = cluster!;
    const centre = 'cl-desks';
    await provisionCentre({ url: c.adminUrls[0]!, centre, collections: COLLECTIONS });
    const config = async (node: number, desk: string): Promise<SyncConfig> => ({
      url: c.urls[node]!,
      centre,
      user: `${centre}.${desk}`,
      password: (await provisionDesk(c.adminUrls[0]!, centre, desk)).password!,
    });
    const desks: Desk[] = [];
    try {
      const a = await createDesk('A', await config(0, 'a'), {}, COLLECTIONS);
      const b = await createDesk('B', await config(1, 'b'), {}, COLLECTIONS);
      desks.push(a, b);
      await a.db.rooms.insert(room(a.author, 'room-1', 'Зал'));
      for (let i = 0; i < 300; i++) await a.db.people.insert(person(a.author, `pa-${i}`, `Житель ${i}`));
      for (let i = 0; i < 100; i++) await b.db.visits.insert(visit(b.author, `vb-${i}`, i % 50));
      await a.connect();
      await b.connect();
      await eventually(() => sameData(a.db, b.db), 60000, 'A (node 1) and B (node 2) converge');
      const count = async (d: Desk) => Object.fromEntries(Object.entries(await snapshot(d.db)).map(([k, v]) => [k, v.length]));
      expect(await count(b)).toEqual({ rooms: 1, people: 300, visits: 100 });

      // C starts its first sync through node 3 (small pages: several exchanges); node 2 stops in the middle
      const cDesk = await createDesk('C', await config(2, 'c'), { batchSize: 25 }, COLLECTIONS);
      desks.push(cDesk);
      await cDesk.connect();
      await eventually(() => (cDesk.sync!.status$.value.firstSync?.done ?? 0) > 0 || cDesk.sync!.status$.value.synced, 30000, 'C’s first sync under way');
      const at = cDesk.sync!.status$.value.firstSync;
      await c.stopNode(1);
      console.log(`cluster: node 2 stopped during C's first sync at ${at ? `${at.done} of ${at.total}` : 'its end'}`);
      // live sync with a node down: A (node 1) writes and C (node 3) sees it; B (on the stopped node) writes offline
      for (let i = 0; i < 40; i++) await a.db.visits.insert(visit(a.author, `va-${i}`, i % 50));
      for (let i = 0; i < 30; i++) await b.db.people.insert(person(b.author, `pb-${i}`, `Гость ${i}`));
      await eventually(async () => (await count(cDesk)).visits === 140 && (await count(cDesk)).people === 300, 90000, 'C complete through the other two nodes');
      await eventually(() => sameData(a.db, cDesk.db), 60000, 'A and C converge without node 2');
      expect(await count(b)).toEqual({ rooms: 1, people: 330, visits: 100 }); // B's writes wait on B

      // node 2 back: B sends what it wrote and takes what it missed; everyone ends with exactly every document
      await c.startNode(1);
      await eventually(async () => (await sameData(a.db, b.db)) && (await sameData(a.db, cDesk.db)), 120000, 'all three desks converge once node 2 is back');
      for (const d of desks) expect(await count(d)).toEqual({ rooms: 1, people: 330, visits: 140 });
      const server = await fetch(`${c.urls[1]}${dbName(centre, 'people')}`, { headers: { Authorization: basicAuth(c.admin.user, c.admin.password) } });
      expect(((await server.json()) as { doc_count: number }).doc_count).toBe(330 + 1); // and the validate_doc_update design document
    } finally {
      for (const d of desks) await d.close();
    }
  }, 420000);
});
