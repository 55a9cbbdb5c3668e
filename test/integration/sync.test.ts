import { describe, expect, it } from 'vitest';
import { stampChange } from '../../shared/db';
import { provisionCentre } from '../../scripts/lib/provision';
import { INVALID_PREFIX } from '../../shared/sync';
import { adminHeaders, eventually, reallyUnsent, sameData, provisionTestCentre, SERVER_KIND, snapshot, useServerAndDesks, type Desk } from './server';
import { booking, person, room, visit } from './docs';

const env = useServerAndDesks();
const desk = env.desk;
async function pair(): Promise<[Desk, Desk]> {
  const config = await provisionTestCentre(env.server());
  return [await desk('A', config), await desk('B', config)];
}

async function settle(...desks: Desk[]) {
  // two rounds: what one desk pulls as a merge result the other must pull too
  for (let round = 0; round < 2; round++)
    for (const d of desks)
      await d.sync!.awaitInSync(30000).catch((e) => {
        console.log(`desk ${d.name} did not settle:`, JSON.stringify(d.sync!.status$.value), d.sync!.transport.stats());
        throw e;
      });
}

describe(`two desks against a real ${SERVER_KIND === 'couchdb' ? 'Apache CouchDB 3' : 'pouchdb-server'}`, () => {
  it('both offline, both write; reconnect; both converge and every write is present', async () => {
    const [a, b] = await pair();
    for (let i = 0; i < 30; i++) await a.db.people.insert(person(a.author, `pa-${i}`, `Житель А${i}`));
    for (let i = 0; i < 30; i++) await b.db.visits.insert(visit(b.author, `vb-${i}`, i));
    await a.db.rooms.insert(room(a.author, 'room-1', 'Зал'));
    await b.db.rooms.insert(room(b.author, 'room-2', 'Кухня'));
    await a.connect();
    await b.connect();
    expect(a.sync!.status$.value.pending).toBeGreaterThan(0);
    await settle(a, b);
    await eventually(() => sameData(a.db, b.db), 20000, 'convergence');
    const snap = await snapshot(a.db);
    expect(snap.people).toHaveLength(30);
    expect(snap.visits).toHaveLength(30);
    expect((snap.rooms as { id: string }[]).map((r) => r.id)).toEqual(['room-1', 'room-2']);
    await eventually(() => a.sync!.status$.value.pending === 0 && b.sync!.status$.value.pending === 0, 10000, 'nothing pending');
    expect(await reallyUnsent(a, a.sync!)).toBe(0);
    expect(a.sync!.status$.value.lastSyncAt).not.toBeNull();
    await eventually(() => a.sync!.status$.value.synced && b.sync!.status$.value.synced, 10000, '"Synced" on both');
    await a.close();
    await b.close();
  });

  it('same document edited on both: different fields merge, the same field goes to the inbox on both desks', async () => {
    const [a, b] = await pair();
    await a.connect();
    await b.connect();
    await a.db.people.insert(person(a.author, 'p1', 'Мария'));
    await settle(a, b);
    await eventually(async () => (await b.db.people.findOne('p1').exec()) !== null, 10000, 'p1 on B');
    await a.disconnect();
    await b.disconnect();
    const pa = await a.db.people.findOne('p1').exec();
    await pa!.incrementalPatch(stampChange({ phone: '+7 111', notes: 'из А' }, a.author));
    await new Promise((r) => setTimeout(r, 5));
    const pb = await b.db.people.findOne('p1').exec();
    await pb!.incrementalPatch(stampChange({ email: 'maria@example.org', notes: 'из Б' }, b.author));
    await a.connect();
    await settle(a);
    await b.connect();
    await settle(a, b, a, b);
    await eventually(() => sameData(a.db, b.db), 20000, 'convergence');
    const merged = (await a.db.people.findOne('p1').exec())!.toJSON();
    expect(merged.phone).toBe('+7 111'); // A's field
    expect(merged.email).toBe('maria@example.org'); // B's field
    expect(merged.notes).toBe('из Б'); // the later write wins the clash…
    for (const d of [a, b]) {
      const open = await d.db.conflicts.find({ selector: { kind: 'field', docId: 'p1' } }).exec();
      expect(open).toHaveLength(1); // …and the losing value is kept for a person, on both desks
      expect(open[0]!.fields).toEqual(['notes']);
      expect(JSON.parse(open[0]!.other).notes).toBe('из А');
      expect(JSON.parse(open[0]!.other).updatedBy.desk).toBe('A');
    }
    await a.close();
    await b.close();
  });

  it('deleted on one desk, edited on the other: the edit survives and the inbox shows the deletion', async () => {
    const [a, b] = await pair();
    await a.connect();
    await b.connect();
    await a.db.people.insert(person(a.author, 'p2', 'Олег'));
    await settle(a, b);
    await eventually(async () => (await b.db.people.findOne('p2').exec()) !== null, 10000, 'p2 on B');
    await a.disconnect();
    await b.disconnect();
    await (await a.db.people.findOne('p2').exec())!.remove();
    await (await b.db.people.findOne('p2').exec())!.incrementalPatch(stampChange({ phone: '+7 222' }, b.author));
    await a.connect();
    await settle(a);
    await b.connect();
    await settle(a, b, a, b);
    for (const d of [a, b]) {
      await eventually(async () => (await d.db.people.findOne('p2').exec())?.phone === '+7 222', 10000, 'edit kept');
      await eventually(async () => (await d.db.conflicts.find({ selector: { kind: 'deleted-edited', docId: 'p2' } }).exec()).length === 1, 10000, 'inbox');
    }
    await a.close();
    await b.close();
  });

  it('deleted on both desks while apart: both settle, the document stays deleted, nothing waits to be sent', async () => {
    const [a, b] = await pair();
    await a.connect();
    await b.connect();
    await a.db.people.insert(person(a.author, 'p3', 'Нина'));
    await a.db.people.insert(person(a.author, 'p4', 'Пётр'));
    await settle(a, b);
    await eventually(async () => (await b.db.people.count().exec()) === 2, 10000, 'p3, p4 on B');
    await a.disconnect();
    await b.disconnect();
    await (await a.db.people.findOne('p3').exec())!.remove();
    await (await b.db.people.findOne('p3').exec())!.remove();
    // a write in the same push batch must not be held up by the double deletion either
    await (await b.db.people.findOne('p4').exec())!.incrementalPatch(stampChange({ phone: '+7 444' }, b.author));
    await a.connect();
    await settle(a);
    await b.connect();
    await settle(a, b, a, b);
    for (const d of [a, b]) {
      expect(await d.db.people.findOne('p3').exec()).toBeNull();
      await eventually(async () => (await d.db.people.findOne('p4').exec())?.phone === '+7 444', 10000, 'p4 edit on both');
      await eventually(() => d.sync!.status$.value.pending === 0, 10000, 'nothing pending');
    }
    await a.close();
    await b.close();
  });

  it('deleted on the server between the push check and the write: the edit survives, the inbox shows the deletion, sync settles', async () => {
    const [a, b] = await pair();
    await a.connect();
    await a.db.people.insert(person(a.author, 'p5', 'Зоя'));
    await settle(a);
    await a.disconnect();
    // B's transport: right after the push looked at p5 on the server (POST _all_docs), another desk deletes it there,
    // the way a desk deletes (full body, _deleted), so B's _bulk_docs meets a conflict on a now deleted document.
    let raced = false;
    const racing: typeof fetch = async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      const res = await fetch(input, init);
      if (!raced && init?.method === 'POST' && url.includes('-people/_all_docs') && String(init.body ?? '').includes('p5')) {
        raced = true;
        const auth = new Headers(init.headers).get('Authorization')!;
        const docUrl = url.replace(/_all_docs.*$/, 'p5');
        const current = (await (await fetch(docUrl, { headers: { Authorization: auth } })).json()) as Record<string, unknown>;
        const del = await fetch(docUrl, {
          method: 'PUT',
          headers: { Authorization: auth, 'content-type': 'application/json' },
          body: JSON.stringify({ ...current, _deleted: true }),
        });
        // CouchDB 3 answers a PUT of a deletion with 200, pouchdb-server with 201: both are success
        expect([200, 201]).toContain(del.status);
      }
      return res;
    };
    await b.connect({ fetch: racing });
    const seen: string[] = [];
    const sub = b.sync!.status$.subscribe((st) => st.lastError && seen.push(`${st.lastError.code}: ${st.lastError.detail}`));
    await settle(b);
    await eventually(async () => (await b.db.people.findOne('p5').exec()) !== null, 10000, 'p5 on B');
    await (await b.db.people.findOne('p5').exec())!.incrementalPatch(stampChange({ phone: '+7 555' }, b.author));
    await settle(b, b);
    expect(raced).toBe(true);
    // the conflict re-read met a deleted document: answered with its tombstone, not an error and a retry
    expect(seen).toEqual([]);
    sub.unsubscribe();
    await a.connect();
    await settle(a, b, a, b);
    for (const d of [a, b]) {
      await eventually(async () => (await d.db.people.findOne('p5').exec())?.phone === '+7 555', 10000, 'edit kept');
      await eventually(async () => (await d.db.conflicts.find({ selector: { kind: 'deleted-edited', docId: 'p5' } }).exec()).length === 1, 10000, 'inbox');
      await eventually(() => d.sync!.status$.value.pending === 0, 10000, 'nothing pending');
    }
    await a.close();
    await b.close();
  });

  it('a desk with much waiting pushes it in large batches: few round trips per document, all of it arrives, nothing pending', async () => {
    const [a] = await pair();
    await a.db.visits.bulkInsert(Array.from({ length: 1200 }, (_, i) => visit(a.author, `vbig-${i}`, i)));
    const asked = { bulkDocs: 0, states: 0 };
    const counting: typeof fetch = async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (init?.method === 'POST' && url.includes('-visits/_bulk_docs')) asked.bulkDocs++;
      if (init?.method === 'POST' && url.includes('-visits/_all_docs')) asked.states++;
      return fetch(input, init);
    };
    await a.connect({ fetch: counting });
    await settle(a);
    await eventually(() => a.sync!.status$.value.pending === 0, 20000, 'nothing pending');
    expect(await reallyUnsent(a, a.sync!)).toBe(0);
    // 1,200 documents: a push batch of 100 took 12 writes and 12 looks at the server (plus the pending check's)
    expect(asked.bulkDocs).toBeLessThanOrEqual(3);
    expect(asked.states).toBeLessThanOrEqual(6);
    await a.close();
  });

  it('a push that fails without an HTTP error (an answer that is not CouchDB\'s) is shown, retried, and goes through', async () => {
    const [a] = await pair();
    let spoiled = 0;
    // e.g. a captive portal or a proxy answering 200 with its own page, twice
    const spoiling: typeof fetch = async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (spoiled < 2 && init?.method === 'POST' && url.includes('-people/_bulk_docs')) {
        spoiled++;
        return new Response('<html>Войдите в сеть</html>', { status: 200, headers: { 'content-type': 'text/html' } });
      }
      return fetch(input, init);
    };
    await a.db.people.insert(person(a.author, 'p6', 'Глеб'));
    const engine = await a.connect({ fetch: spoiling });
    const seen: string[] = [];
    const sub = engine.status$.subscribe((s) => seen.push(`${s.phase}:${s.lastError?.code ?? ''}`, s.lastError?.detail ?? ''));
    await settle(a);
    sub.unsubscribe();
    expect(spoiled).toBe(2);
    expect(seen).toContain('error:stalled');
    expect(seen.join(' ')).toMatch(/not a CouchDB answer/);
    await eventually(() => engine.status$.value.phase === 'idle' && engine.status$.value.pending === 0, 10000, 'idle, nothing pending');
    await a.close();
  });

  it('a cancelled booking edited elsewhere stays cancelled and the edit is shown', async () => {
    const [a, b] = await pair();
    await a.connect();
    await b.connect();
    await a.db.rooms.insert(room(a.author, 'r', 'Зал'));
    await a.db.bookings.insert(booking(a.author, 'bk', 'r', '2026-12-01T18:00', '2026-12-01T20:00', 'Хор'));
    await settle(a, b);
    await eventually(async () => (await b.db.bookings.findOne('bk').exec()) !== null, 10000, 'booking on B');
    await a.disconnect();
    await b.disconnect();
    await (await a.db.bookings.findOne('bk').exec())!.incrementalPatch(stampChange({ status: 'cancelled', cancelReason: 'болезнь' }, a.author));
    await new Promise((r) => setTimeout(r, 5));
    await (await b.db.bookings.findOne('bk').exec())!.incrementalPatch(stampChange({ title: 'Хор (перенос)', start: '2026-12-01T19:00' }, b.author));
    await b.connect();
    await settle(b);
    await a.connect();
    await settle(a, b, a, b);
    for (const d of [a, b]) {
      await eventually(async () => (await d.db.bookings.findOne('bk').exec())?.status === 'cancelled', 10000, 'cancellation kept');
      const c = await d.db.conflicts.find({ selector: { kind: 'cancelled-edited', docId: 'bk' } }).exec();
      await eventually(async () => (await d.db.conflicts.find({ selector: { kind: 'cancelled-edited', docId: 'bk' } }).exec()).length === 1, 10000, 'inbox');
      void c;
    }
    const shown = (await a.db.conflicts.find({ selector: { kind: 'cancelled-edited' } }).exec())[0]!;
    expect(JSON.parse(shown.other).title).toBe('Хор (перенос)');
    await a.close();
    await b.close();
  });

  it('a document the server refuses does not block the others and is listed with its reason', async () => {
    const config = await provisionTestCentre(env.server());
    // the server's rule is stricter than this (older) desk's: a name longer than 10 characters is refused
    const strict = await fetch(`${env.server().url}sosedi-${config.centre}-people/_design/sosedi-validate`, {
      headers: { Authorization: 'Basic ' + Buffer.from(`${env.server().admin.user}:${env.server().admin.password}`).toString('base64') },
    }).then((r) => r.json() as Promise<{ _rev: string; validate_doc_update: string }>);
    await fetch(`${env.server().url}sosedi-${config.centre}-people/_design/sosedi-validate`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', Authorization: 'Basic ' + Buffer.from(`${env.server().admin.user}:${env.server().admin.password}`).toString('base64') },
      body: JSON.stringify({
        ...strict,
        validate_doc_update: strict.validate_doc_update.replace('"name":{"type":"string","maxLength":200}', '"name":{"type":"string","maxLength":10}'),
      }),
    });
    const a = await desk('A', config);
    const b = await desk('B', config);
    await a.db.people.insert(person(a.author, 'ok-1', 'Анна'));
    await a.db.people.insert(person(a.author, 'too-long', 'Анна Каренина-Вронская'));
    await a.db.people.insert(person(a.author, 'ok-2', 'Пётр'));
    await a.connect();
    await b.connect();
    await settle(a, b);
    await eventually(async () => (await b.db.people.find().exec()).length === 2, 10000, 'the two good documents on B');
    await eventually(() => a.sync!.status$.value.refused === 1, 10000, 'refused count');
    const listed = await a.db.conflicts.find({ selector: { kind: 'refused', status: 'open' } }).exec();
    expect(listed.map((c) => [c.docId, c.other])).toEqual([['too-long', 'schema: name: maxLength']]);
    expect(JSON.parse(listed[0]!.kept).name).toBe('Анна Каренина-Вронская'); // the list names it as the desk knows it
    // refused is not "Synced", and not pending either: it is listed with its reason
    await eventually(() => a.sync!.status$.value.phase === 'idle', 10000, 'idle');
    expect(a.sync!.status$.value.synced).toBe(false);
    await eventually(async () => a.sync!.status$.value.pending === (await reallyUnsent(a, a.sync!)) - 1, 10000, 'pending = really unsent but the refused one');
    // fixing the document sends it and clears the entry
    await (await a.db.people.findOne('too-long').exec())!.incrementalPatch(stampChange({ name: 'Анна К.' }, a.author));
    await eventually(async () => (await b.db.people.find().exec()).length === 3, 10000, 'the fixed document on B');
    await eventually(() => a.sync!.status$.value.refused === 0, 10000, 'refused cleared');
    await a.close();
    await b.close();
  });

  it('documents of a newer app version are held, not dropped, and the rest keeps syncing', async () => {
    const config = await provisionTestCentre(env.server());
    const auth = { Authorization: 'Basic ' + Buffer.from(`${config.user}:${config.password}`).toString('base64'), 'content-type': 'application/json' };
    const newer = { _id: 'from-v2', name: 'Новый', createdAt: 'x', updatedAt: 'y', updatedBy: { desk: 'v2', volunteer: 'v' }, pronouns: 'она' };
    await fetch(`${env.server().url}sosedi-${config.centre}-people/_bulk_docs`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ docs: [newer, { _id: 'plain', name: 'Обычный', createdAt: 'x', updatedAt: 'y', updatedBy: { desk: 'v2', volunteer: 'v' } }] }),
    });
    const a = await desk('A', config);
    await a.connect();
    await settle(a);
    await eventually(async () => (await a.db.people.findOne('plain').exec()) !== null, 10000, 'plain doc');
    expect(await a.db.people.findOne('from-v2').exec()).toBeNull();
    await eventually(() => a.sync!.status$.value.held === 1, 10000, 'held count');
    const held = (await a.db.conflicts.find({ selector: { kind: 'newer-version' } }).exec())[0]!;
    expect(JSON.parse(held.other).pronouns).toBe('она');
    // the server still has it: nothing was dropped
    const still = await fetch(`${env.server().url}sosedi-${config.centre}-people/from-v2`, { headers: auth }).then((r) => r.json() as Promise<{ pronouns?: string }>);
    expect(still.pronouns).toBe('она');
    await a.close();
  });

  it('"check the server" sends again what the server lost while the desk was not looking', async () => {
    const config = await provisionTestCentre(env.server());
    const a = await desk('A', config);
    await a.connect();
    for (let i = 0; i < 5; i++) await a.db.people.insert(person(a.author, `keep-${i}`, `Человек ${i}`));
    await settle(a);
    await a.disconnect();
    const dbUrl = `${env.server().url}sosedi-${config.centre}-people`;
    // an administrator purges three documents on the server (the database and its identity stay)
    const all = (await fetch(`${dbUrl}/_all_docs`, { headers: adminHeaders(env.server()) }).then((r) => r.json())) as { rows: { id: string; value: { rev: string } }[] };
    const purge = Object.fromEntries(all.rows.filter((r) => ['keep-2', 'keep-3', 'keep-4'].includes(r.id)).map((r) => [r.id, [r.value.rev]]));
    const purged = await fetch(`${dbUrl}/_purge`, { method: 'POST', headers: adminHeaders(env.server()), body: JSON.stringify(purge) });
    if (purged.status >= 300) {
      console.log(`skipped: this server does not support _purge (HTTP ${purged.status}); the restore tests below cover a lost database`);
      await a.close();
      return;
    }
    await a.connect();
    await settle(a);
    const report = await a.sync!.checkServer();
    expect(report.missing).toBe(3);
    expect(report.resent).toBe(3);
    const after = (await fetch(`${dbUrl}/_all_docs`, { headers: adminHeaders(env.server()) }).then((r) => r.json())) as { rows: { id: string }[] };
    expect(after.rows.map((r) => r.id).filter((id) => id.startsWith('keep-')).sort()).toEqual(['keep-0', 'keep-1', 'keep-2', 'keep-3', 'keep-4']);
    await a.close();
  });

  it('a database deleted and provisioned again (restore from an old backup) is noticed with no button: both desks converge', async (ctx) => {
    if (env.server().kind === 'pouchdb') {
      // seen in a fresh-clone CI run with a core busy: the DELETE met a desk's request in flight, pouchdb-server exited
      // (ECONNRESET) and every later test of the file failed; the property test leaves recreations out there too
      console.log('skipped on pouchdb-server: it exits when a database is deleted under a request in flight; this test runs on Apache CouchDB 3 (the next step of npm test)');
      ctx.skip();
    }
    const config = await provisionTestCentre(env.server());
    const a = await desk('A', config);
    const b = await desk('B', config);
    await a.connect();
    await b.connect();
    for (let i = 0; i < 5; i++) await a.db.people.insert(person(a.author, `keep-${i}`, `Человек ${i}`));
    await settle(a, b);
    await eventually(async () => (await b.db.people.count().exec()) === 5, 15000, 'five on B');
    const dbUrl = `${env.server().url}sosedi-${config.centre}-people`;
    const old = (await fetch(`${dbUrl}/_all_docs?include_docs=true`, { headers: adminHeaders(env.server()) }).then((r) => r.json())) as { rows: { id: string; doc: Record<string, unknown> }[] };
    // "restore from an old backup": the database is deleted, provisioned again (security, validation), and gets two documents
    expect((await fetch(dbUrl, { method: 'DELETE', headers: adminHeaders(env.server()) })).ok).toBe(true);
    await provisionCentre({ url: env.server().adminUrl, centre: config.centre, collections: ['people'] });
    const restored = old.rows.filter((r) => ['keep-0', 'keep-1'].includes(r.id)).map((r) => ({ ...r.doc, _rev: undefined }));
    expect((await fetch(`${dbUrl}/_bulk_docs`, { method: 'POST', headers: adminHeaders(env.server()), body: JSON.stringify({ docs: restored }) })).status).toBe(201);
    // nobody presses anything: each desk notices, says so, and sends again what the server lacks
    await eventually(
      async () => {
        const ids = ((await fetch(`${dbUrl}/_all_docs`, { headers: adminHeaders(env.server()) }).then((r) => r.json())) as { rows: { id: string }[] }).rows.map((r) => r.id);
        return ['keep-0', 'keep-1', 'keep-2', 'keep-3', 'keep-4'].every((id) => ids.includes(id));
      },
      30000,
      'the server has all five again',
    );
    for (const d of [a, b]) await eventually(() => d.sync!.status$.value.notice?.code === 'serverReset', 30000, `notice on ${d.name}`);
    // and the desks receive each other's changes again
    await b.db.people.insert(person(b.author, 'after-b', 'После Б'));
    await a.db.people.insert(person(a.author, 'after-a', 'После А'));
    for (const d of [a, b]) await eventually(async () => (await d.db.people.count().exec()) === 7, 30000, `seven on ${d.name}`);
    await settle(a, b, a, b);
    await eventually(() => sameData(a.db, b.db), 15000, 'same data');
    for (const d of [a, b]) {
      await eventually(() => d.sync!.status$.value.pending === 0, 15000, `nothing pending on ${d.name}`);
      expect(await reallyUnsent(d, d.sync!)).toBe(0);
    }
  }, 90000);

  it('a document deleted on the server by another client (DELETE ?rev=, an empty tombstone) reaches a connected desk', async () => {
    const config = await provisionTestCentre(env.server());
    const a = await desk('A', config);
    await a.connect();
    await a.db.people.insert(person(a.author, 'gone', 'Уйдёт'));
    await a.db.people.insert(person(a.author, 'stays', 'Останется'));
    await settle(a);
    const auth = { Authorization: 'Basic ' + Buffer.from(`${config.user}:${config.password}`).toString('base64') };
    const docUrl = `${env.server().url}sosedi-${config.centre}-people/gone`;
    const rev = ((await fetch(docUrl, { headers: auth }).then((r) => r.json())) as { _rev: string })._rev;
    const del = await fetch(`${docUrl}?rev=${rev}`, { method: 'DELETE', headers: auth });
    expect([200, 201]).toContain(del.status);
    await eventually(async () => (await a.db.people.findOne('gone').exec()) === null, 15000, 'the deletion on the desk');
    expect(await a.db.people.findOne('stays').exec()).not.toBeNull();
    await eventually(() => a.sync!.status$.value.synced, 15000, 'Synced');
    expect(a.sync!.status$.value.lastError).toBeNull();
  });

  it('a refused document is sent again by itself once the server accepts it', async () => {
    const config = await provisionTestCentre(env.server());
    const designUrl = `${env.server().url}sosedi-${config.centre}-people/_design/sosedi-validate`;
    const design = await fetch(designUrl, { headers: adminHeaders(env.server()) }).then((r) => r.json() as Promise<{ _rev: string; validate_doc_update: string }>);
    const strict = await fetch(designUrl, {
      method: 'PUT',
      headers: adminHeaders(env.server()),
      body: JSON.stringify({ ...design, validate_doc_update: design.validate_doc_update.replace('"name":{"type":"string","maxLength":200}', '"name":{"type":"string","maxLength":10}') }),
    }).then((r) => r.json() as Promise<{ rev: string }>);
    const a = await desk('A', config);
    await a.db.people.insert(person(a.author, 'long', 'Очень длинное имя человека'));
    await a.connect();
    await eventually(() => a.sync!.status$.value.refused === 1, 15000, 'refused');
    expect(a.sync!.status$.value.synced).toBe(false);
    // the server's rule is put back (e.g. the server was set up again after an app update)
    await fetch(designUrl, { method: 'PUT', headers: adminHeaders(env.server()), body: JSON.stringify({ ...design, _rev: strict.rev }) });
    // the next push of that collection takes it along
    await new Promise((r) => setTimeout(r, 10500));
    await a.db.people.insert(person(a.author, 'other', 'Другой'));
    await eventually(() => a.sync!.status$.value.refused === 0, 20000, 'accepted');
    const got = await fetch(`${env.server().url}sosedi-${config.centre}-people/long`, { headers: adminHeaders(env.server()) });
    expect(got.status).toBe(200);
    await eventually(() => a.sync!.status$.value.synced, 15000, 'Synced');
  }, 60000);

  it('documents on the server that break the schema are listed as invalid there, not as a newer version', async () => {
    const config = await provisionTestCentre(env.server());
    const bad = { _id: 'bad-types', name: 12345, createdAt: 'x', updatedAt: 'y', updatedBy: { desk: 'admin', volunteer: 'v' } };
    // an administrator writes it (the server's validation runs for admins too: take the design document away first)
    const designUrl = `${env.server().url}sosedi-${config.centre}-people/_design/sosedi-validate`;
    const design = await fetch(designUrl, { headers: adminHeaders(env.server()) }).then((r) => r.json() as Promise<{ _rev: string }>);
    await fetch(`${designUrl}?rev=${design._rev}`, { method: 'DELETE', headers: adminHeaders(env.server()) });
    expect((await fetch(`${env.server().url}sosedi-${config.centre}-people/bad-types`, { method: 'PUT', headers: adminHeaders(env.server()), body: JSON.stringify(bad) })).status).toBe(201);
    const a = await desk('A', config);
    await a.connect();
    await settle(a);
    await eventually(() => a.sync!.status$.value.invalid === 1, 10000, 'invalid count');
    expect(a.sync!.status$.value.held).toBe(0);
    const card = (await a.db.conflicts.find({ selector: { kind: 'newer-version' } }).exec())[0]!;
    expect(card.fields[0]).toBe(`${INVALID_PREFIX}name: type`);
    expect(a.sync!.status$.value.synced).toBe(false);
  });

  it('every answer that matters has one meaning: no databases → dbMissing, wrong password → unauthorized', async () => {
    const config = await provisionTestCentre(env.server());
    // first the right user on a centre whose databases do not exist (CouchDB 3 and pouchdb-server answer 404)
    const missing = await desk('M', { ...config, centre: `${config.centre}-nope` });
    await missing.connect();
    await eventually(() => missing.sync!.status$.value.lastError?.code === 'dbMissing', 15000, 'dbMissing');
    expect(missing.sync!.status$.value.synced).toBe(false);
    await missing.disconnect();
    const wrong = await desk('W', { ...config, password: 'not-the-password' });
    await wrong.connect();
    // CouchDB 3.4 answers 401 first, then locks the user out for a while (403 "locked"): both are said in words
    await eventually(() => ['unauthorized', 'lockedOut'].includes(String(wrong.sync!.status$.value.lastError?.code)), 15000, 'unauthorized');
    expect(wrong.sync!.status$.value.phase).toBe('error');
    expect(wrong.sync!.status$.value.synced).toBe(false);
  });

  it('an import or restore undone while sync is paused never reaches the server, not even as deletions', async () => {
    const config = await provisionTestCentre(env.server());
    const a = await desk('A', config);
    await a.db.people.insert(person(a.author, 'before', 'Был раньше'));
    await a.connect();
    await settle(a);
    await a.sync!.pause();
    expect(a.sync!.status$.value.phase).toBe('paused');
    // what restoreIntoEmpty / insertAllOrNothing do when a chunk fails: write, then take back
    await a.db.people.bulkInsert([person(a.author, 'undo-1', 'Откат 1'), person(a.author, 'undo-2', 'Откат 2')]);
    await a.db.people.bulkRemove(['undo-1', 'undo-2']);
    await a.sync!.resume();
    await a.db.people.insert(person(a.author, 'after', 'После'));
    await settle(a, a);
    const r = await fetch(`${env.server().url}sosedi-${config.centre}-people/_all_docs`, {
      method: 'POST',
      headers: adminHeaders(env.server()),
      body: JSON.stringify({ keys: ['before', 'undo-1', 'undo-2', 'after'] }),
    });
    const rows = ((await r.json()) as { rows: { key: string; error?: string }[] }).rows;
    expect(rows.map((row) => [row.key, row.error ?? 'there'])).toEqual([
      ['before', 'there'],
      ['undo-1', 'not_found'],
      ['undo-2', 'not_found'],
      ['after', 'there'],
    ]);
    await eventually(() => a.sync!.status$.value.synced, 15000, 'Synced');
    expect(await reallyUnsent(a)).toBe(0);
  });

  it('a desk that starts again is not "Synced" before its first pull and push went through', async () => {
    const config = await provisionTestCentre(env.server());
    const a = await desk('A', config);
    await a.connect();
    await settle(a);
    await eventually(() => a.sync!.status$.value.synced, 10000, 'Synced');
    await a.disconnect();
    const engine = await a.connect();
    // nothing has run yet (RxDB's activity flag starts out false before the first run: that is no finished run)
    expect(engine.status$.value.synced).toBe(false);
    expect(engine.status$.value.phase).not.toBe('idle');
    await settle(a);
    await eventually(() => engine.status$.value.synced, 10000, 'Synced again');
  });
});
