/**
 * A real 3-node Apache CouchDB 3 cluster on loopback for tests (`../shared/couchdb/cluster.sh`: n = 3, q = 2, any
 * node serves the whole cluster). A node can be stopped and started again on its own data (its shards), to test
 * a node down. `close()` always stops every node and removes the data of nodes restarted on a kept folder.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { COUCHDB_SCRIPTS } from './couchdb-server';

const run = promisify(execFile);

export interface CouchCluster {
  /** Each node's root URL (no credentials). */
  urls: string[];
  /** Each node's URL with the admin's credentials. */
  adminUrls: string[];
  admin: { user: string; password: string };
  running(i: number): boolean;
  stopNode(i: number): Promise<void>;
  startNode(i: number): Promise<void>;
  close(): Promise<void>;
}

/** Why no cluster can be started here (null: one can). A COUCHDB_URL server is one node, not ours to stop. */
export function couchClusterUnavailable(): string | null {
  if (!existsSync(join(COUCHDB_SCRIPTS, 'cluster.sh'))) return `no ../shared/couchdb/cluster.sh beside the repository (${COUCHDB_SCRIPTS})`;
  return null;
}

const portFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });

/** A base port with `n` free ports after it. */
async function freeBase(n: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20000 + Math.floor(Math.random() * 20000);
    let ok = true;
    for (let i = 0; i < n && ok; i++) ok = await portFree(base + i);
    if (ok) return base;
  }
  throw new Error('no free ports for a cluster');
}

const stateDir = () => process.env.COUCHDB_STATE_DIR ?? `${process.env.COUCHDB_HOME ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'sosedi-couchdb-3.4.3')}.run`;

export async function startCouchCluster(n = 3, timeoutMs = 120000): Promise<CouchCluster> {
  const base = await freeBase(n);
  const ports = Array.from({ length: n }, (_, i) => base + i);
  const admin = { user: 'admin', password: 'secret' };
  const up = ports.map(() => true);
  /** Data folders of nodes restarted on kept data (stop.sh does not delete a folder it was given). */
  const kept = new Map<number, string>();
  try {
    await run('bash', [join(COUCHDB_SCRIPTS, 'cluster.sh'), 'start', String(n), String(base)], { timeout: timeoutMs });
  } catch (e) {
    await run('bash', [join(COUCHDB_SCRIPTS, 'cluster.sh'), 'stop', String(n), String(base)], { timeout: 60000 }).catch(() => undefined);
    throw e;
  }
  const runDir = (port: number): string => {
    const env = readFileSync(join(stateDir(), `${port}.env`), 'utf8');
    const m = /^RUN=(.*)$/m.exec(env);
    if (!m) throw new Error(`no run dir recorded for port ${port}`);
    return m[1]!;
  };
  return {
    urls: ports.map((p) => `http://127.0.0.1:${p}/`),
    adminUrls: ports.map((p) => `http://${admin.user}:${admin.password}@127.0.0.1:${p}/`),
    admin,
    running: (i) => up[i]!,
    async stopNode(i) {
      const port = ports[i]!;
      if (!up[i]) return;
      const dir = kept.get(port) ?? runDir(port);
      kept.set(port, dir);
      up[i] = false;
      await run('bash', [join(COUCHDB_SCRIPTS, 'stop.sh'), String(port)], { timeout: 60000, env: { ...process.env, KEEP_DATA: '1' } });
    },
    async startNode(i) {
      const port = ports[i]!;
      if (up[i]) return;
      await run('bash', [join(COUCHDB_SCRIPTS, 'start.sh'), String(port), kept.get(port)!], { timeout: timeoutMs, env: { ...process.env, COUCHDB_SINGLE_NODE: 'false' } });
      up[i] = true;
    },
    async close() {
      await run('bash', [join(COUCHDB_SCRIPTS, 'cluster.sh'), 'stop', String(n), String(base)], { timeout: 120000 }).catch(() => undefined);
      for (const dir of kept.values()) rmSync(dir, { recursive: true, force: true });
    },
  };
}
