#!/usr/bin/env node
// Renders build/icon.svg to build/icon.png (512×512) with headless Chromium (Debian's /usr/bin/chromium).
// Run after editing the SVG: node build/render-icon.mjs
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const svg = readFileSync(fileURLToPath(new URL('./icon.svg', import.meta.url)), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: 512, height: 512 }, deviceScaleFactor: 1 });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: fileURLToPath(new URL('./icon.png', import.meta.url)), omitBackground: true });
} finally {
  await browser.close();
}
console.log('build/icon.png written');
