#!/usr/bin/env node
// Renders build/icon.svg to build/icon.png (512×512) and build/icon-192.png (192×192, for the browser-mode web app
// manifest) with headless Chromium (Debian's /usr/bin/chromium).
// Run after editing the SVG: node build/render-icon.mjs
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const svg = readFileSync(fileURLToPath(new URL('./icon.svg', import.meta.url)), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (const [size, file] of [[512, 'icon.png'], [192, 'icon-192.png']]) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const sized = svg.replace(/width="\d+" height="\d+"/, `width="${size}" height="${size}"`);
    await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
    await page.locator('svg').screenshot({ path: fileURLToPath(new URL(`./${file}`, import.meta.url)), omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
console.log('build/icon.png and build/icon-192.png written');
