/**
 * Desktop updates as the window sees them: window.desk is a stand-in for the Electron preload whose update state
 * the test sets (main's decisions with electron-updater are covered by electron/main/updates.test.ts, with the
 * updater mocked: there is no release server here). Checks that a downloaded version is installed only with the
 * volunteer's OK, and that the "documents from a newer version" message leads to the same update.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { buildBackup, serializeBackup } from '../../shared/backup/format';

const SHOTS = process.env.SOSEDI_SHOTS_DIR ?? 'test-results/desktop-update-shots';

type FakeUpdate = Record<string, unknown>;

/** window.desk of a desktop app; methods the test does not care about answer like browser mode. */
async function installDesktop(page: Page, update: FakeUpdate, file = ''): Promise<void> {
  await page.addInitScript(([initial, text]: [FakeUpdate, string]) => {
    const w = window as unknown as { __update: FakeUpdate; __installs: string[]; __onCheck: FakeUpdate | null };
    w.__update = initial;
    w.__installs = [];
    w.__onCheck = null;
    const own: Record<string, (...args: never[]) => Promise<unknown>> = {
      appInfo: async () => ({ name: 'Sosedi Desk', version: '1.0.0', platform: 'linux', isElectron: true, secretsEncrypted: true }),
      getSecret: async () => null,
      setSyncServer: async () => ({ ok: true, reloadRequired: false }),
      // main's file dialog: answers with the test's file
      openFile: async () => ({ ok: true, name: 'backup.json', bytes: new TextEncoder().encode(text) }),
      updateState: async () => w.__update,
      updateCheck: async () => (w.__update = w.__onCheck ?? w.__update),
      updateInstall: async (when: string) => {
        w.__installs.push(when);
        if (w.__update['phase'] !== 'ready') return { ok: false, reason: 'not-ready' };
        if (when === 'next-start') w.__update = { ...w.__update, installAtNextStart: true };
        return { ok: true };
      },
    };
    const desk = new Proxy(own, { get: (target, key: string) => target[key] ?? (async () => ({ ok: false, reason: 'browser-mode' })) });
    Object.defineProperty(window, 'desk', { value: desk, configurable: false });
  }, [update, file] as [FakeUpdate, string]);
}

const installs = (page: Page) => page.evaluate(() => (window as unknown as { __installs: string[] }).__installs);

test('a downloaded version waits for the volunteer’s OK: install at next start', async ({ app, page }) => {
  await installDesktop(page, { phase: 'ready', version: '1.1.0', installAtNextStart: false });
  await app.open('en', '/settings/rooms');
  const banner = page.getByRole('region', { name: 'App update' });
  await expect(banner).toContainText('Version 1.1.0 of the app is downloaded.');
  await expect(banner.getByRole('button', { name: 'Restart and install now' })).toBeVisible();
  expect(await installs(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/downloaded.png` });
  await banner.getByRole('button', { name: 'Install at next start' }).click();
  await expect(banner.getByRole('status')).toHaveText('Version 1.1.0 will be installed when the desk closes; the next start runs it.');
  await expect.poll(() => installs(page)).toEqual(['next-start']);
  await banner.getByRole('button', { name: 'Close' }).click();
  await expect(banner).toHaveCount(0);
});

/** Opens Settings → Sync after restoring a document this version cannot read (as sync would hold it). */
async function openWithHeldDocument(page: Page, update: FakeUpdate) {
  const stamp = { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: { desk: 'e2e', volunteer: '' } };
  const held = { ...stamp, id: 'nv-1', kind: 'newer-version', docCollection: 'bookings', docId: 'from-v2', fields: [], kept: '', other: '{"id":"from-v2"}', status: 'open', resolution: '' };
  const backup = serializeBackup(buildBackup({ conflicts: [held] } as never, { appVersion: 'e2e', createdAt: new Date().toISOString() }));
  await installDesktop(page, update, backup);
  await page.goto('./?lang=en#/settings/data');
  await page.getByRole('button', { name: 'Choose a backup file…' }).click();
  await page.getByRole('button', { name: 'Restore 1 records' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Restored 1 records' })).toBeVisible();
  await page.getByRole('tab', { name: 'Sync' }).click();
  return page.getByRole('alert').filter({ hasText: 'A newer app version is needed' });
}

test('"documents from a newer version" looks for the update, then restarts into it with an OK', async ({ app, page }) => {
  void app;
  const message = await openWithHeldDocument(page, { phase: 'idle', checkedAt: null });
  await page.evaluate(() => ((window as unknown as { __onCheck: unknown }).__onCheck = { phase: 'downloading', version: '1.2.0', percent: 30 }));
  await message.getByRole('button', { name: 'Check for a new version' }).click();
  await expect(message).toContainText('Version 1.2.0 is downloading (30%)');

  // downloaded: main's state changes; the window hears of it when it next asks (here: on becoming visible)
  await page.evaluate(() => {
    (window as unknown as { __update: unknown }).__update = { phase: 'ready', version: '1.2.0', installAtNextStart: false };
    document.dispatchEvent(new Event('visibilitychange'));
  });
  // the banner says so too; "Later" hides it and the message still offers the restart
  const banner = page.getByRole('region', { name: 'App update' });
  await expect(banner).toContainText('Version 1.2.0 of the app is downloaded.');
  await page.screenshot({ path: `${SHOTS}/newer-version.png`, fullPage: true });
  await banner.getByRole('button', { name: 'Later' }).click();
  await expect(banner).toHaveCount(0);
  await message.getByRole('button', { name: 'Restart and install now' }).click();
  await expect.poll(() => installs(page)).toEqual(['now']);
});

test('updates not set up on this computer: the message says whom to ask', async ({ app, page }) => {
  void app;
  const message = await openWithHeldDocument(page, { phase: 'off', reason: 'no-feed' });
  await expect(message).toContainText('Updates are not set up on this computer: ask the coordinator to install the new version.');
  await expect(message.getByRole('button')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'App update' })).toHaveCount(0);
});
