/**
 * `npm run server:setup` against the test server: idempotent, exit 0 when everything exists, `--password` needed
 * only to create a desk user (and the message says so).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminHeaders, startTestServer, type TestServer } from './server';
import { serverSetup } from './setupCli';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const setup = (...args: string[]) => serverSetup(server.adminUrl, ...args);

describe(`server:setup on ${process.env.SOSEDI_SERVER === 'couchdb' ? 'Apache CouchDB 3' : 'pouchdb-server'}`, () => {
  it('creates, then finds everything and exits 0 without --password; a new desk user needs --password and says so', async () => {
    const centre = `s${process.pid}${Math.random().toString(36).slice(2, 6)}`;
    const first = await setup('--centre', centre, '--password', 'pw-1');
    expect(first.code, first.out).toBe(0);
    expect(first.out).toContain(`created     user desk-${centre}`);
    const again = await setup('--centre', centre);
    expect(again.code, again.out).toBe(0);
    expect(again.out).not.toMatch(/^(created|updated|failed)/m);
    const other = await setup('--centre', `${centre}-b`);
    expect(other.code).toBe(1);
    expect(other.out).toContain(`the desk user desk-${centre}-b does not exist yet: run again with --password`);
  }, 120000);

  it("the server's validate_doc_update refuses a time no desk could read, and takes a real one", async () => {
    const centre = `t${process.pid}${Math.random().toString(36).slice(2, 6)}`;
    expect((await setup('--centre', centre, '--password', 'pw-1')).code).toBe(0);
    const put = (id: string, doc: object) =>
      fetch(`${server.url}sosedi-${centre}-visits/${id}`, { method: 'PUT', headers: adminHeaders(server), body: JSON.stringify(doc) });
    const visit = { timeIn: '2028-02-29T10:00', timeOut: '', purpose: 'visit', createdAt: 'a', updatedAt: 'b', updatedBy: { desk: 'd', volunteer: 'v' } };
    expect((await put('v-ok', visit)).status).toBe(201);
    const refused = await put('v-bad', { ...visit, timeIn: '2026-02-31T10:00' });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { reason: string }).reason).toBe('schema: timeIn: pattern');
    expect((await put('v-late', { ...visit, timeOut: '2028-02-29T24:00' })).status).toBe(403);
  }, 120000);
});
