/**
 * `npm run server:setup` against the test server: idempotent, exit 0 when everything exists, `--password` needed
 * only to create a desk user (and the message says so).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './server';
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
});
