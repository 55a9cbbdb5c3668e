#!/usr/bin/env node
// npm start: build the desktop app with electron-vite and launch Electron.
// Where no Electron binary is installed (ELECTRON_SKIP_BINARY_DOWNLOAD, no network to
// Electron's release downloads) print one clear message and exit 1.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The Electron executable, or null with the reason (same rules as the electron package). */
export function findElectronBinary(env = process.env) {
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const exe = process.platform === 'win32' ? 'electron.exe' : process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron';
    const candidate = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, exe);
    return existsSync(candidate) ? { path: candidate } : { path: null, reason: `ELECTRON_OVERRIDE_DIST_PATH has no ${exe}` };
  }
  try {
    const resolved = createRequire(path.join(root, 'package.json'))('electron');
    if (typeof resolved === 'string' && existsSync(resolved)) return { path: resolved };
    return { path: null, reason: 'the electron package has no binary' };
  } catch {
    return { path: null, reason: 'the electron package has no binary' };
  }
}

export const NO_ELECTRON_MESSAGE = [
  "Electron's binary is not installed, so the desktop app cannot start here.",
  "  To get it: with network access to Electron's release downloads, run `node node_modules/electron/install.js`",
  '    (the step `npm install electron` runs when its install script is allowed),',
  '  or set ELECTRON_OVERRIDE_DIST_PATH to the folder of an unpacked Electron (the one holding the `electron` executable).',
  '  Or use browser mode instead: `npm run web`, then open http://127.0.0.1:4173 in a browser.',
].join('\n');

function main() {
  const electron = findElectronBinary();
  if (!electron.path) {
    console.error(NO_ELECTRON_MESSAGE);
    process.exit(1);
  }
  const build = spawnSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const child = spawn(electron.path, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
