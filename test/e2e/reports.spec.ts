import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { test, expect, DeskApp } from './fixtures';
import { buildBackup, parseBackup, serializeBackup } from '../../shared/backup/format';
import { emptyBooking } from '../../shared/bookings/model';
import type { BookingCategory, BookingStatus } from '../../shared/db/schemas/bookings';

/**
 * A small centre's previous month as a backup file, restored through Settings → Data;
 * the Reports page must show its figures and export them as XLSX.
 * Expected values are counted here from the generated documents, not by the report code.
 */
const by = { desk: 'e2e', volunteer: 'Тест' };
const stamp = { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: by };

function previousMonth(): { year: number; month: number; days: number } {
  const now = new Date();
  const d = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  return { year: d.getFullYear(), month: d.getMonth() + 1, days: new Date(d.getFullYear(), d.getMonth() + 1, 0).getDate() };
}

function centre() {
  const { year, month, days } = previousMonth();
  const day = (d: number) => `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, days)).padStart(2, '0')}`;
  const visits = Array.from({ length: 37 }, (_, i) => ({
    ...stamp,
    id: `visit-${i}`,
    timeIn: `${day(1 + (i % 20))}T${String(10 + (i % 8)).padStart(2, '0')}:15`,
    timeOut: '',
    personId: i % 3 === 0 ? '' : `person-${i % 5}`,
    name: '',
    resident: true,
    purpose: (['club', 'event', 'visit'] as const)[i % 3],
    bookingId: '',
    adults: 0,
    children: i % 4 === 0 ? 1 : 0,
    anonymised: i % 3 === 0,
    notes: '',
    edits: [],
  }));
  const booking = (id: string, d: number, category: BookingCategory, status: BookingStatus, attendance: number) => ({
    ...stamp,
    id,
    ...emptyBooking({
      roomId: 'room-hall',
      start: `${day(d)}T18:00`,
      end: `${day(d)}T20:00`,
      title: id,
      category,
      status,
      actualAttendance: attendance,
      organiser: { kind: 'group', refId: 'group-tos', name: 'ТОС «Берёзка»', phone: '' },
    }),
  });
  const hours = { open: '10:00', close: '21:00' };
  return {
    settings: [{ ...stamp, id: 'centre', name: 'Соседи на Ленина', openingHours: { mo: hours, tu: hours, we: hours, th: hours, fr: hours, sa: null, su: null }, closures: [], language: 'ru' }],
    rooms: [{ ...stamp, id: 'room-hall', name: 'Большой зал', kind: 'hall', capacity: 80, sections: [], openingHours: null, bookable: true, archived: false, order: 0 }],
    people: Array.from({ length: 5 }, (_, i) => ({ ...stamp, id: `person-${i}`, name: `Житель ${i}`, phone: '', email: '', resident: true, tags: [], mergedInto: '', erased: false })),
    groups: [{ ...stamp, id: 'group-tos', name: 'ТОС «Берёзка»', kind: 'tos', contactPersonId: '', contactName: '', contactPhone: '', local: true, memberIds: [], notes: '', archived: false }],
    bookings: [booking('lecture-1', 5, 'lecture', 'confirmed', 24), booking('club-1', 12, 'club', 'confirmed', 11), booking('meeting-x', 19, 'meeting', 'cancelled', -1)],
    visits,
  };
}

const expected = (() => {
  const c = centre();
  const visits = c.visits;
  return {
    entries: visits.length,
    unique: new Set(visits.filter((v) => v.personId).map((v) => v.personId)).size,
    eventsHeld: c.bookings.filter((b) => b.status !== 'cancelled').length,
    attendance: c.bookings.filter((b) => b.status !== 'cancelled').reduce((s, b) => s + b.actualAttendance, 0),
    total: Object.values(c).reduce((n, docs) => n + docs.length, 0),
    children: visits.filter((v) => v.children === 1).length,
  };
})();

function backupText(): string {
  return serializeBackup(buildBackup(centre() as never, { appVersion: 'e2e', createdAt: new Date().toISOString() }));
}

async function restore(app: { page: import('@playwright/test').Page }, file: string | Buffer) {
  const { page } = app;
  await page.goto('./?lang=ru#/settings/data');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Выбрать файл резервной копии…' }).click();
  const gz = typeof file !== 'string';
  await (await chooser).setFiles({ name: gz ? 'backup.json.gz' : 'backup.json', mimeType: gz ? 'application/gzip' : 'application/json', buffer: gz ? file : Buffer.from(file, 'utf8') });
}

test('restore a backup, see the month in Reports and download the XLSX', async ({ app }) => {
  const { page } = app;
  await app.open();
  await restore(app, backupText());
  const preview = page.getByTestId('backup-preview');
  await expect(preview).toBeVisible();
  await expect(preview.getByRole('row', { name: /Посещения/ })).toContainText(String(expected.entries));
  await page.screenshot({ path: 'test-results/reports-backup-preview.png', fullPage: true });
  await page.getByRole('button', { name: `Восстановить ${expected.total} записей` }).click();
  await expect(page.getByRole('status').filter({ hasText: `Восстановлено записей: ${expected.total}` })).toBeVisible();

  // The report opens on the last complete month (the backup's), compared with the whole month before, in words.
  await app.nav('Отчёты').click();
  await expect(page.getByRole('note', { name: 'С чем сравниваем' })).toContainText('в сравнении со всем предыдущим периодом');
  await expect(page.getByRole('note', { name: 'С чем сравниваем' })).not.toContainText(/\d{4}-\d\d-\d\d/);
  // The funder figures are one step away: the button at the top brings them into view with the focus.
  await page.getByRole('button', { name: 'Цифры для грантодателя ↓' }).click();
  await expect(page.getByRole('heading', { name: 'Таблица для грантодателя' })).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Таблица для грантодателя' })).toBeInViewport();
  const header = (await page.getByRole('banner').boundingBox())!;
  expect((await page.getByRole('heading', { name: 'Таблица для грантодателя' }).boundingBox())!.y, 'below the fixed header').toBeGreaterThanOrEqual(header.y + header.height);
  await expect(page.getByTestId('figure-visitEntries')).toContainText(String(expected.entries));
  await expect(page.getByTestId('figure-uniquePeople')).toContainText(String(expected.unique));
  await expect(page.getByTestId('figure-eventsHeld')).toContainText(String(expected.eventsHeld));
  const funder = page.getByTestId('funder-table');
  await expect(funder.locator('tr[data-indicator="attendanceTotal"] td').first()).toHaveText(String(expected.attendance));
  await expect(page.getByRole('figure', { name: 'Посещения по целям' }).locator('.recharts-wrapper > svg')).toBeVisible();
  await page.screenshot({ path: 'test-results/reports-page.png', fullPage: true });
  // On an old laptop's screen (1280×720; 1366 too) every chart, legend included, stays inside its column and the
  // page does not scroll sideways (the legend kept the 640 px chart's width while the chart shrank to the column).
  for (const width of [1280, 1366]) {
    await page.setViewportSize({ width, height: 720 });
    const charts = await page.locator('figure[data-report-chart]').all();
    expect(charts.length).toBeGreaterThan(0);
    for (const chart of charts) {
      if ((await chart.locator('svg').count()) === 0) continue; // "no data" text, no chart
      const box = (await chart.boundingBox())!;
      const legend = (await chart.getByText('Этот период').boundingBox())!;
      expect(legend.x + legend.width, `legend of ${await chart.getAttribute('aria-label')} at ${width}px`).toBeLessThanOrEqual(box.x + box.width + 1);
      expect(legend.x).toBeGreaterThanOrEqual(box.x - 1);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `sideways scroll at ${width}px`).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize({ width: 1366, height: 900 });

  // Another period shows its own figures or the loader, never the last period's figures under its name: every DOM
  // change is recorded (period label | visits figure) while the previous month (empty) is chosen.
  const periodLabel = page.getByTestId('period-label');
  const shown = await periodLabel.innerText();
  await page.evaluate(() => {
    const w = window as unknown as { __reportFrames: string[] };
    w.__reportFrames = [];
    const text = (sel: string) => document.querySelector(sel)?.textContent ?? 'none';
    const record = () => w.__reportFrames.push(`${text('[data-testid="period-label"]')}|${text('[data-testid="figure-visitEntries"]')}`);
    new MutationObserver(record).observe(document.querySelector('main')!, { subtree: true, childList: true, characterData: true });
  });
  await page.getByRole('button', { name: 'Предыдущий период' }).click();
  await expect(periodLabel).not.toHaveText(shown);
  await expect(page.getByTestId('figure-visitEntries')).toBeVisible();
  const earlier = await periodLabel.innerText();
  const frames = await page.evaluate(() => (window as unknown as { __reportFrames: string[] }).__reportFrames);
  expect(frames.some((f) => f.startsWith(`${earlier}|`))).toBe(true);
  expect(frames.filter((f) => f.startsWith(`${earlier}|`) && f.includes(String(expected.entries)))).toEqual([]);
  await page.getByRole('button', { name: 'Следующий период' }).click();
  await expect(page.getByTestId('figure-visitEntries')).toContainText(String(expected.entries));

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Скачать XLSX' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^otchet-\d{4}-\d{2}-01-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile((await file.path())!)) as never);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['Сводка', 'Посещения', 'Мероприятия', 'Залы и помещения', 'Аренда', 'Выдача вещей', 'Партнёры и группы']);
  let visitsRow: ExcelJS.Row | undefined;
  wb.getWorksheet('Сводка')!.eachRow((row) => {
    if (row.getCell(1).value === 'Посещения (записи в журнале)') visitsRow = row;
  });
  expect(visitsRow?.getCell(2).value).toBe(expected.entries);
  expect(visitsRow?.getCell(2).numFmt).toBe('#,##0');
});

test('every comparison chart names this period first, then the previous one, in Russian and in English', async ({ app }) => {
  const { page } = app;
  await app.open();
  await restore(app, backupText());
  await page.getByRole('button', { name: `Восстановить ${expected.total} записей` }).click();
  await expect(page.getByRole('status').filter({ hasText: `Восстановлено записей: ${expected.total}` })).toBeVisible();
  for (const [lang, legend] of [
    ['ru', ['Этот период', 'Предыдущий период']],
    ['en', ['This period', 'Previous period']],
  ] as const) {
    await app.open(lang, '/reports');
    const charts = page.locator('figure[data-report-chart][data-compare="yes"]');
    await expect(charts.first().locator('.recharts-wrapper > svg')).toBeVisible();
    expect(await charts.count()).toBeGreaterThan(1);
    for (const chart of await charts.all()) {
      await expect(chart.getByRole('listitem'), `legend of ${await chart.getAttribute('aria-label')}`).toHaveText([...legend]);
    }
    await charts.first().screenshot({ path: test.info().outputPath(`chart-legend-${lang}.png`) });
  }
});

test('a damaged or edited backup is refused and the profile stays empty; a saved backup reads back whole', async ({ app }) => {
  const { page } = app;
  await app.open();
  const good = backupText();
  await restore(app, good.slice(0, Math.floor(good.length / 2)));
  await expect(page.getByRole('alert')).toContainText('Файл повреждён или обрезан');
  await restore(app, good.replace('Житель 1', 'Житель 9'));
  await expect(page.getByRole('alert')).toContainText('Контрольная сумма не сходится');
  await expect(page.getByRole('button', { name: 'Выбрать файл резервной копии…' })).toBeEnabled(); // still an empty profile
  await page.screenshot({ path: 'test-results/reports-backup-refused.png', fullPage: true });

  await restore(app, good);
  await page.getByRole('button', { name: `Восстановить ${expected.total} записей` }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Восстановлено' })).toBeVisible();
  // The restored data is saved again: a gzip file (several times smaller than the JSON it holds) that reads back whole,
  // and that the desk itself restores into an empty profile (old plain-JSON backups were restored above).
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Сохранить резервную копию' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toMatch(/^sosedi-desk-backup-.*\.json\.gz$/);
  const bytes = await readFile((await saved.path())!);
  expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
  const text = gunzipSync(bytes).toString('utf8');
  expect(text.length / bytes.length).toBeGreaterThan(3);
  const parsed = parseBackup(text);
  expect(parsed.ok && parsed.total).toBe(expected.total);
  expect(parsed.ok && parsed.backup.formatVersion).toBe(2); // its checksum covers the bytes as written (restore above read a version-1 file)
  // Compressed by the worker while the text was made (the same file comes from the fallback on the page's thread).
  expect(await page.evaluate(() => performance.getEntriesByName('sosedi:backup-text').length)).toBe(1);
  expect(await page.evaluate(() => performance.getEntriesByName('sosedi:backup-on-page').length)).toBe(0);

  // A desk where the compressor's worker cannot load (as a packaged app that failed to ship it would be): the file
  // is compressed on the page's own thread, and it is the same backup.
  const fresh = new DeskApp(await page.context().browser()!.newPage({ locale: 'ru-RU', timezoneId: 'Europe/Moscow', baseURL: test.info().project.use.baseURL }));
  await fresh.page.route(/gzip\.worker-[^/]*\.js$/, (route) => route.fulfill({ status: 404, body: '' }));
  await fresh.open();
  await restore(fresh, bytes);
  await fresh.page.getByRole('button', { name: `Восстановить ${expected.total} записей` }).click();
  await expect(fresh.page.getByRole('status').filter({ hasText: 'Восстановлено' })).toBeVisible();
  const again = fresh.page.waitForEvent('download');
  await fresh.page.getByRole('button', { name: 'Сохранить резервную копию' }).click();
  const resaved = parseBackup(gunzipSync(await readFile((await (await again).path())!)).toString('utf8'));
  expect(resaved.ok && resaved.backup.collections).toEqual(parsed.ok && parsed.backup.collections);
  // made on the page (the worker's 404 may be reported before the click or only once the parts were sent to it)
  expect(await fresh.page.evaluate(() => performance.getEntriesByName('sosedi:backup-on-page').length)).toBe(1);
  await fresh.page.close();
});

/**
 * The months a desk's backups keep (backupMonths.ts), as its IndexedDB holds them (`collection|start`); with `edit`,
 * the kept text of `edit.key` is changed first (decompressed, `from` replaced by `to` everywhere, compressed again).
 */
const keptMonths = (page: import('@playwright/test').Page, edit?: { key: string; from: string; to: string }) =>
  page.evaluate(async (edit) => {
    const name = (await indexedDB.databases()).map((d) => d.name ?? '').find((n) => n.endsWith('-report-months'));
    if (!name) return { keys: [] as string[], replaced: 0 };
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onerror = () => reject(open.error);
      open.onsuccess = () => resolve(open.result);
    });
    const request = <T,>(r: IDBRequest<T>) => new Promise<T>((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))));
    try {
      if (!db.objectStoreNames.contains('backupTexts')) return { keys: [] as string[], replaced: 0 };
      const keys = (await request(db.transaction('backupTexts').objectStore('backupTexts').getAllKeys())).map(String);
      if (!edit) return { keys, replaced: 0 };
      const row = (await request(db.transaction('backupTexts').objectStore('backupTexts').get(edit.key))) as { key: string; gz: Uint8Array<ArrayBuffer> };
      const text = await new Response(new Blob([row.gz]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
      const replaced = text.split(edit.from).length - 1;
      const gz = new Uint8Array(await new Response(new Blob([text.replaceAll(edit.from, edit.to)]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer());
      await request(db.transaction('backupTexts', 'readwrite').objectStore('backupTexts').put({ key: edit.key, gz }));
      return { keys, replaced };
    } finally {
      db.close();
    }
  }, edit);

async function saveBackup(page: import('@playwright/test').Page): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Сохранить резервную копию' }).click();
  return gunzipSync(await readFile((await (await download).path())!)).toString('utf8');
}

test('a closed month one backup kept is written again by the next as it was: the same file, without reading it', async ({ app }) => {
  const { page } = app;
  // What was written within a minute of a backup is never trusted to be unchanged (backupMonths.ts): the desk's
  // clock is moved on, as the hours between a restore and a backup would.
  await page.clock.install();
  await app.open();
  await restore(app, backupText());
  await page.getByRole('button', { name: `Восстановить ${expected.total} записей` }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Восстановлено' })).toBeVisible();
  await page.clock.fastForward('05:00');
  const first = await saveBackup(page);
  // the worker gzips the closed month after the file, and the desk keeps it: the visits of last month
  const { year, month } = previousMonth();
  const key = `visits|${year}-${String(month).padStart(2, '0')}-01T00:00`;
  await expect.poll(async () => (await keptMonths(page)).keys).toEqual([key]);
  await page.clock.fastForward('05:00');
  // the same file but for its time (and so its checksum)
  const body = (text: string) => text.replace(/"createdAt":"[^"]*"/, '').replace(/"checksum":"[0-9a-f]{64}"/, '');
  const second = await saveBackup(page);
  expect(body(second)).toBe(body(first));
  expect(parseBackup(second)).toMatchObject({ ok: true, total: expected.total });
  // and that month was not read: its kept text, changed where it is kept, is what the next file holds
  expect((await keptMonths(page, { key, from: '"children":1', to: '"children":7' })).replaced).toBe(expected.children);
  const third = await saveBackup(page);
  expect(body(third)).not.toBe(body(first));
  expect(body(third).replaceAll('"children":7', '"children":1')).toBe(body(first));
});
