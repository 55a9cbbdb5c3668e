/**
 * The two stalls the integration tests found, pinned down against a fake `_changes` feed:
 * - a page shortened by a dropped design document must not look like "the server has no more";
 * - a live long-poll retried with since=now after a failure must not skip what changed in between.
 */
import { describe, expect, it } from 'vitest';
import { createSyncFetch } from './fetch';

const BASE = 'http://127.0.0.1:5999/';
const DB = 'sosedi-c1-people';

/** A CouchDB-like changes feed: seq n holds row n-1. */
function fakeCouch() {
  const rows: { seq: number; id: string; doc: Record<string, unknown> }[] = [];
  const add = (id: string) => rows.push({ seq: rows.length + 1, id, doc: { _id: id, _rev: '1-a', name: id } });
  let failNextLongPoll = false;
  const fetch = (async (input: RequestInfo | URL) => {
    const u = new URL(String(input));
    const sinceParam = u.searchParams.get('since') ?? '0';
    const since = sinceParam === 'now' ? rows.length : Number(sinceParam);
    if (u.searchParams.get('feed') === 'longpoll' && failNextLongPoll) {
      failNextLongPoll = false;
      throw new TypeError('fetch failed');
    }
    const limit = Number(u.searchParams.get('limit') ?? 1000);
    const results = rows.filter((r) => r.seq > since).slice(0, limit);
    const last = results.length ? results[results.length - 1]!.seq : since;
    return new Response(JSON.stringify({ results: limit === 0 ? [] : results, last_seq: limit === 0 ? rows.length : last }), { status: 200 });
  }) as typeof globalThis.fetch;
  return { add, fetch, failLongPoll: () => (failNextLongPoll = true) };
}

const transportFor = (couch: ReturnType<typeof fakeCouch>) =>
  createSyncFetch({ baseUrl: BASE, authorization: 'Basic x', collectionOf: (db) => (db === DB ? 'people' : null), schemas: {}, fetch: couch.fetch });

describe('sync fetch against a changes feed', () => {
  it('a page shortened by the design document is topped up, so a paged pull reads every document', async () => {
    const couch = fakeCouch();
    couch.add('_design/validate');
    for (let i = 0; i < 10; i++) couch.add(`p-${i}`);
    const t = transportFor(couch);
    const seen: string[] = [];
    let since: unknown = 0;
    // RxDB's rule: a page with fewer documents than asked for ends the pull run
    for (let page = 0; page < 20; page++) {
      const r = await t.fetch(`${BASE}${DB}/_changes?feed=normal&since=${String(since)}&limit=4&include_docs=true`);
      const body = (await r.json()) as { results: { id: string }[]; last_seq: unknown };
      seen.push(...body.results.map((x) => x.id));
      since = body.last_seq;
      if (body.results.length < 4) break;
    }
    expect(seen).toEqual(Array.from({ length: 10 }, (_, i) => `p-${i}`));
    t.close();
  });

  it('a live long-poll retried with since=now after a failure still gets the changes made in between', async () => {
    const couch = fakeCouch();
    couch.add('p-0');
    const t = transportFor(couch);
    const url = `${BASE}${DB}/_changes?feed=longpoll&since=now&limit=10&include_docs=true`;
    couch.failLongPoll();
    await expect(t.fetch(url)).rejects.toThrow('fetch failed');
    couch.add('p-1'); // another desk pushes while this one is cut off
    const body = (await (await t.fetch(url)).json()) as { results: { id: string }[] };
    expect(body.results.map((x) => x.id)).toEqual(['p-1']);
    t.close();
  });
});
