import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A static server of its own for the offline specs: `node scripts/serve-web.mjs` as a child process on a port of its
 * own, stopped by pid (SIGKILL: the port is really closed, not only "offline" in the browser) and started again on
 * the same port (the service worker and IndexedDB belong to that origin).
 */
export class StaticServer {
  private child: ChildProcess | null = null;
  port = 0;

  constructor(public dir: string) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/`;
  }

  async start(dir = this.dir): Promise<void> {
    this.dir = dir;
    const child = spawn(process.execPath, ['scripts/serve-web.mjs'], {
      env: { ...process.env, PORT: String(this.port), SOSEDI_WEB_DIR: dir, HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    this.child = child;
    let out = '';
    child.stdout!.setEncoding('utf8');
    const started = new Promise<number>((resolve, reject) => {
      child.stdout!.on('data', (chunk: string) => {
        out += chunk;
        const m = /running at http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
        if (m) resolve(Number(m[1]));
      });
      child.once('exit', (code) => reject(new Error(`serve-web exited (${code}) before listening: ${out}`)));
    });
    this.port = await started;
  }

  /** Kills the server process by its pid and waits until it is gone. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    process.kill(child.pid!, 'SIGKILL');
    await exited;
    this.child = null;
  }

  /** True when nothing answers on the port any more (the connection is refused). */
  async isDown(): Promise<boolean> {
    try {
      await fetch(this.url, { signal: AbortSignal.timeout(5000) });
      return false;
    } catch {
      return true;
    }
  }
}

/** A copy of a build in a temporary folder (removed by the returned function). */
export function copyBuild(from: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'sosedi-web-'));
  cpSync(from, dir, { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Turns a copy of build A into "build B": index.html gets a marker and the service worker's precache list a new
 * revision for it, exactly what a new deployment changes (the browser sees a new sw.js and installs it).
 */
export function makeNextBuild(dir: string, marker: string): void {
  const index = path.join(dir, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replace('<head>', `<head>\n    <meta name="sosedi-build" content="${marker}" />`));
  const sw = path.join(dir, 'sw.js');
  const text = readFileSync(sw, 'utf8');
  const next = text.replace(/(url:"index\.html",revision:")[^"]*(")/, `$1${marker}$2`);
  if (next === text) throw new Error('index.html not found in the precache list of sw.js');
  writeFileSync(sw, next);
}
