import { describe, expect, it } from 'vitest';
import { bellDbName } from '../../shared/sync/config';
import { adminHeaders, eventually, provisionTestCentre, SERVER_KIND, useServerAndDesks } from './server';
import { person, room } from './docs';

/**
 * The bell (shared/sync/engine.ts): a desk that pushed says which collections changed in the centre's bell
 * database; the other desks, long-polling it, pull those collections at once instead of waiting for their turn.
 */
const env = useServerAndDesks();
const desk = env.desk;
const basic = (user: string, password: string) => ({ Authorization: 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64'), 'Content-Type': 'application/json' });

/** One long-poll for all the collections, never handed on: without the bell, only one collection would ever hear. */
const NO_TURNS = { maxLongPolls: 1, sliceMs: 600_000, maxPollMs: 600_000 };

describe(`the bell on ${SERVER_KIND === 'couchdb' ? 'Apache CouchDB 3' : 'pouchdb-server'}`, () => {
  it('an edit on one desk reaches a connected desk in every collection, without waiting for that collection\'s turn', async () => {
    const config = await provisionTestCentre(env.server());
    const a = await desk('A', config);
    const b = await desk('B', config);
    await a.connect(NO_TURNS);
    await b.connect(NO_TURNS);
    await a.sync!.awaitInSync(30000);
    await b.sync!.awaitInSync(30000);
    // both desks are live; now A writes into two collections: at most one of them holds B's single long-poll
    await a.db.rooms.insert(room(a.author, 'bell-room', 'Зал у звонка'));
    await a.db.people.insert(person(a.author, 'bell-person', 'Житель у звонка'));
    await eventually(async () => (await b.db.rooms.findOne('bell-room').exec()) !== null && (await b.db.people.findOne('bell-person').exec()) !== null, 20000, 'both documents on desk B');
    // and back: B's edit reaches A the same way
    await (await b.db.rooms.findOne('bell-room').exec())!.incrementalPatch({ name: 'Зал после звонка' });
    await eventually(async () => (await a.db.rooms.findOne('bell-room').exec())?.name === 'Зал после звонка', 20000, "B's edit on desk A");
  });

  it('the bell holds names of collections only: the server refuses anything else in it', async () => {
    const config = await provisionTestCentre(env.server());
    const url = `${env.server().url}${bellDbName(config.centre)}`;
    const as = basic(config.user, config.password);
    const good = await fetch(`${url}/desk-test`, { method: 'PUT', headers: as, body: JSON.stringify({ collections: ['people'], at: 1 }) });
    expect(good.status).toBe(201);
    for (const body of [
      { collections: ['people'], at: 1, name: 'Иван Петров' },
      { collections: ['Иван Петров'], at: 1 },
      { collections: 'people', at: 1 },
    ]) {
      const bad = await fetch(`${url}/desk-other-${Math.random().toString(36).slice(2, 8)}`, { method: 'PUT', headers: as, body: JSON.stringify(body) });
      expect(bad.status, JSON.stringify(body)).toBe(403);
    }
    const badId = await fetch(`${url}/person-1`, { method: 'PUT', headers: as, body: JSON.stringify({ collections: [], at: 1 }) });
    expect(badId.status).toBe(403);
  });

  it('a server set up before the bell existed still syncs everything (in turns), with no error shown', async () => {
    const config = await provisionTestCentre(env.server());
    const del = await fetch(`${env.server().url}${bellDbName(config.centre)}`, { method: 'DELETE', headers: adminHeaders(env.server()) });
    expect(del.ok).toBe(true);
    const a = await desk('A', config);
    const b = await desk('B', config);
    await a.connect();
    await b.connect();
    await a.db.rooms.insert(room(a.author, 'old-room', 'Зал без звонка'));
    await a.db.people.insert(person(a.author, 'old-person', 'Житель без звонка'));
    await eventually(async () => (await b.db.rooms.findOne('old-room').exec()) !== null && (await b.db.people.findOne('old-person').exec()) !== null, 30000, 'both documents on desk B');
    await eventually(() => a.sync!.status$.value.synced && b.sync!.status$.value.synced, 15000, '"Synced" on both');
    expect(a.sync!.status$.value.lastError).toBeNull();
    expect(b.sync!.status$.value.lastError).toBeNull();
  });
});
