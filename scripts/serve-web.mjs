#!/usr/bin/env node
// Serves the browser-mode build (out/web, or SOSEDI_WEB_DIR) on 127.0.0.1:PORT (default 4173).
// Also used by `npm start` where no Electron binary exists (serveWeb).
import http from 'node:http';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import handler from 'serve-handler';

/** True when dir holds a browser build. */
export const hasWebBuild = (dir) => existsSync(path.join(dir, 'index.html'));

/**
 * Listens on host:port (port 0: any free port) and resolves with the server and its address; rejects when the
 * port cannot be had (EADDRINUSE …).
 */
export function serveWeb({ dir, port, host = '127.0.0.1' }) {
  const server = http.createServer((req, res) =>
    handler(req, res, {
      public: dir,
      cleanUrls: false,
      directoryListing: false,
      rewrites: [{ source: '/', destination: '/index.html' }],
      headers: [{ source: '**/*', headers: [{ key: 'Cache-Control', value: 'no-store' }] }],
    }),
  );
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      const shownHost = host.includes(':') ? `[${host}]` : host;
      resolve({ server, url: `http://${shownHost}:${actualPort}/` });
    });
  });
}

/** Prints the address, stops cleanly on Ctrl+C / SIGTERM. */
export function announce({ server, url }) {
  console.log(`Sosedi Desk (browser mode) is running at ${url}`);
  console.log('Stop it with Ctrl+C.');
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function main() {
  const dir = path.resolve(process.env.SOSEDI_WEB_DIR ?? process.argv[2] ?? 'out/web');
  if (!hasWebBuild(dir)) {
    console.error(`No browser build in ${dir}. Run "npm run build:web" first.`);
    process.exit(1);
  }
  announce(await serveWeb({ dir, port: Number(process.env.PORT ?? 4173), host: process.env.HOST ?? '127.0.0.1' }));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await main();
