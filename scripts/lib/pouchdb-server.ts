/**
 * Starts pouchdb-server (from npm) as a child process on 127.0.0.1, with its config, log and data kept in
 * one folder, CORS on (browser mode), and a server admin set through its `_config` API.
 * Used by `npm run sync-server` (via scripts/sync-server.mjs) and by the integration/e2e test harness.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export interface PouchServerOptions {
  /** Folder for config.json, log.txt and (unless inMemory) the databases. */
  dir: string;
  port?: number;
  inMemory?: boolean;
  admin?: { user: string; password: string };
  /** Print the server's own log lines. */
  verbose?: boolean;
}

export interface PouchServer {
  url: string;
  port: number;
  admin: { user: string; password: string };
  /** http://admin:password@127.0.0.1:port/ */
  adminUrl: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  running(): boolean;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startPouchServer(options: PouchServerOptions): Promise<PouchServer> {
  const port = options.port ?? (await freePort());
  const admin = options.admin ?? { user: 'admin', password: 'admin-' + Math.random().toString(36).slice(2, 10) };
  mkdirSync(options.dir, { recursive: true });
  const configPath = join(options.dir, 'config.json');
  if (!existsSync(configPath)) {
    writeFileSync(
      configPath,
      JSON.stringify(
        {
          log: { file: join(options.dir, 'log.txt'), level: 'warning' },
          httpd: { enable_cors: true },
          cors: {
            origins: '*',
            credentials: true,
            methods: 'GET, HEAD, POST, PUT, DELETE, COPY',
            headers: 'accept, accept-language, content-language, content-type, authorization, origin, referer',
          },
        },
        null,
        2,
      ),
    );
  }
  const bin = createRequire(import.meta.url).resolve('pouchdb-server/bin/pouchdb-server');
  const url = `http://127.0.0.1:${port}/`;
  let child: ChildProcess | null = null;

  async function waitUp(deadline: number): Promise<void> {
    while (Date.now() < deadline) {
      try {
        const r = await fetch(url, { signal: AbortSignal.timeout(1000) });
        if (r.ok) return;
      } catch {
        // not up yet
      }
      await sleep(100);
    }
    throw new Error(`pouchdb-server did not start on ${url}`);
  }

  async function start(): Promise<void> {
    if (child) return;
    const args = [bin, '-p', String(port), '-o', '127.0.0.1', '-c', configPath, '-d', options.dir + '/', '--no-color'];
    if (options.inMemory) args.push('--in-memory');
    child = spawn(process.execPath, args, { cwd: options.dir, stdio: options.verbose ? 'inherit' : 'ignore' });
    const proc = child;
    proc.on('exit', () => {
      if (child === proc) child = null;
    });
    await waitUp(Date.now() + 20000);
  }

  async function stop(): Promise<void> {
    const proc = child;
    if (!proc) return;
    child = null;
    await new Promise<void>((resolve) => {
      proc.once('exit', () => resolve());
      proc.kill('SIGTERM');
      setTimeout(() => proc.kill('SIGKILL'), 3000).unref();
    });
  }

  await start();
  // A server admin (ends "admin party"); kept in config.json, so a restart keeps it.
  const auth = 'Basic ' + Buffer.from(`${admin.user}:${admin.password}`).toString('base64');
  const probe = await fetch(`${url}_config/admins/${encodeURIComponent(admin.user)}`, { headers: { Authorization: auth } });
  if (probe.status !== 200) {
    const r = await fetch(`${url}_config/admins/${encodeURIComponent(admin.user)}`, {
      method: 'PUT',
      body: JSON.stringify(admin.password),
      headers: { 'content-type': 'application/json' },
    });
    if (!r.ok) throw new Error(`could not set the admin: HTTP ${r.status} ${await r.text()}`);
  }
  const adminUrl = `http://${encodeURIComponent(admin.user)}:${encodeURIComponent(admin.password)}@127.0.0.1:${port}/`;
  return { url, port, admin, adminUrl, stop, start, running: () => child !== null };
}
