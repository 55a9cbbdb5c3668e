import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildCsp } from './csp';
import { createAppProtocolHandler, resolveAppPath } from './protocol';

// Real files in a temp folder; the handler is plain fetch Request → Response.
let base: string;
let root: string;
beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'desk-protocol-'));
  root = path.join(base, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>desk</title>');
  writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(base, 'secret.txt'), 'TOP SECRET');
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('resolveAppPath', () => {
  it('maps app URLs inside the renderer folder', () => {
    expect(resolveAppPath(root, 'app://desk/')).toEqual({ kind: 'file', path: path.join(root, 'index.html'), spaFallback: false });
    expect(resolveAppPath(root, 'app://desk/assets/app.js?v=1#x')).toMatchObject({ path: path.join(root, 'assets', 'app.js'), spaFallback: false });
    expect(resolveAppPath(root, 'app://desk/calendar')).toMatchObject({ spaFallback: true });
    expect(resolveAppPath(root, 'app://print/0b7c-11')).toEqual({ kind: 'print', id: '0b7c-11' });
  });

  it.each([
    'app://desk/..%2f..%2fsecret.txt',
    'app://desk/assets/..%2F..%2F..%2Fetc%2Fpasswd',
    'app://desk/..%5csecret.txt',
    'app://desk/%00index.html',
    'app://desk/%E0%A4%A',
    'app://desk/C:/Windows/win.ini',
    'app://other/index.html',
    'https://desk/index.html',
    'app://print/a/b',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(root, url)).toEqual({ kind: 'refused' });
  });

  it('keeps dot-segments that URL parsing resolves inside the root', () => {
    // WHATWG URL parsing removes plain "../" before we see it: the path stays in root.
    for (const url of ['app://desk/../../secret.txt', 'app://desk/%2e%2e/%2E%2E/secret.txt']) {
      expect(resolveAppPath(root, url)).toEqual({ kind: 'file', path: path.join(root, 'secret.txt'), spaFallback: false });
    }
  });
});

describe('app protocol handler', () => {
  const docs = new Map([['abc-1', '<p>poster</p>']]);
  const handler = () => createAppProtocolHandler({ rootDir: root, csp: () => buildCsp(['http://127.0.0.1:5984']), printDocuments: docs });

  it('serves files with type, CSP and nosniff', async () => {
    const res = await handler()(new Request('app://desk/assets/app.js'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self' http://127.0.0.1:5984");
    expect(csp).not.toContain('unsafe-eval');
    expect(await res.text()).toBe('console.log(1)');
  });

  it('falls back to index.html for client routes but 404s missing assets', async () => {
    const page = await handler()(new Request('app://desk/settings/rooms'));
    expect(await page.text()).toContain('<title>desk</title>');
    expect((await handler()(new Request('app://desk/assets/missing.js'))).status).toBe(404);
  });

  it('refuses traversal with 403 and never returns the file outside', async () => {
    const res = await handler()(new Request('app://desk/..%2fsecret.txt'));
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('TOP SECRET');
  });

  it('serves print documents with a script-free CSP', async () => {
    const res = await handler()(new Request('app://print/abc-1'));
    expect(await res.text()).toBe('<p>poster</p>');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('script-src');
    expect((await handler()(new Request('app://print/unknown'))).status).toBe(404);
  });

  it('refuses writes', async () => {
    expect((await handler()(new Request('app://desk/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});
