/**
 * Real Apache CouchDB 3 for tests, behind the same interface as the pouchdb-server harness:
 * 1. `COUCHDB_URL` (an admin URL of any CouchDB 3, e.g. http://admin:secret@127.0.0.1:5984/): used as it is
 *    (it cannot be stopped and restarted by a test: `canRestart` is false);
 * 2. else `../shared/couchdb/start.sh` beside the repository (CI always has it): a single node on a free loopback
 *    port with its data in a temp folder of ours, so `stop()`/`start()` restart it on the same data;
 * 3. else none: `couchDbUnavailable()` says why, and the caller prints a skip with that reason.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { freePort, type PouchServer } from './pouchdb-server';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
export const COUCHDB_SCRIPTS = resolve(here, '../../../shared/couchdb');

export interface CouchServer extends PouchServer {
  kind: 'couchdb';
  /** False for a server given by COUCHDB_URL (not ours to stop). */
  canRestart: boolean;
  close(): Promise<void>;
}

/** Why no CouchDB 3 can be used here (null: one can). */
export function couchDbUnavailable(): string | null {
  if (process.env.COUCHDB_URL) return null;
  if (existsSync(join(COUCHDB_SCRIPTS, 'start.sh'))) return null;
  return `no CouchDB 3 (set COUCHDB_URL to an admin URL, or put the shared/couchdb release beside the repository: ${COUCHDB_SCRIPTS} is missing)`;
}

export async function startCouchServer(): Promise<CouchServer> {
  const given = process.env.COUCHDB_URL;
  if (given) {
    const u = new URL(given);
    const admin = { user: decodeURIComponent(u.username), password: decodeURIComponent(u.password) };
    u.username = '';
    u.password = '';
    const url = u.toString().replace(/\/?$/, '/');
    return {
      kind: 'couchdb',
      canRestart: false,
      url,
      port: Number(u.port || (u.protocol === 'https:' ? 443 : 80)),
      admin,
      adminUrl: given,
      running: () => true,
      start: async () => {
        throw new Error('COUCHDB_URL: the server is not ours to restart');
      },
      stop: async () => {
        throw new Error('COUCHDB_URL: the server is not ours to stop');
      },
      close: async () => undefined,
    };
  }
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'sosedi-couchdb-'));
  const admin = { user: 'admin', password: 'secret' };
  let up = false;
  const start = async () => {
    if (up) return;
    await run('bash', [join(COUCHDB_SCRIPTS, 'start.sh'), String(port), dir], { timeout: 120000 });
    up = true;
  };
  const stop = async () => {
    if (!up) return;
    up = false;
    await run('bash', [join(COUCHDB_SCRIPTS, 'stop.sh'), String(port)], { timeout: 60000 });
  };
  await start();
  return {
    kind: 'couchdb',
    canRestart: true,
    url: `http://127.0.0.1:${port}/`,
    port,
    admin,
    adminUrl: `http://admin:secret@127.0.0.1:${port}/`,
    running: () => up,
    start,
    stop,
    async close() {
      await stop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
