#!/usr/bin/env node
// Serves the browser-mode build (out/web, or SOSEDI_WEB_DIR) on 127.0.0.1:PORT (default 4173).
import http from 'node:http';
import path from 'node:path';
import { existsSync } from 'node:fs';
import handler from 'serve-handler';

const dir = path.resolve(process.env.SOSEDI_WEB_DIR ?? process.argv[2] ?? 'out/web');
const port = Number(process.env.PORT ?? 4173);
const host = process.env.HOST ?? '127.0.0.1';

if (!existsSync(path.join(dir, 'index.html'))) {
  console.error(`No browser build in ${dir}. Run "npm run build:web" first.`);
  process.exit(1);
}

const server = http.createServer((req, res) =>
  handler(req, res, {
    public: dir,
    cleanUrls: false,
    directoryListing: false,
    rewrites: [{ source: '/', destination: '/index.html' }],
    headers: [{ source: '**/*', headers: [{ key: 'Cache-Control', value: 'no-store' }] }],
  }),
);
server.listen(port, host, () => {
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  console.log(`Sosedi Desk (browser mode) is running at http://${host}:${actualPort}/`);
  console.log('Stop it with Ctrl+C.');
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
