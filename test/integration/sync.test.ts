import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { stampChange } from '../../shared/db';
import type { SyncConfig } from '../../shared/sync';
import { createDesk, eventually, sameData, provisionTestCentre, snapshot, startTestServer, type Desk, type TestServer } from './server';
import { booking, person, room, visit } from './docs';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const open: Desk[] = [];
afterEach(async () => {
  for (const d of open.splice(0)) await d.close();
});
async function desk(name: string, config: SyncConfig): Promise<Desk> {
  const d = await createDesk(name, config);
  open.push(d);
  return d;
}
async function pair(): Promise<[Desk, Desk]> {
  const config = await provisionTestCentre(server);
  return [await desk('A', config), await desk('B', config)];
}

async function settle(...desks: Desk[]) {
  // two rounds: what one desk pulls as a merge result the other must pull too
  for (let round = 0; round < 2; round++) for (const d of desks) await d.sync!.awaitInSync(30000);
}

describe('two desks against a real pouchdb-server', () => {
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
    expect(a.sync!.status$.value.lastSyncAt).not.toBeNull();
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
        expect(del.status).toBe(201);
      }
      return res;
    };
    await b.connect({ fetch: racing });
    const errors: unknown[] = [];
    const sub = b.sync!.replications.people!.error$.subscribe((e) => errors.push(e));
    await settle(b);
    await eventually(async () => (await b.db.people.findOne('p5').exec()) !== null, 10000, 'p5 on B');
    await (await b.db.people.findOne('p5').exec())!.incrementalPatch(stampChange({ phone: '+7 555' }, b.author));
    await settle(b, b);
    expect(raced).toBe(true);
    // the conflict re-read met a deleted document: answered with its tombstone, not an error and a retry
    expect(errors.map(String)).toEqual([]);
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
    const sub = engine.status$.subscribe((s) => seen.push(`${s.phase}:${s.lastError?.code ?? ''}`));
    await settle(a);
    sub.unsubscribe();
    expect(spoiled).toBe(2);
    expect(seen).toContain('error:stalled');
    expect(engine.status$.value.lastError?.detail).toMatch(/^people: RC_PUSH/);
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
    const config = await provisionTestCentre(server);
    // the server's rule is stricter than this (older) desk's: a name longer than 10 characters is refused
    const strict = await fetch(`${server.url}sosedi-${config.centre}-people/_design/sosedi-validate`, {
      headers: { Authorization: 'Basic ' + Buffer.from(`${server.admin.user}:${server.admin.password}`).toString('base64') },
    }).then((r) => r.json() as Promise<{ _rev: string; validate_doc_update: string }>);
    await fetch(`${server.url}sosedi-${config.centre}-people/_design/sosedi-validate`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', Authorization: 'Basic ' + Buffer.from(`${server.admin.user}:${server.admin.password}`).toString('base64') },
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
    expect(a.sync!.status$.value.lastError?.code).toBe('refused');
    // fixing the document sends it and clears the entry
    await (await a.db.people.findOne('too-long').exec())!.incrementalPatch(stampChange({ name: 'Анна К.' }, a.author));
    await eventually(async () => (await b.db.people.find().exec()).length === 3, 10000, 'the fixed document on B');
    await eventually(() => a.sync!.status$.value.refused === 0, 10000, 'refused cleared');
    await a.close();
    await b.close();
  });

  it('documents of a newer app version are held, not dropped, and the rest keeps syncing', async () => {
    const config = await provisionTestCentre(server);
    const auth = { Authorization: 'Basic ' + Buffer.from(`${config.user}:${config.password}`).toString('base64'), 'content-type': 'application/json' };
    const newer = { _id: 'from-v2', name: 'Новый', createdAt: 'x', updatedAt: 'y', updatedBy: { desk: 'v2', volunteer: 'v' }, pronouns: 'она' };
    await fetch(`${server.url}sosedi-${config.centre}-people/_bulk_docs`, {
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
    const still = await fetch(`${server.url}sosedi-${config.centre}-people/from-v2`, { headers: auth }).then((r) => r.json() as Promise<{ pronouns?: string }>);
    expect(still.pronouns).toBe('она');
    await a.close();
  });

  it('"check the server" sends again what a restored server no longer has', async () => {
    const config = await provisionTestCentre(server);
    const a = await desk('A', config);
    await a.connect();
    for (let i = 0; i < 5; i++) await a.db.people.insert(person(a.author, `keep-${i}`, `Человек ${i}`));
    await settle(a);
    const auth = { Authorization: 'Basic ' + Buffer.from(`${server.admin.user}:${server.admin.password}`).toString('base64'), 'content-type': 'application/json' };
    const dbUrl = `${server.url}sosedi-${config.centre}-people`;
    // "restore from an old backup": the database is recreated with only two of the documents
    const all = (await fetch(`${dbUrl}/_all_docs?include_docs=true`, { headers: auth }).then((r) => r.json())) as { rows: { doc: Record<string, unknown> }[] };
    const design = await fetch(`${dbUrl}/_design/sosedi-validate`, { headers: auth }).then((r) => r.json() as Promise<Record<string, unknown>>);
    await fetch(dbUrl, { method: 'DELETE', headers: auth });
    await fetch(dbUrl, { method: 'PUT', headers: auth });
    const old = all.rows.filter((r) => ['keep-0', 'keep-1'].includes(String(r.doc._id))).map((r) => ({ ...r.doc, _rev: undefined }));
    await fetch(`${dbUrl}/_bulk_docs`, { method: 'POST', headers: auth, body: JSON.stringify({ docs: [...old, { ...design, _rev: undefined }] }) });
    const report = await a.sync!.checkServer();
    expect(report.missing).toBe(3);
    expect(report.resent).toBe(3);
    const after = (await fetch(`${dbUrl}/_all_docs`, { headers: auth }).then((r) => r.json())) as { rows: { id: string }[] };
    expect(after.rows.map((r) => r.id).filter((id) => id.startsWith('keep-')).sort()).toEqual(['keep-0', 'keep-1', 'keep-2', 'keep-3', 'keep-4']);
    await a.close();
  });
});
