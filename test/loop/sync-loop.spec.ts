import type { Page } from '@playwright/test';
import { test, expect, DeskApp } from '../e2e/fixtures';
import { couchDbUnavailable, startCouchServer, type CouchServer } from '../../scripts/lib/couchdb-server';
import { provisionCentre } from '../../scripts/lib/provision';

/**
 * Two desks through the UI on real Apache CouchDB 3, N rounds (SOSEDI_SYNC_LOOP, default 20): both go offline,
 * both edit (a new room each, and the same room: capacity on A, name on B), both come back; measures the time until
 * both desks and the server hold the same rooms and both headers say "Synced". Prints each round and the median.
 */
const ROUNDS = Number(process.env.SOSEDI_SYNC_LOOP ?? 20);
let server: CouchServer;
const why = couchDbUnavailable();
test.beforeAll(async () => {
  if (why) return;
  server = await startCouchServer();
  await provisionCentre({ url: server.adminUrl, centre: 'loop', deskUser: 'desk-loop', deskPassword: 'pw-loop' });
});
test.afterAll(async () => {
  await server?.close();
});

const status = (p: Page) => p.getByRole('banner').getByRole('status', { name: 'Синхронизация' });
async function configure(p: Page) {
  await p.goto('./?lang=ru#/settings/sync');
  await p.getByLabel('Адрес сервера').fill(server.url);
  await p.getByLabel('Код центра').fill('loop');
  await p.getByLabel('Пользователь').fill('desk-loop');
  await p.getByRole('textbox', { name: 'Пароль' }).fill('pw-loop');
  await p.getByRole('button', { name: 'Сохранить и запустить' }).click();
}
async function serverRooms(): Promise<{ name: string; capacity: number }[]> {
  const r = await fetch(`${server.url}sosedi-loop-rooms/_all_docs?include_docs=true`, { headers: { Authorization: 'Basic ' + Buffer.from('admin:secret').toString('base64') } });
  const rows = ((await r.json()) as { rows: { id: string; doc: { name: string; capacity: number; _deleted?: boolean } }[] }).rows;
  return rows.filter((x) => !x.id.startsWith('_design/')).map((x) => ({ name: x.doc.name, capacity: x.doc.capacity }));
}
async function deskRooms(p: Page): Promise<string[]> {
  await p.goto('./?lang=ru#/settings/rooms');
  await expect(p.getByRole('table')).toBeVisible();
  return (await p.getByRole('table').getByRole('row').allInnerTexts()).slice(1).map((t) => t.split('\t')[0]!.trim()).sort();
}
async function editRoom(p: Page, from: string, field: 'Название' | 'Вместимость, человек', value: string) {
  await p.goto('./?lang=ru#/settings/rooms');
  await p.getByRole('button', { name: `Изменить: ${from}` }).click({ timeout: 15_000 });
  await p.getByRole('dialog').getByLabel(field).fill(value);
  await p.getByRole('dialog').getByRole('button', { name: 'Сохранить' }).click();
  await expect(p.getByRole('dialog')).toBeHidden();
}

test(`two desks, offline edits on both, ${ROUNDS} rounds on Apache CouchDB 3`, async ({ app, page, browser }, info) => {
  test.skip(why !== null, `no CouchDB 3: ${why}`);
  const a = page;
  const log = (what: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${what}`);
  await app.open('ru', '/settings/sync');
  await configure(a);
  log('A configured');
  const ctxB = await browser.newContext({ baseURL: info.project.use.baseURL, locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
  const b = await ctxB.newPage();
  await new DeskApp(b).open('ru', '/settings/sync');
  await configure(b);
  log('B configured');
  await app.addRoom({ name: 'Общий', capacity: 10 });
  await expect.poll(async () => (await deskRooms(b)).includes('Общий'), { timeout: 30_000 }).toBe(true);
  let shared = 'Общий';
  const times: number[] = [];
  for (let i = 1; i <= ROUNDS; i++) {
    await a.context().setOffline(true);
    await ctxB.setOffline(true);
    await expect(status(a)).toContainText('Нет связи');
    await app.addRoom({ name: `А-${i}` });
    await editRoom(a, shared, 'Вместимость, человек', String(10 + i));
    await new DeskApp(b).addRoom({ name: `Б-${i}` });
    const renamed = `Общий ${i}`;
    await editRoom(b, shared, 'Название', renamed);
    shared = renamed;
    log(`round ${i}: offline edits made`);
    const t0 = Date.now();
    await a.context().setOffline(false);
    await ctxB.setOffline(false);
    for (const p of [a, b]) {
      await expect(status(p)).toContainText('Синхронизировано', { timeout: 30_000 });
      await expect(status(p)).not.toContainText('Не отправлено');
    }
    // identical on both desks and the server
    await expect
      .poll(async () => {
        const s = (await serverRooms()).map((r) => r.name).sort();
        const [ra, rb] = [await deskRooms(a), await deskRooms(b)];
        return JSON.stringify(ra) === JSON.stringify(s) && JSON.stringify(rb) === JSON.stringify(s) && s.includes(shared) && s.includes(`А-${i}`) && s.includes(`Б-${i}`);
      }, { timeout: 30_000 })
      .toBe(true);
    const merged = (await serverRooms()).find((r) => r.name === shared);
    expect(merged?.capacity).toBe(10 + i); // A's capacity and B's name, merged field by field
    times.push(Date.now() - t0);
    console.log(`round ${i}: converged in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  const sorted = [...times].sort((x, y) => x - y);
  console.log(`${ROUNDS} rounds: median ${(sorted[Math.floor(sorted.length / 2)]! / 1000).toFixed(1)} s, min ${(sorted[0]! / 1000).toFixed(1)} s, max ${(sorted[sorted.length - 1]! / 1000).toFixed(1)} s`);
  await ctxB.close();
});
