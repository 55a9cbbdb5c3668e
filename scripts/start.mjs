#!/usr/bin/env node
// npm start: build the desktop app with electron-vite and launch Electron.
// Where no Electron binary is installed (ELECTRON_SKIP_BINARY_DOWNLOAD, no network to Electron's release
// downloads) say so in one line, then build browser mode, serve it on 127.0.0.1, print the address and open the
// default browser where there is one (never waiting for it).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { announce, hasWebBuild, serveWeb } from './serve-web.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The executable's path inside an unpacked Electron on this platform. */
export const ELECTRON_EXE = process.platform === 'win32' ? 'electron.exe' : process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron';

const electronPackage = path.join(root, 'node_modules/electron');

/**
 * The Electron executable, or null with the reason. Reads what the electron package's own index.js reads
 * (path.txt → dist/…) without requiring it: since Electron 45 requiring it downloads a missing binary there and then.
 */
export function findElectronBinary(env = process.env) {
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidate = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, ELECTRON_EXE);
    return existsSync(candidate) ? { path: candidate } : { path: null, reason: `ELECTRON_OVERRIDE_DIST_PATH has no ${ELECTRON_EXE}` };
  }
  const pathFile = path.join(electronPackage, 'path.txt');
  if (!existsSync(pathFile)) return { path: null, reason: 'the electron package has no binary' };
  const candidate = path.join(electronPackage, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(candidate) ? { path: candidate } : { path: null, reason: 'the electron package has no binary' };
}

/**
 * Electron 45's package has no install script: it fetches its binary when first asked. Try that once, quietly and
 * for a bounded time (no network → it fails at once); not with ELECTRON_OVERRIDE_DIST_PATH or
 * ELECTRON_SKIP_BINARY_DOWNLOAD=1.
 */
function tryDownloadElectron(env = process.env) {
  if (env.ELECTRON_OVERRIDE_DIST_PATH || env.ELECTRON_SKIP_BINARY_DOWNLOAD === '1') return;
  const install = path.join(electronPackage, 'install.js');
  if (!existsSync(install)) return;
  spawnSync(process.execPath, [install], { cwd: root, stdio: 'ignore', timeout: 180_000 });
}

/** The one line `npm start` prints before it falls back to browser mode. */
export const noElectronLine = (reason) =>
  `No Electron binary here (${reason}): starting the desk in browser mode instead (for the desktop app: \`node node_modules/electron/install.js\` with network access, or ELECTRON_OVERRIDE_DIST_PATH).`;

/**
 * How to open a URL in the default browser on this machine, or null where there is none to open (a server with
 * no display, CI, SOSEDI_NO_BROWSER=1). `has(cmd)` tells whether a command is on PATH.
 */
export function browserOpener(platform, env, has) {
  if (env.SOSEDI_NO_BROWSER === '1' || env.CI) return null;
  if (platform === 'darwin') return { cmd: 'open', args: [] };
  if (platform === 'win32') return { cmd: 'rundll32', args: ['url.dll,FileProtocolHandler'] };
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return null;
  return has('xdg-open') ? { cmd: 'xdg-open', args: [] } : null;
}

const onPath = (cmd) =>
  (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && existsSync(path.join(dir, cmd)));

/** Starts the opener detached and forgets it: a missing or hanging browser never holds up the desk. */
function openBrowser(url) {
  const opener = browserOpener(process.platform, process.env, onPath);
  if (!opener) return;
  try {
    const child = spawn(opener.cmd, [...opener.args, url], { detached: true, stdio: 'ignore', windowsHide: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // no browser after all: the address is printed above
  }
}

/** Browser mode: build out/web (unless SOSEDI_WEB_DIR names a build to serve), serve it on 127.0.0.1, announce. */
async function runBrowserMode() {
  let dir = process.env.SOSEDI_WEB_DIR ? path.resolve(process.env.SOSEDI_WEB_DIR) : null;
  if (!dir) {
    const build = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.web.config.ts', '--logLevel', 'warn'], {
      cwd: root,
      stdio: 'inherit',
    });
    if (build.status !== 0) process.exit(build.status ?? 1);
    dir = path.join(root, 'out/web');
  }
  if (!hasWebBuild(dir)) {
    console.error(`No browser build in ${dir}.`);
    process.exit(1);
  }
  const port = Number(process.env.PORT ?? 4173);
  let served;
  try {
    served = await serveWeb({ dir, port });
  } catch (e) {
    if (e?.code !== 'EADDRINUSE' || port === 0) throw e;
    served = await serveWeb({ dir, port: 0 }); // 4173 taken (another desk running?): any free port
  }
  announce(served);
  openBrowser(served.url);
}

function main() {
  let electron = findElectronBinary();
  if (!electron.path) {
    tryDownloadElectron();
    electron = findElectronBinary();
  }
  if (!electron.path) {
    console.error(noElectronLine(electron.reason));
    void runBrowserMode().catch((e) => {
      console.error(`Browser mode could not start: ${e?.message ?? e}`);
      process.exit(1);
    });
    return;
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
