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
