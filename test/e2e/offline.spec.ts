import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { buildBackup, serializeBackup } from '../../shared/backup/format';
import { StaticServer, copyBuild, makeNextBuild } from './staticServer';

/**
 * Browser mode as an offline-first app, against the production build served by a server of the spec's own which is
 * really stopped (its process killed, the port closed), not only `setOffline` (which a service worker does not obey
 * the same way).
 */
const WEB_DIR = process.env.SOSEDI_WEB_DIR ?? 'out/web';

// The other specs block service workers (playwright.config.ts); these are about them.
test.use({ serviceWorkers: 'allow' });

/** The sections, as the navigation names them in English, and the heading each page shows when it opened. */
const SECTIONS: [nav: string, heading: RegExp][] = [
  ['Today', /^Today, /],
  ['Calendar', /^Calendar$/],
  ['Loans', /^Lending$/],
  ['Visitors', /^Visitors$/],
  ['People & groups', /^People and groups$/],
  ['Posters', /^Weekly poster$/],
  ['Reports', /^Reports$/],
  ['Settings', /^Settings$/],
];

async function openDesk(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
}

/** The service worker has stored the build and serves this page (clientsClaim: already on the first visit). */
async function waitUntilStored(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
}

async function openEverySection(page: Page) {
  const nav = page.getByRole('navigation', { name: 'Sections' });
  for (const [name, heading] of SECTIONS) {
    await nav.getByRole('link', { name: new RegExp(`^${name.replace('&', '\\&')}`) }).click();
    await expect(page.locator('#main').getByRole('heading', { name: heading }).first(), `${name} opens`).toBeVisible();
    await expect(page.getByText('This section did not open')).toHaveCount(0);
  }
}

async function addRoom(page: Page, url: string, name: string) {
  await page.goto(`${url}?lang=en#/settings/rooms`);
  await page.getByRole('button', { name: 'Add a room' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('table').getByText(name, { exact: true })).toBeVisible();
}

test('with the server gone the desk reloads, every section opens and a room added offline is kept', async ({ app, page }) => {
  void app; // the fixture fails the test on any uncaught error in the page
  const server = new StaticServer(WEB_DIR);
  await server.start();
  try {
    // First visit, online: the service worker stores the whole build.
    await openDesk(page, `${server.url}?lang=en`);
    await waitUntilStored(page);
    // The manifest, icons and service worker make it installable (what Chromium checks before offering "Install").
    const cdp = await page.context().newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    // Playwright's contexts are incognito, where Chromium never installs; nothing else may stand in the way.
    expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
    const manifest = (await cdp.send('Page.getAppManifest')) as { errors: unknown[]; data?: string };
    expect(manifest.errors).toEqual([]);
    expect(JSON.parse(manifest.data ?? '{}')).toMatchObject({ name: 'Соседский центр · Sosedi Desk', display: 'standalone' });

    await server.stop();
    expect(await server.isDown(), 'the static server is really gone').toBe(true);

    // The measured failure: a section never opened before, with the server gone, in the same page.
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: /^Calendar/ }).click();
    await expect(page.locator('#main').getByRole('heading', { name: /^Calendar$/ })).toBeVisible();

    // A reload with no server opens the desk, and every section opens.
    await page.reload();
    await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
    await openEverySection(page);

    // Work goes on offline: a room added now is kept.
    await addRoom(page, server.url, 'Offline hall');
    await page.reload();
    await expect(page.getByRole('table').getByText('Offline hall', { exact: true })).toBeVisible();

    // The server comes back on the same address: after a reload the room is still there.
    await server.start();
    expect(await server.isDown()).toBe(false);
    await page.reload();
    await expect(page.getByRole('table').getByText('Offline hall', { exact: true })).toBeVisible();
  } finally {
    await server.stop();
  }
});

/** The build served on a local server, and a copy of it marked 'build-b' (the next release) to deploy in its place. */
async function withNextBuild(body: (server: StaticServer, nextBuild: string) => Promise<void>) {
  const a = copyBuild(WEB_DIR);
  const b = copyBuild(WEB_DIR);
  makeNextBuild(b.dir, 'build-b');
  const server = new StaticServer(a.dir);
  await server.start();
  try {
    await body(server, b.dir);
  } finally {
    await server.stop();
    a.remove();
    b.remove();
  }
}

test('a new build waits for the volunteer: the banner shows and the open form keeps what was typed until they agree', async ({ app, page }) => {
  void app;
  await withNextBuild(async (server, nextBuild) => {
    await openDesk(page, `${server.url}?lang=en#/settings/rooms`);
    await waitUntilStored(page);
    await page.evaluate(() => Object.assign(window, { __sameDocument: true }));

    // The volunteer is mid-form.
    await page.getByRole('button', { name: 'Add a room' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('Half-typed kitchen');

    // Build B is deployed on the same address; the desk learns of it (the network "comes back").
    await server.stop();
    await server.start(nextBuild);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));

    const banner = page.getByRole('region', { name: 'App update' });
    await expect(banner.getByText('A new version of the app is ready.')).toBeVisible({ timeout: 60_000 });
    // Nothing was swapped in under the volunteer: the same page, the form open, the text as typed.
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    await expect(dialog.getByLabel('Name')).toHaveValue('Half-typed kitchen');
    await expect(page.locator('meta[name="sosedi-build"]')).toHaveCount(0);

    // The volunteer saves, then agrees: the page reloads into build B.
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await banner.getByRole('button', { name: 'Reload and update' }).click();
    await expect(page.locator('meta[name="sosedi-build"]')).toHaveAttribute('content', 'build-b');
    await expect(page.getByRole('table').getByText('Half-typed kitchen', { exact: true })).toBeVisible();
    await expect(page.getByRole('region', { name: 'App update' })).toHaveCount(0);
  });
});

test('"documents from a newer version" (sync) offers the same update: ask the server, then reload into the new build', async ({ app, page }) => {
  void app;
  await withNextBuild(async (server, nextBuild) => {
    // A document the sync kept because this version cannot read it (brought in by a restore, as the sync would).
    const stamp = { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: { desk: 'e2e', volunteer: '' } };
    const held = { ...stamp, id: 'nv-1', kind: 'newer-version', docCollection: 'bookings', docId: 'from-v2', fields: [], kept: '', other: '{"id":"from-v2"}', status: 'open', resolution: '' };
    const backup = serializeBackup(buildBackup({ conflicts: [held] } as never, { appVersion: 'e2e', createdAt: new Date().toISOString() }));
    await openDesk(page, `${server.url}?lang=en#/settings/data`);
    await waitUntilStored(page);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose a backup file…' }).click();
    await (await chooser).setFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backup, 'utf8') });
    await page.getByRole('button', { name: 'Restore 1 records' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Restored 1 records' })).toBeVisible();

    await page.getByRole('tab', { name: 'Sync' }).click();
    const message = page.getByRole('alert').filter({ hasText: 'A newer app version is needed' });
    await expect(message).toContainText('1 document came from a newer version of the app');
    // No new version known yet: the message offers to ask the server.
    await expect(message.getByRole('button', { name: 'Reload and update' })).toHaveCount(0);
    await message.getByRole('button', { name: 'Check for a new version' }).click();
    await expect(message).toContainText('No new version yet');
    await server.stop();
    await server.start(nextBuild);
    await message.getByRole('button', { name: 'Check for a new version' }).click();
    // The new build is found and waits; the message now offers to apply it, like the banner.
    const banner = page.getByRole('region', { name: 'App update' });
    await expect(banner).toBeVisible({ timeout: 60_000 });
    await expect(message).not.toContainText('No new version yet');
    await expect(page.locator('meta[name="sosedi-build"]')).toHaveCount(0);
    // "Later" hides the banner; the message still offers the update.
    await banner.getByRole('button', { name: 'Later' }).click();
    await expect(banner).toHaveCount(0);
    await message.getByRole('button', { name: 'Reload and update' }).click();
    await expect(page.locator('meta[name="sosedi-build"]')).toHaveAttribute('content', 'build-b');
  });
});
