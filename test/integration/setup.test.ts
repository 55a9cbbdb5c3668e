/**
 * `npm run server:setup` against the test server: idempotent, exit 0 when everything exists, `--password` needed
 * only to create a desk user (and the message says so).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './server';

const run = promisify(execFile);
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

async function setup(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const r = await run(process.execPath, ['--import', 'tsx', 'scripts/server-setup.ts', '--url', server.adminUrl, ...args], { timeout: 60000 });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: err.code ?? 1, out: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

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
