import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../scripts/lib/pouchdb-server';
import { provisionTestCentre, startTestServer, type TestServer } from '../../../test/integration/server';
import { provisionNetwork } from '../../../scripts/lib/network';
import { testConnection } from './testConnection';

/** The connection test against a real pouchdb-server (Node's fetch has no CORS: that case is browser-only). */
const COLLECTIONS = ['rooms', 'people'];
let server: TestServer;
let notCouch: Server;
let notCouchUrl: string;
beforeAll(async () => {
  server = await startTestServer();
  notCouch = createServer((_, res) => res.end('<html>hello</html>'));
  await new Promise<void>((r) => notCouch.listen(0, '127.0.0.1', r));
  const addr = notCouch.address();
  notCouchUrl = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/`;
}, 30000);
afterAll(async () => {
  await server?.close();
  await new Promise((r) => notCouch?.close(r));
});

describe('testConnection', () => {
  it('names each failure precisely and passes with the right account', async () => {
    const config = await provisionTestCentre(server, COLLECTIONS);
    expect(await testConnection({ ...config, url: 'ftp://x' }, COLLECTIONS)).toEqual({ ok: false, code: 'invalidUrl' });
    expect(await testConnection({ ...config, centre: 'Bad Centre' }, COLLECTIONS)).toEqual({ ok: false, code: 'invalidCentre' });
    expect(await testConnection({ ...config, url: `http://127.0.0.1:${await freePort()}/` }, COLLECTIONS)).toEqual({ ok: false, code: 'unreachable' });
    expect(await testConnection({ ...config, url: notCouchUrl }, COLLECTIONS)).toMatchObject({ ok: false, code: 'notCouch' });
    expect(await testConnection({ ...config, password: 'wrong' }, COLLECTIONS)).toMatchObject({ ok: false, code: 'unauthorized', status: 401 });
    expect(await testConnection(config, [...COLLECTIONS, 'loans'])).toEqual({ ok: false, code: 'dbMissing', status: 404, missing: ['loans'] });
    expect(await testConnection(config, COLLECTIONS)).toEqual({ ok: true, databases: 2 });
  }, 30000);

  it("a network coordinator's account is checked against the network's figures database, not a centre's", async () => {
    const network = `net${process.pid}`;
    const made = await provisionNetwork({ url: server.adminUrl, network, centres: ['dubki'] });
    expect(made.account.password).toBeTruthy();
    const input = { url: server.url, centre: network, user: made.user, password: made.account.password! };
    expect(await testConnection(input, COLLECTIONS)).toEqual({ ok: true, databases: 1 });
    expect(await testConnection({ ...input, centre: 'other' , user: 'network-other' }, COLLECTIONS)).toMatchObject({ ok: false, code: 'unauthorized' });
  }, 30000);
});
