/**
 * Seeded property test: random inserts/updates/deletes on two collections of three desks, with random sync points
 * (start or stop a desk's replication, wait until a desk is in step) and server events (a document deleted on the
 * server by another client, the centre's databases deleted and provisioned again as after a restore, the server
 * restarted), against one real server (pouchdb-server, or Apache CouchDB 3 with SOSEDI_SERVER=couchdb).
 * At the end every desk syncs: all three and the server hold identical documents, and no write is lost — each
 * write is in the final document, or a later write to the same field (or a later deletion) replaced it, or the
 * conflicts collection shows it to a person.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stampChange, type CollectionName } from '../../shared/db';
import { stableStringify, type SyncConfig } from '../../shared/sync';
import { provisionCentre } from '../../scripts/lib/provision';
import { adminHeaders, createDesk, eventually, provisionTestCentre, reallyUnsent, SERVER_KIND, snapshot, startTestServer, type Desk, type TestServer } from './server';
import { person, room } from './docs';

// Fixed in CI; a soak run takes others: SOSEDI_PROP_SEED=7 SOSEDI_PROP_RUNS=40 npm run test:integration -- property
const SEED = Number(process.env.SOSEDI_PROP_SEED ?? 20261122);
const RUNS = Number(process.env.SOSEDI_PROP_RUNS ?? 8);
/**
 * Databases recreated at random points (`recreate`: a restore from an empty backup) while desks are offline and
 * editing. On Apache CouchDB 3 (the production target) always, in CI too: 44 soak runs of three seeds with it passed
 * (SOSEDI_PROP_SEED=11/23/37, RUNS=12/16/16). Not on pouchdb-server: express-pouchdb's `_changes` route throws
 * (routes/changes.js:62, `complete.results` undefined) and the server process exits when a database is deleted
 * under a live long-poll — the stand-in's crash, not the desk's. SOSEDI_PROP_RECREATE=1 forces it, =0 turns it off.
 */
const RECREATE = process.env.SOSEDI_PROP_RECREATE === '1' || (SERVER_KIND === 'couchdb' && process.env.SOSEDI_PROP_RECREATE !== '0');
if (!RECREATE) console.log(`property: no "recreate" operations on ${SERVER_KIND} (${SERVER_KIND === 'pouchdb' ? 'pouchdb-server exits when a database is deleted under a live long-poll' : 'SOSEDI_PROP_RECREATE=0'}); they run on Apache CouchDB 3`);
const COLS = ['people', 'rooms'] as const;
type Col = (typeof COLS)[number];
const ALL: CollectionName[] = [...COLS, 'conflicts']; // 3 desks × 3 collections: within RxDB's 13 open collections
/** Fields a random update may change (top level: the merge works field by field). */
const FIELDS: Record<Col, string[]> = { people: ['notes', 'email'], rooms: ['name', 'notes'] };

type Op =
  | { t: 'insert'; desk: number; col: Col }
  | { t: 'update'; desk: number; col: Col; pick: number; field: number }
  | { t: 'delete'; desk: number; col: Col; pick: number }
  | { t: 'connect' | 'disconnect' | 'inSync'; desk: number }
  | { t: 'serverDelete'; col: Col; pick: number }
  | { t: 'recreate' | 'restart' };

const deskArb = fc.integer({ min: 0, max: 2 });
const colArb = fc.constantFrom(...COLS);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ t: fc.constant('insert' as const), desk: deskArb, col: colArb }) },
  { weight: 5, arbitrary: fc.record({ t: fc.constant('update' as const), desk: deskArb, col: colArb, pick: fc.nat(50), field: fc.nat(1) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('delete' as const), desk: deskArb, col: colArb, pick: fc.nat(50) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constantFrom('connect' as const, 'inSync' as const), desk: deskArb }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('disconnect' as const), desk: deskArb }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('serverDelete' as const), col: colArb, pick: fc.nat(50) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constantFrom(...(RECREATE ? (['recreate', 'restart'] as const) : (['restart'] as const))) }) },
);

/** One write as the test made it: `value` is a token unique to this write (null for a deletion). */
interface Write {
  seq: number;
  col: Col;
  id: string;
  field: string;
  value: string | null;
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ inMemory: false }); // on disk: a restart keeps the data and the users
});
afterAll(async () => {
  await server?.close();
});

/** The test's own requests to the server: a restart may cut the first one (ECONNRESET), so a few tries. */
async function adminFetch(url: string, init: RequestInit = {}): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetch(url, { ...init, headers: { ...adminHeaders(server), ...(init.headers ?? {}) } });
    } catch (e) {
      if (attempt >= 5) throw e;
      await new Promise((r) => setTimeout(r, 300));
    }
  }
}

const authOf = (c: SyncConfig) => ({ Authorization: 'Basic ' + Buffer.from(`${c.user}:${c.password}`).toString('base64') });

/** The server's documents in the shape of a desk snapshot. */
async function serverSnapshot(config: SyncConfig): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const c of ALL) {
    const r = await adminFetch(`${config.url}sosedi-${config.centre}-${c}/_all_docs?include_docs=true`, { headers: authOf(config) });
    const body = (await r.json()) as { rows: { id: string; doc: Record<string, unknown> }[] };
    out[c] = body.rows
      .filter((row) => !row.id.startsWith('_design/'))
      .map(({ doc }) => {
        const { _id, _rev, _attachments, ...rest } = doc;
        void _rev;
        void _attachments;
        return { id: _id, ...rest };
      })
      .sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1));
  }
  return out;
}

/** Documents that are not the same everywhere: per collection and id, what each holder has. */
function differences(snaps: Record<string, unknown[]>[], holders: string[]): string[] {
  const out: string[] = [];
  for (const c of ALL) {
    const byHolder = snaps.map((s) => new Map((s[c] ?? []).map((d) => [String((d as { id: unknown }).id), stableStringify(d)])));
    const ids = new Set(byHolder.flatMap((m) => [...m.keys()]));
    for (const id of ids) {
      const versions = byHolder.map((m) => m.get(id) ?? '(missing)');
      if (versions.every((v) => v === versions[0])) continue;
      out.push(`${c}/${id}: ` + holders.map((h, i) => `${h}=${versions[i]!.slice(0, 700)}`).join(' | '));
    }
  }
  return out;
}

async function runScenario(ops: Op[]): Promise<void> {
  const config = await provisionTestCentre(server, ALL);
  const desks: Desk[] = [];
  for (const name of ['A', 'B', 'C']) desks.push(await createDesk(name, config, {}, ALL));
  const writes: Write[] = [];
  let seq = 0;
  let inserted = 0;
  const t0 = Date.now();
  try {
    // Shared starting point: documents every desk holds, so that later edits can clash.
    for (const col of COLS) {
      for (let i = 0; i < 2; i++) {
        const id = `${col.slice(0, 1)}-shared-${i}`;
        const token = `ins-${seq}`;
        await (desks[0]!.db.collections[col] as any).insert(col === 'people' ? person(desks[0]!.author, id, token) : room(desks[0]!.author, id, token));
        writes.push({ seq: seq++, col, id, field: 'name', value: token });
      }
    }
    for (const d of desks) await d.connect();
    for (const d of [...desks, ...desks]) await d.sync!.awaitInSync(20000);
    await eventually(async () => (await Promise.all(desks.map((d) => d.db.rooms.count().exec()))).every((n) => n === 2), 10000, 'shared start');

    for (const op of ops) {
      if (op.t === 'serverDelete') {
        // another client deletes a document on the server (DELETE ?rev=: a tombstone without a body)
        const dbUrl = `${config.url}sosedi-${config.centre}-${op.col}`;
        const rows = ((await (await adminFetch(`${dbUrl}/_all_docs`)).json()) as { rows: { id: string; value: { rev: string } }[] }).rows.filter((r) => !r.id.startsWith('_design/'));
        if (rows.length === 0) continue;
        const row = rows[op.pick % rows.length]!;
        const del = await adminFetch(`${dbUrl}/${encodeURIComponent(row.id)}?rev=${row.value.rev}`, { method: 'DELETE' });
        if (del.ok) writes.push({ seq: seq++, col: op.col, id: row.id, field: '', value: null });
        continue;
      }
      if (op.t === 'recreate') {
        // the centre's databases deleted and provisioned again (a restore from a backup that is empty)
        for (const c of ALL) await adminFetch(`${config.url}sosedi-${config.centre}-${c}`, { method: 'DELETE' });
        // pouchdb-server on disk may refuse to make a database again right after deleting it: a few tries
        for (let attempt = 0; ; attempt++) {
          try {
            await provisionCentre({ url: server.adminUrl, centre: config.centre, collections: ALL });
            break;
          } catch (e) {
            if (attempt >= 5) throw e;
            await new Promise((r) => setTimeout(r, 300));
          }
        }
        continue;
      }
      if (op.t === 'restart') {
        if (server.canRestart) {
          await server.stop();
          await server.start();
        }
        continue;
      }
      if (!("desk" in op)) continue;
      const d = desks[op.desk]!;
      if (op.t === 'connect') await d.connect();
      else if (op.t === 'disconnect') await d.disconnect();
      else if (op.t === 'inSync') await d.sync?.awaitInSync(20000);
      else if (op.t === 'insert') {
        const id = `${op.col.slice(0, 1)}-${d.name}-${++inserted}`;
        const token = `ins-${seq}`;
        const doc = op.col === 'people' ? person(d.author, id, token) : room(d.author, id, token);
        await (d.db.collections[op.col] as any).insert(doc);
        writes.push({ seq: seq++, col: op.col, id, field: 'name', value: token });
      } else if (op.t === 'update' || op.t === 'delete') {
        const docs = await (d.db.collections[op.col] as any).find({ sort: [{ id: 'asc' }] }).exec();
        if (docs.length === 0) continue;
        const doc = docs[op.pick % docs.length];
        if (op.t === 'delete') {
          await doc.remove();
          writes.push({ seq: seq++, col: op.col, id: doc.id, field: '', value: null });
        } else {
          const field = FIELDS[op.col][op.field % FIELDS[op.col].length]!;
          const token = `upd-${seq}-${d.name}`;
          await doc.incrementalPatch(stampChange({ [field]: token }, d.author));
          writes.push({ seq: seq++, col: op.col, id: doc.id, field, value: token });
        }
      }
    }

    // Everyone syncs until all three desks and the server hold the same documents.
    for (const d of desks) await d.connect();
    let last: Record<string, unknown[]>[] = [];
    await eventually(
      async () => {
        for (const d of desks)
          await d.sync!.awaitInSync(20000).catch((e) => {
            console.log(`desk ${d.name} did not settle:`, JSON.stringify(d.sync!.status$.value));
            throw e;
          });
        last = [...(await Promise.all(desks.map((d) => snapshot(d.db, ALL)))), await serverSnapshot(config)];
        const snaps = last.map(stableStringify);
        return snaps.every((s) => s === snaps[0]);
      },
      // generous: after several restores every desk re-sends and re-reads everything, slowly on a loaded machine
      60000,
      'three desks and the server converge',
    ).catch((e) => {
      console.log('did not converge:', differences(last, ['A', 'B', 'C', 'server']).slice(0, 10));
      for (const d of desks) console.log(`desk ${d.name}:`, JSON.stringify(d.sync?.status$.value), d.sync?.transport.stats());
      throw e;
    });
    // the pending count is exact: what each desk says waits to go up is what the server really lacks (nothing)
    for (const d of desks) {
      await eventually(async () => d.sync!.status$.value.pending === (await reallyUnsent(d)), 15000, `desk ${d.name}: pending = really unsent`).catch((e) => {
        console.log(`desk ${d.name}:`, JSON.stringify(d.sync!.status$.value));
        throw e;
      });
      expect(await reallyUnsent(d)).toBe(0);
    }
    const final = await snapshot(desks[0]!.db, ALL);
    const byId = new Map<string, Record<string, unknown>>();
    for (const c of COLS) for (const doc of final[c] as Record<string, unknown>[]) byId.set(`${c}/${String(doc.id)}`, doc);
    const shownToPerson = JSON.stringify(final.conflicts);
    if (process.env.SOSEDI_PROP_STATS === '1') console.log(`run: ${ops.length} ops, ${writes.length} writes, ${final.conflicts!.length} conflict records, ${Date.now() - t0} ms`);

    // No lost write.
    const lost: Write[] = [];
    for (const w of writes) {
      if (w.value === null) continue; // a deletion: checked through the writes it replaces
      const doc = byId.get(`${w.col}/${w.id}`);
      if (doc && doc[w.field] === w.value) continue;
      const later = writes.some((x) => x.seq > w.seq && x.col === w.col && x.id === w.id && (x.value === null || x.field === w.field));
      if (later) continue;
      if (shownToPerson.includes(w.value)) {
        if (process.env.SOSEDI_PROP_STATS === '1') console.log('kept only in the conflicts inbox:', w.col, w.id, w.field);
        continue;
      }
      lost.push(w);
    }
    expect(lost, `lost writes (final: ${JSON.stringify([...byId.values()]).slice(0, 1500)})`).toEqual([]);
    // A document is absent only when someone deleted it.
    for (const w of writes) {
      if (!byId.has(`${w.col}/${w.id}`)) expect(writes.some((x) => x.col === w.col && x.id === w.id && x.value === null), `${w.col}/${w.id} vanished`).toBe(true);
    }
  } finally {
    for (const d of desks) await d.close();
  }
}

describe('seeded property: three desks, random writes and sync points', () => {
  it(`always converge with no lost write (seed ${SEED}, ${RUNS} runs)`, async () => {
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 15, maxLength: 40, size: 'max' }), (ops) => runScenario(ops)),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    console.log(`property: ${RUNS} runs in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, Math.max(240000, RUNS * 30000)); // bounded; generous for a loaded 2-core machine (restores and restarts included)
});
