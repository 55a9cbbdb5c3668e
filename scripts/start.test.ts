import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error plain ESM script without types
import { findElectronBinary, NO_ELECTRON_MESSAGE } from './start.mjs';

const script = fileURLToPath(new URL('./start.mjs', import.meta.url));
const find = findElectronBinary as (env: Record<string, string | undefined>) => { path: string | null; reason?: string };

describe('npm start', () => {
  it('without an Electron binary prints how to get one and how to use browser mode, exit 1', () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'no-electron-'));
    try {
      const env = { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: empty };
      const run = spawnSync(process.execPath, [script], { env, encoding: 'utf8', timeout: 20_000 });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(NO_ELECTRON_MESSAGE as string);
      expect(run.stderr).toMatch(/npm install electron/);
      expect(run.stderr).toMatch(/ELECTRON_OVERRIDE_DIST_PATH/);
      expect(run.stderr).toMatch(/npm run web.*http:\/\/127\.0\.0\.1:4173/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('finds the binary in ELECTRON_OVERRIDE_DIST_PATH', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fake-electron-'));
    try {
      const exe = process.platform === 'win32' ? 'electron.exe' : process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron';
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
