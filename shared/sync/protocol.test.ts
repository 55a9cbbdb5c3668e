/**
 * The pull's next page asked for ahead (the wire works while the replication stores a full page). The server here
 * is a stand-in that only answers `_changes` from a list and counts the requests: what is tested is which page each
 * pull asks for; the exchange with real CouchDB 3 and pouchdb-server is test/integration/*.
 */
import { describe, expect, it } from 'vitest';
import { testDatabases } from '../db/testDatabase';
import { generateDataset } from '../fixtures/generate';
import type { ChangesPage, CouchDatabase } from './couch';
import { createLaneProtocol } from './protocol';

const openDb = testDatabases();

// a real visit of the demo data, as the server holds it (`_id`, no primary key field), once per sequence number
const visit = generateDataset({ size: 'tiny', anchor: '2026-12-05T10:00' }).visits[0]!;
function serverVisit(i: number) {
  const { id: _ignored, ...rest } = visit as unknown as Record<string, unknown>;
  return { ...rest, _id: `visit-${i}`, _rev: `1-${i}` };
}

function feed(total: number) {
  const asked: string[] = [];
  let failNext = false;
  const changes = async (since: string, limit: number): Promise<ChangesPage> => {
    asked.push(since);
    if (failNext) {
      failNext = false;
      throw new Error('the line dropped');
    }
    const from = Number(since);
    const results = [];
    for (let i = from + 1; i <= Math.min(total, from + limit); i++) results.push({ seq: String(i), id: `visit-${i}`, doc: serverVisit(i) });
    return { results, lastSeq: String(from + results.length), bytes: 0 };
  };
  return { couch: { changes } as unknown as CouchDatabase, asked, failNextPage: () => (failNext = true) };
}

async function lane(total: number) {
  const db = await openDb();
  const server = feed(total);
  const protocol = createLaneProtocol({ collection: db.visits, couch: server.couch, hooks: { held() {}, readable() {}, refused() {}, confirmed() {}, pulled() {} } });
  return { protocol, ...server };
}

describe('pull: the next page asked for ahead', () => {
  it('a full page asks for the next one at once; the pull from there takes it instead of asking again', async () => {
    const { protocol, asked } = await lane(25);
    const first = await protocol.pull(undefined, 10);
    expect(first.documents).toHaveLength(10);
    expect(asked).toEqual(['0', '10']);
    const second = await protocol.pull(first.checkpoint, 10);
    expect(second.documents).toHaveLength(10);
    expect(asked).toEqual(['0', '10', '20']);
    const third = await protocol.pull(second.checkpoint, 10);
    expect(third.documents).toHaveLength(5);
    expect(third.checkpoint.seq).toBe('25');
    expect(asked).toEqual(['0', '10', '20']); // a short page: nothing more asked for
  });

  it('a pull from elsewhere (a reset, another page size) drops the page asked ahead and asks for its own', async () => {
    const { protocol, asked } = await lane(25);
    await protocol.pull(undefined, 10);
    const fromStart = await protocol.pull(undefined, 10);
    expect(fromStart.checkpoint.seq).toBe('10');
    expect(asked).toEqual(['0', '10', '0', '10']);
    const bigger = await protocol.pull(fromStart.checkpoint, 20);
    expect(bigger.documents).toHaveLength(15);
    expect(asked).toEqual(['0', '10', '0', '10', '10']);
  });

  it('a page asked ahead that failed fails the pull that takes it (retried as any failed pull), never silently', async () => {
    const { protocol, asked, failNextPage } = await lane(25);
    const first = await protocol.pull(undefined, 5); // asks ahead for 5: answered
    failNextPage();
    const second = await protocol.pull(first.checkpoint, 5); // takes 5..10, asks ahead for 10: that ask fails
    expect(second.checkpoint.seq).toBe('10');
    await expect(protocol.pull(second.checkpoint, 5)).rejects.toThrow('the line dropped');
    const retried = await protocol.pull(second.checkpoint, 5);
    expect(retried.checkpoint.seq).toBe('15');
    expect(asked).toEqual(['0', '5', '10', '10', '15']);
  });
});
