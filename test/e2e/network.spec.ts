import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { runAxe, serious } from './axe-kit';
import { couchDbUnavailable, startCouchServer, type CouchServer } from '../../scripts/lib/couchdb-server';
import { provisionCentre, provisionDesk } from '../../scripts/lib/provision';
import { provisionNetwork } from '../../scripts/lib/network';
import { centreDesk } from '../integration/networkHarness';

/**
 * A network coordinator's desk on real Apache CouchDB 3: two centres publish their month figures (as their desks do),
 * the coordinator signs in with the network account in Settings → Sync and sees each centre and the total; XLSX.
 */
const NETWORK = 'e2e-city';
const CENTRES = ['e2e-dubki', 'e2e-lipki'];
const unavailable = couchDbUnavailable();
let server: CouchServer;
let password = '';
let total = 0;
const SHOTS = process.env.SOSEDI_SHOTS_DIR ?? 'test-results/network';

test.beforeAll(async () => {
  if (unavailable) {
    console.log(`skipped: ${unavailable}`);
    return;
  }
  test.setTimeout(120_000);
  server = await startCouchServer();
  const figures = [];
  for (const centre of CENTRES) await provisionCentre({ url: server.adminUrl, centre });
  password = (await provisionNetwork({ url: server.adminUrl, network: NETWORK, centres: CENTRES })).account.password!;
  for (const [i, centre] of CENTRES.entries()) {
    const desk = await provisionDesk(server.adminUrl, centre, 'counter');
    const { report } = await centreDesk(200 + i, { url: server.url, centre, user: `${centre}.counter`, password: desk.password! });
    figures.push(report.current.visits.entries);
  }
  total = figures.reduce((a, b) => a + b, 0);
});
test.afterAll(async () => {
  await server?.close();
});

/** axe-core (WCAG 2.1 A/AA): no critical or serious violation on the page. */
async function accessible(page: Page) {
  const r = await runAxe(page);
  expect(serious(r.violations).map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function signIn(page: Page) {
  await page.getByLabel('Адрес сервера').fill(server.url);
  await page.getByLabel('Код центра').fill(NETWORK);
  await page.getByLabel('Пользователь').fill(`network-${NETWORK}`);
  await page.getByRole('textbox', { name: 'Пароль' }).fill(password);
  await page.getByRole('button', { name: 'Сохранить и запустить' }).click();
}

test('a network coordinator sees each centre’s month and the total, and saves it as XLSX (ru, en)', async ({ app, page }) => {
  test.skip(unavailable !== null, `no CouchDB 3 here: ${unavailable}`);
  await app.open('ru', '/network');
  await expect(page.getByRole('alert')).toContainText('Стойка не подключена как сеть');
  await page.getByRole('link', { name: 'Настройки → Синхронизация' }).click();
  await signIn(page);
  await expect(page.getByRole('banner').getByRole('status')).toContainText(`Сеть ${NETWORK}: только показатели`);
  await app.nav('Сеть').click();
  const table = page.getByRole('table', { name: /Показатели сети, март 2026/i });
  await expect(table).toBeVisible();
  for (const c of CENTRES) await expect(table.getByRole('rowheader', { name: c })).toBeVisible();
  const totalRow = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Итого по сети' }) });
  await expect(totalRow.getByRole('cell').first()).toHaveText(total.toLocaleString('ru-RU').replace(/\s/g, '\u00a0'));
  await page.screenshot({ path: `${SHOTS}/network-ru.png`, fullPage: true });
  await accessible(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Скачать XLSX' }).click();
  expect((await download).suggestedFilename()).toBe('set-2026-03.xlsx');

  await page.getByRole('textbox', { name: 'Период' }).click();
  await page.getByRole('option', { name: '1 квартал 2026' }).click();
  await expect(page.getByRole('table', { name: 'Показатели сети, 1 квартал 2026' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/network-quarter-ru.png`, fullPage: true });

  await app.open('en', '/network');
  await expect(page.getByRole('table', { name: 'Network figures, March 2026' }).getByRole('rowheader', { name: 'Network total' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/network-en.png`, fullPage: true });
  await accessible(page);
});

test('a centre’s desk, once synced, publishes its months’ counts to its network by itself', async ({ app, page }) => {
  test.skip(unavailable !== null, `no CouchDB 3 here: ${unavailable}`);
  test.setTimeout(150_000);
  const centre = 'e2e-sadovaya';
  await provisionCentre({ url: server.adminUrl, centre });
  await provisionNetwork({ url: server.adminUrl, network: NETWORK, centres: [centre] });
  const desk = (await provisionDesk(server.adminUrl, centre, 'counter')).password!;
  await page.context().addInitScript(() => localStorage.setItem('sosedi.sync.tuning', JSON.stringify({ sliceMs: 700, maxPollMs: 3000, retryMs: 300, maxRetryMs: 2000 })));
  await app.open('ru', '/settings/data');
  await page.getByLabel('Пара недель маленького центра').check();
  await page.getByRole('button', { name: 'Загрузить демо-данные' }).click();
  await expect(page.getByText('Демо-данные загружены')).toBeVisible({ timeout: 25_000 });
  await page.goto('./?lang=ru#/settings/sync');
  await page.getByLabel('Адрес сервера').fill(server.url);
  await page.getByLabel('Код центра').fill(centre);
  await page.getByLabel('Пользователь').fill(`${centre}.counter`);
  await page.getByRole('textbox', { name: 'Пароль' }).fill(desk);
  await page.getByRole('button', { name: 'Сохранить и запустить' }).click();
  await expect(page.getByRole('banner').getByRole('status')).toContainText('Синхронизировано', { timeout: 90_000 });
  const month = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
  });
  const admin = { Authorization: 'Basic ' + Buffer.from(`${server.admin.user}:${server.admin.password}`).toString('base64') };
  const published = async () => {
    const r = await fetch(`${server.url}sosedi-network-${NETWORK}-figures/${encodeURIComponent(`figures:${centre}:${month}`)}`, { headers: admin });
    return r.status === 200 ? ((await r.json()) as { figures: { visitEntries: number } }).figures.visitEntries : -1;
  };
  await expect.poll(published, { timeout: 30_000 }).toBeGreaterThan(0);
});
