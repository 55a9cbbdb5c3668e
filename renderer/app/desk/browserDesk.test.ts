/**
 * The browser implementation of window.desk, run in real Chromium (Debian's, via
 * playwright-core): downloads, the file picker, print iframes, local secrets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { openHarnessPage, type HarnessPage } from '../../../test/unit/chromium-harness';

let harness: HarnessPage | undefined;
let page: Page;

beforeAll(async () => {
  // Bundle createBrowserDesk() into one script that puts it on window.__desk.
  harness = await openHarnessPage(fileURLToPath(new URL('./browserDesk.harness.ts', import.meta.url)), '<h1>desk</h1>', { acceptDownloads: true });
  page = harness.page;
}, 60_000);

afterAll(() => harness?.close());

describe('browser desk in Chromium', () => {
  it('reports browser mode with unencrypted secrets', async () => {
    const info = await page.evaluate(() => window.__desk.appInfo());
    expect(info).toMatchObject({ name: 'Sosedi Desk', platform: 'browser', isElectron: false, secretsEncrypted: false });
    expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('saves a file as a download with the exact bytes', async () => {
    const [download, result] = await Promise.all([
      page.waitForEvent('download'),
      page.evaluate(() => window.__desk.saveFile({ suggestedName: 'visits.csv', data: 'name;count\nЛена;3\n' })),
    ]);
    expect(result).toEqual({ ok: true, path: 'visits.csv' });
    expect(download.suggestedFilename()).toBe('visits.csv');
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).toString('utf8')).toBe('name;count\nЛена;3\n');
  });

  it('opens a file through a file input, with the filter as accept', async () => {
    const chooser = page.waitForEvent('filechooser');
    const opened = page.evaluate(async () => {
      const r = await window.__desk.openFile({ filters: [{ name: 'CSV', extensions: ['csv'] }] });
      return r.ok ? { name: r.name, text: new TextDecoder().decode(r.bytes) } : r;
    });
    const fc = await chooser;
    expect(await fc.element().getAttribute('accept')).toBe('.csv');
    await fc.setFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from('a;b\n1;2\n') });
    expect(await opened).toEqual({ name: 'people.csv', text: 'a;b\n1;2\n' });
    expect(await page.locator('input[type=file]').count()).toBe(0);
  });

  it('prints HTML from a sandboxed, script-less iframe, and PDF says it used the print dialog', async () => {
    const result = await page.evaluate(() => window.__desk.printHtml({ html: '<h1>Афиша</h1><script>parent.document.title="pwned"</script>' }));
    expect(result).toEqual({ ok: true });
    const frame = page.locator('iframe[sandbox]');
    expect(await frame.getAttribute('sandbox')).toBe('allow-same-origin allow-modals');
    expect(await page.title()).not.toBe('pwned');
    const pdf = await page.evaluate(() => window.__desk.printToPdf({ html: '<html><head></head><body>A3</body></html>', pageSize: 'A3', landscape: true }));
    expect(pdf).toEqual({ ok: false, reason: 'browser-print-dialog' });
    const srcdoc = await page.locator('iframe[sandbox]').last().getAttribute('srcdoc');
    expect(srcdoc).toContain('@page { size: A3 landscape; }');
  });

  it('keeps secrets in localStorage and refuses links outside the allow-list', async () => {
    const r = await page.evaluate(async () => {
      const d = window.__desk;
      await d.setSecret('sync.password', 'pw');
      const got = await d.getSecret('sync.password');
      const raw = localStorage.getItem('sosedi.secret.sync.password');
      await d.deleteSecret('sync.password');
      return { got, raw, after: await d.getSecret('sync.password'), link: await d.openExternal('https://example.com/'), sync: await d.setSyncServer('ftp://x') };
    });
    expect(r).toEqual({ got: 'pw', raw: 'pw', after: null, link: { ok: false, reason: 'not-allowed' }, sync: { ok: false, reason: 'invalid-url' } });
  });

  it('answers browser-mode for automatic backups and writes nothing', async () => {
    const r = await page.evaluate(async () => {
      const d = window.__desk;
      const name = 'sosedi-desk-auto-2026-03-20-0900.json';
      return Promise.all([d.backupFolderChoose(), d.backupFolderGet(), d.backupList(), d.backupWriteAndRotate({ name, data: '{}', deleteNames: [] })]);
    });
    expect(r).toEqual(Array(4).fill({ ok: false, reason: 'browser-mode' }));
  });
});
