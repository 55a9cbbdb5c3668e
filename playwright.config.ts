import { defineConfig } from '@playwright/test';

/**
 * e2e tests run against the production browser build (out/web, or SOSEDI_WEB_DIR) in Debian's Chromium.
 * No browser download: executablePath points at /usr/bin/chromium (override with CHROMIUM_PATH).
 */
// Chosen once in the runner; workers inherit it through the environment.
process.env.E2E_PORT ??= String(4300 + Math.floor(Math.random() * 1500));
const port = Number(process.env.E2E_PORT);
const webDir = process.env.SOSEDI_WEB_DIR ?? 'out/web';

export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  // Generous: CI has 2 cores; a long scenario (booking by drag, series edits) may take a minute there.
  timeout: 150_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    locale: 'ru-RU',
    timezoneId: 'Europe/Moscow',
    viewport: { width: 1366, height: 900 },
    trace: 'off',
    screenshot: 'only-on-failure',
    // Browser mode registers a service worker (it makes the desk work offline). Specs that are not about it run
    // without one, so page.route() sees every request; offline.spec.ts allows it and tests it.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    },
  },
  webServer: {
    command: `node scripts/serve-web.mjs`,
    env: { PORT: String(port), SOSEDI_WEB_DIR: webDir },
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
