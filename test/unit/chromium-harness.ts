/**
 * Runs a test harness entry in real Chromium (Debian's, via playwright-core): the entry is bundled with the
 * app's Vite settings into one script, served on 127.0.0.1 in an otherwise empty page, and opened.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { build, type Rolldown } from 'vite';
import { sharedViteConfig } from '../../vite.shared';

export interface HarnessPage {
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

export async function openHarnessPage(entry: string, body = '', pageOptions: BrowserContextOptions = {}): Promise<HarnessPage> {
  const out = (await build({
    configFile: false,
    logLevel: 'silent',
    resolve: sharedViteConfig.resolve,
    define: sharedViteConfig.define,
    build: { write: false, minify: false, lib: { entry, formats: ['iife'], name: 'harness' } },
  })) as Rolldown.RolldownOutput[];
  const code = out[0]!.output[0].code;
  const server = http
    .createServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html><body>${body}<script>${code}</script></body></html>`);
    })
    .listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage(pageOptions);
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  return {
    browser,
    page,
    async close() {
      await browser.close();
      server.close();
    },
  };
}
