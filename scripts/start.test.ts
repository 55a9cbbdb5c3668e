import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error plain ESM script without types
import { browserOpener, ELECTRON_EXE, findElectronBinary, noElectronLine } from './start.mjs';

const script = fileURLToPath(new URL('./start.mjs', import.meta.url));
const find = findElectronBinary as (env: Record<string, string | undefined>) => { path: string | null; reason?: string };
type Opener = { cmd: string; args: string[] } | null;
const opener = browserOpener as (platform: string, env: Record<string, string | undefined>, has: (cmd: string) => boolean) => Opener;

describe('npm start', () => {
  it('without an Electron binary says so in one line, then serves browser mode on 127.0.0.1 and prints the address', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'no-electron-'));
    // a stand-in build, so the test measures the start script rather than a 30-second production build
    const web = mkdtempSync(path.join(tmpdir(), 'start-web-'));
    writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>Sosedi Desk</title><p>desk-under-test</p>');
    const env = { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: empty, SOSEDI_WEB_DIR: web, PORT: '0', SOSEDI_NO_BROWSER: '1' };
    const child = spawn(process.execPath, [script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no address within 30 s; stdout: ${out}; stderr: ${err}`)), 30_000);
        child.stdout.on('data', () => {
          const m = /running at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
        child.once('exit', (code) => reject(new Error(`start.mjs exited (${code}); stdout: ${out}; stderr: ${err}`)));
      });
      expect(err.trim().split('\n')).toEqual([(noElectronLine as (r: string) => string)(`ELECTRON_OVERRIDE_DIST_PATH has no ${ELECTRON_EXE as string}`)]);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('desk-under-test');
    } finally {
      if (child.exitCode === null) {
        const exited = once(child, 'exit');
        process.kill(child.pid!, 'SIGTERM');
        await exited;
      }
      rmSync(empty, { recursive: true, force: true });
      rmSync(web, { recursive: true, force: true });
    }
    expect(child.exitCode ?? child.signalCode).not.toBeNull();
  }, 40_000);

  it('opens the default browser where one exists, and never where there is none', () => {
    const has = (cmd: string) => cmd === 'xdg-open';
    expect(opener('linux', { DISPLAY: ':0' }, has)).toEqual({ cmd: 'xdg-open', args: [] });
    expect(opener('linux', { WAYLAND_DISPLAY: 'wayland-0' }, has)).toEqual({ cmd: 'xdg-open', args: [] });
    expect(opener('linux', {}, has)).toBeNull(); // a server with no display
    expect(opener('linux', { DISPLAY: ':0' }, () => false)).toBeNull();
    expect(opener('darwin', {}, has)).toEqual({ cmd: 'open', args: [] });
    expect(opener('win32', {}, has)?.cmd).toBe('rundll32');
    expect(opener('darwin', { CI: 'true' }, has)).toBeNull();
    expect(opener('linux', { DISPLAY: ':0', SOSEDI_NO_BROWSER: '1' }, has)).toBeNull();
  });

  it('finds the binary in ELECTRON_OVERRIDE_DIST_PATH', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fake-electron-'));
    try {
      const exe = ELECTRON_EXE as string;
      expect(find({ ELECTRON_OVERRIDE_DIST_PATH: dir }).path).toBeNull();
      if (process.platform === 'linux') {
        writeFileSync(path.join(dir, exe), '');
        expect(find({ ELECTRON_OVERRIDE_DIST_PATH: dir }).path).toBe(path.join(dir, exe));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
