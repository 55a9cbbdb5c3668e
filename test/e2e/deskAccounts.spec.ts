import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { couchDbUnavailable, startCouchServer, type CouchServer } from '../../scripts/lib/couchdb-server';
import { provisionCentre, provisionDesk, revokeDesk } from '../../scripts/lib/provision';

/**
 * A desk with its own account (server:setup --desk) on real Apache CouchDB 3, revoked (--revoke-desk) while it runs:
 * it stops syncing and says in words that it was removed from the centre; its data stays readable and the backup works.
 */
const CENTRE = 'e2e-desks';
const unavailable = couchDbUnavailable();
let server: CouchServer;
let password = '';
const SHOTS = process.env.SOSEDI_SHOTS_DIR ?? 'test-results/desk-accounts';

test.beforeAll(async () => {
  if (unavailable) {
    console.log(`skipped: ${unavailable}`);
    return;
  }
  server = await startCouchServer();
  await provisionCentre({ url: server.adminUrl, centre: CENTRE });
  password = (await provisionDesk(server.adminUrl, CENTRE, 'counter')).password!;
});
test.afterAll(async () => {
  await server?.close();
});

const status = (page: Page) => page.getByRole('banner').getByRole('status', { name: 'Синхронизация' });

test('a revoked desk stops syncing and says it was removed from the centre; its data stays and the backup works', async ({ app, page }) => {
  test.skip(unavailable !== null, `no CouchDB 3 here: ${unavailable}`);
  test.setTimeout(120_000);
  await page.context().addInitScript(() => localStorage.setItem('sosedi.sync.tuning', JSON.stringify({ sliceMs: 700, maxPollMs: 3000, retryMs: 300, maxRetryMs: 2000 })));
  await app.open('ru', '/settings/sync');
  await page.getByLabel('Адрес сервера').fill(server.url);
  await page.getByLabel('Код центра').fill(CENTRE);
  await page.getByLabel('Пользователь').fill(`${CENTRE}.counter`);
  await page.getByRole('textbox', { name: 'Пароль' }).fill(password);
  await page.getByRole('button', { name: 'Сохранить и запустить' }).click();
  await app.addRoom({ name: 'Большой зал' });
  await expect(status(page)).toContainText('Синхронизировано', { timeout: 60_000 });

  await revokeDesk(server.adminUrl, CENTRE, 'counter');
  // CouchDB applies a change of _users within moments (its auth cache): wait until the desk's account is refused
  const desk = { Authorization: 'Basic ' + Buffer.from(`${CENTRE}.counter:${password}`).toString('base64') };
  await expect.poll(async () => (await fetch(`${server.url}sosedi-${CENTRE}-rooms`, { headers: desk })).status, { timeout: 20_000 }).toBe(403);
  await app.addRoom({ name: 'Кухня' }); // its next push is refused
  await expect(status(page)).toContainText('Стойка удалена из центра', { timeout: 60_000 });
  await page.goto('./?lang=ru#/settings/sync');
  await expect(page.getByRole('alert').filter({ hasText: 'Эта стойка удалена из центра' })).toContainText('синхронизация остановлена');
  await page.screenshot({ path: `${SHOTS}/removed-ru.png`, fullPage: true });

  // the local data stays: both rooms are listed, and a backup is saved
  await page.goto('./?lang=ru#/settings/rooms');
  await expect(page.getByRole('table').getByText('Большой зал', { exact: true })).toBeVisible();
  await expect(page.getByRole('table').getByText('Кухня', { exact: true })).toBeVisible();
  await page.goto('./?lang=ru#/settings/data');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Сохранить резервную копию' }).click();
  expect((await download).suggestedFilename()).toMatch(/^sosedi-desk-backup-.*\.json\.gz$/);

  // the server has the room made before the revocation only
  const rooms = (await (await fetch(`${server.url}sosedi-${CENTRE}-rooms/_all_docs?include_docs=true`, { headers: { Authorization: 'Basic ' + Buffer.from(`${server.admin.user}:${server.admin.password}`).toString('base64') } })).json()) as { rows: { doc: { name?: string; updatedBy?: { desk?: string } } }[] };
  const named = rooms.rows.filter((r) => r.doc.name);
  expect(named.map((r) => r.doc.name)).toEqual(['Большой зал']);
  // written under the desk's own account: signed with its name (the conflicts inbox names the desk «counter»)
  expect(named[0]!.doc.updatedBy?.desk).toBe(`${CENTRE}.counter`);
});
