/**
 * Serves the built renderer from app://desk/ (protocol.handle) and one-shot print
 * documents from app://print/<id>. Pure Node: no Electron import, so it is unit-tested.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { APP_HOST, APP_SCHEME, PRINT_HOST } from './scheme';
import { PRINT_CSP } from './csp';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeType(filePath: string): string {
  return MIME[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export type ResolvedAppPath =
  | { kind: 'file'; path: string; spaFallback: boolean }
  | { kind: 'print'; id: string }
  | { kind: 'refused' };

/**
 * Map a request URL to a file inside rootDir. Anything that would leave rootDir
 * (encoded "..", backslashes, NUL, absolute paths) is refused. Paths without an
 * extension may fall back to index.html (client-side routes).
 */
export function resolveAppPath(rootDir: string, requestUrl: string): ResolvedAppPath {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { kind: 'refused' };
  }
  if (url.protocol !== `${APP_SCHEME}:`) return { kind: 'refused' };
  if (url.host === PRINT_HOST) {
    const id = url.pathname.replace(/^\//, '');
    return /^[a-z0-9-]{1,64}$/i.test(id) ? { kind: 'print', id } : { kind: 'refused' };
  }
  if (url.host !== APP_HOST) return { kind: 'refused' };
  let rel: string;
  try {
    rel = decodeURIComponent(url.pathname);
  } catch {
    return { kind: 'refused' };
  }
  if (rel.includes('\0') || rel.includes('\\')) return { kind: 'refused' };
  const segments = rel.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.' || /^[a-z]:$/i.test(s))) return { kind: 'refused' };
  const root = path.resolve(rootDir);
  const full = path.resolve(root, ...(segments.length ? segments : ['index.html']));
  const relative = path.relative(root, full);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return { kind: 'refused' };
  const last = segments[segments.length - 1] ?? 'index.html';
  return { kind: 'file', path: full, spaFallback: !last.includes('.') };
}

export interface AppProtocolOptions {
  rootDir: string;
  /** CSP for app pages; a function so a changed sync server applies on the next load. */
  csp: () => string;
  /** One-shot print documents by id (see printing.ts). */
  printDocuments?: ReadonlyMap<string, string>;
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

export function createAppProtocolHandler(options: AppProtocolOptions): (request: Request) => Promise<Response> {
  const indexHtml = path.join(path.resolve(options.rootDir), 'index.html');
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    const resolved = resolveAppPath(options.rootDir, request.url);
    if (resolved.kind === 'refused') return new Response('Forbidden', { status: 403 });
    if (resolved.kind === 'print') {
      const html = options.printDocuments?.get(resolved.id);
      if (html === undefined) return notFound();
      return new Response(html, {
        headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': PRINT_CSP },
      });
    }
    let file = resolved.path;
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      if (!resolved.spaFallback) return notFound();
      file = indexHtml;
      try {
        body = await readFile(file);
      } catch {
        return notFound();
      }
    }
    return new Response(new Uint8Array(body), {
      headers: {
        'Content-Type': mimeType(file),
        'Content-Security-Policy': options.csp(),
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      },
    });
  };
}
