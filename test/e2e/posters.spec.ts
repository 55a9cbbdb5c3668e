import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { generateDataset } from '../../shared/fixtures/generate';
import { occurrencesInRange } from '../../shared/bookings';

/**
 * A fixed "now" (Wednesday 18 November 2026, Moscow) makes the demo data and "next week" the same on every run:
 * the demo generator anchors its dataset at the browser's clock. Date only is frozen; timers keep running.
 */
const NOW = '2026-11-18T11:00';
const WEEK = { from: '2026-11-23', to: '2026-11-29' };

/** Next week's public, non-cancelled events of the tiny demo dataset, in poster order — computed here, in Node. */
function expectedWeek() {
  const ds = generateDataset({ size: 'tiny', anchor: NOW });
  const rooms = new Map(ds.rooms.map((r) => [r.id, r.name]));
  return occurrencesInRange(ds.bookings, ds.series, `${WEEK.from}T00:00`, '2026-11-30T00:00')
    .filter((o) => o.public && o.status !== 'cancelled')
    .map((o) => ({ title: o.title, start: o.start, end: o.end, room: rooms.get(o.roomId) ?? '', source: o.source }))
    .sort((a, b) => a.start.localeCompare(b.start) || a.room.localeCompare(b.room) || a.title.localeCompare(b.title));
}

const flat = (s: string) => s.replace(/\s+/g, ' ');

/** Settings → Data → "Load demo data", the smallest size ("a couple of weeks", ~360 documents, ~8 s here). */
async function loadDemo(page: Page, lang: 'ru' | 'en' = 'ru') {
  await page.clock.setFixedTime(new Date(`${NOW}:00+03:00`));
  await page.goto(`./?lang=${lang}#/settings/data`);
  await page.getByLabel(lang === 'ru' ? 'Пара недель маленького центра' : /couple of weeks/i).check();
  await page.getByRole('button', { name: lang === 'ru' ? 'Загрузить демо-данные' : /load demo data/i }).click();
  await expect(page.getByText(lang === 'ru' ? 'Демо-данные загружены' : /demo data loaded/i)).toBeVisible({ timeout: 25_000 });
}

/** Picks an option of a Mantine Select by the field's label. */
async function choose(page: Page, label: string, option: string) {
  await page.getByRole('textbox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

const PREVIEW = 'iframe[title="Предпросмотр афиши"]';

test('the poster page previews an empty week at true proportions and copies the poster as text', async ({ app, page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await app.open('ru', '/posters');
  await expect(page.getByRole('heading', { name: 'Афиша недели' })).toBeVisible();
  for (const label of ['Неделя', 'Помещения', 'Виды событий', 'Шаблон', 'Формат']) await expect(page.getByLabel(label).first()).toBeVisible();
  const preview = page.frameLocator(PREVIEW);
  await expect(preview.locator('.sheet')).toHaveCount(1);
  await expect(preview.locator('.ph-kicker')).toHaveText('Афиша');
  await expect(preview.locator('.empty')).toBeVisible();
  // A4 portrait preview keeps the paper's proportions.
  const boxSize = await page.locator(PREVIEW).boundingBox();
  expect(boxSize!.width).toBeCloseTo(560, 0);
  await page.locator('label', { hasText: /^English$/ }).click();
  await expect(preview.locator('.ph-kicker')).toHaveText('What’s on');
  await page.getByRole('button', { name: 'Копировать текст' }).click();
  await expect(page.getByText('Текст афиши скопирован')).toBeVisible();
  const text = await page.evaluate(() => navigator.clipboard.readText());
  expect(text.split('\n')[0]).toMatch(/^What’s on: \d/);
});

test('on a 1024 px screen (an old laptop, or 1280 at 125 %) the preview goes under the settings instead of past the window', async ({ app, page }) => {
  await page.setViewportSize({ width: 1024, height: 640 });
  await app.open('ru', '/posters');
  const preview = page.getByTitle('Предпросмотр афиши');
  await expect(preview).toBeVisible();
  const box = (await preview.boundingBox())!;
  expect(box.width).toBeCloseTo(560, 0); // still the true-proportion preview, not shrunk
  expect(box.x + box.width).toBeLessThanOrEqual(1024);
  const format = (await page.getByLabel('Формат').first().boundingBox())!;
  expect(box.y).toBeGreaterThan(format.y); // below the settings column
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
});

test('at 1024×640 the preview under the settings is announced at the top, and the button takes the focus to it; side by side there is no such button', async ({ app, page }) => {
  await page.setViewportSize({ width: 1024, height: 640 });
  await app.open('ru', '/posters');
  const frame = page.getByTitle('Предпросмотр афиши');
  await expect(frame).toBeVisible();
  await expect(frame).not.toBeInViewport(); // below the fold: without a pointer to it, easy to miss
  await page.screenshot({ path: test.info().outputPath('posters-1024-top.png') });
  const toPreview = page.getByRole('button', { name: 'Перейти к предпросмотру ↓' });
  await expect(toPreview).toBeInViewport();
  await toPreview.click();
  await expect(page.getByRole('heading', { name: 'Предпросмотр', exact: true })).toBeFocused();
  const heading = (await page.getByRole('heading', { name: 'Предпросмотр', exact: true }).boundingBox())!;
  const header = (await page.getByRole('banner').boundingBox())!;
  expect(heading.y, 'the heading stops below the fixed header, not under it').toBeGreaterThanOrEqual(header.y + header.height);
  await expect(frame).toBeInViewport();
  await page.screenshot({ path: test.info().outputPath('posters-1024-preview.png') });

  // In English too, from the keyboard.
  await app.open('en', '/posters');
  const goTo = page.getByRole('button', { name: 'Go to the preview ↓' });
  await goTo.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Preview', exact: true })).toBeFocused();
  await expect(page.getByTitle('Poster preview')).toBeInViewport();

  // Wide enough for both side by side: the preview is in view beside the settings and the button is not offered.
  await page.setViewportSize({ width: 1366, height: 900 });
  await expect(goTo).toHaveCount(0);
  await expect(page.getByTitle('Poster preview')).toBeInViewport();
});

test('a populated week: the preview shows next week’s events; template, paper and orientation change it; copy as text', async ({ app, page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const week = expectedWeek();
  expect(week.length, 'the tiny demo dataset has public events next week').toBeGreaterThan(3);
  await loadDemo(page);
  await app.nav('Афиши').click();
  const preview = page.frameLocator(PREVIEW);
  const frame = page.locator(PREVIEW);
  await expect(page.getByRole('button', { name: 'Неделя', exact: true })).toHaveText(/23 ноября 2026/);

  // List by day (default): every title, in time order, and nothing else.
  await expect(preview.locator('.ev-title')).toHaveText(week.map((e) => e.title));
  await expect(page.getByRole('status').filter({ hasText: 'листов' })).toContainText(`${week.length} событ`);
  await page.screenshot({ path: test.info().outputPath('list-ru.png'), fullPage: true });

  // Week grid: one cell per day, the same titles.
  await choose(page, 'Шаблон', 'Сетка недели');
  await expect(preview.locator('.sheet.poster-grid')).not.toHaveCount(0);
  await expect(preview.locator('.cell')).toHaveCount(7);
  await expect(preview.locator('.gev-title')).toHaveText(week.map((e) => e.title));
  await page.screenshot({ path: test.info().outputPath('grid-ru.png'), fullPage: true });

  // Large type: at least 18 pt body on A4.
  await choose(page, 'Шаблон', 'Крупный шрифт');
  await expect(preview.locator('.sheet.poster-large').first()).toBeVisible();
  await expect(preview.locator('.ev-title')).toHaveText(week.map((e) => e.title));
  const bodyPt = Number((await page.getByRole('status').filter({ hasText: 'листов' }).textContent())!.match(/шрифт ([\d,]+) пт/)![1]!.replace(',', '.'));
  expect(bodyPt).toBeGreaterThanOrEqual(18);
  await page.screenshot({ path: test.info().outputPath('large-ru.png'), fullPage: true });

  // Paper and orientation: the preview keeps the sheet's proportions (A4/A3 portrait 1:√2, landscape √2:1).
  const ratio = async () => {
    const inner = await preview.locator('.sheet').first().boundingBox();
    return inner!.height / inner!.width;
  };
  const a4Width = await preview.locator('.sheet').first().evaluate((el) => el.getBoundingClientRect().width);
  expect(await ratio()).toBeCloseTo(Math.SQRT2, 1);
  await choose(page, 'Формат', 'A3');
  await expect.poll(() => preview.locator('.sheet').first().evaluate((el) => el.getBoundingClientRect().width)).toBeCloseTo(a4Width * Math.SQRT2, -1);
  await page.getByText('Альбомная').click();
  await expect.poll(ratio).toBeCloseTo(1 / Math.SQRT2, 1);
  expect((await frame.boundingBox())!.width).toBeCloseTo(560, 0);
  await page.screenshot({ path: test.info().outputPath('large-a3-landscape-ru.png'), fullPage: true });

  // Copy as text: every title and its time, the week in the first line.
  await page.getByRole('button', { name: 'Копировать текст' }).click();
  await expect(page.getByText('Текст афиши скопирован')).toBeVisible();
  const text = flat(await page.evaluate(() => navigator.clipboard.readText()));
  expect(text).toMatch(/^Афиша: 23–29 ноября/);
  for (const e of week) {
    expect(text).toContain(`${e.start.slice(11)}–`);
    expect(text).toContain(flat(e.title));
  }

  // The poster's language is independent of the interface's.
  await choose(page, 'Шаблон', 'Список по дням');
  await page.locator('label', { hasText: /^English$/ }).click();
  await expect(preview.locator('.ph-week').first()).toHaveText('23–29 November');
  await expect(preview.locator('.ev-title')).toHaveText(week.map((e) => e.title));
  await page.screenshot({ path: test.info().outputPath('list-a3-landscape-en.png'), fullPage: true });
});

test('PNG export: 1080×1350 images of the week, in PT Sans, not blank', async ({ app, page }) => {
  const week = expectedWeek();
  await loadDemo(page);
  await app.nav('Афиши').click();
  await expect(page.frameLocator(PREVIEW).locator('.ev-title')).toHaveCount(week.length);
  const downloads: Promise<Buffer>[] = [];
  const names: string[] = [];
  page.on('download', (d) => {
    names.push(d.suggestedFilename());
    downloads.push(d.path().then((path) => readFileSync(path)));
  });
  const button = page.getByRole('button', { name: 'Картинка PNG' });
  await button.click();
  await expect(button).toBeEnabled(); // busy while it renders and saves every sheet
  const images = await Promise.all(downloads);
  // One image per sheet of the social format: "afisha-2026-11-23.png" or "-1.png", "-2.png", …
  expect(names).toEqual(names.length === 1 ? ['afisha-2026-11-23.png'] : names.map((_, i) => `afisha-2026-11-23-${i + 1}.png`));
  for (const [i, png] of images.entries()) {
    // PNG signature, then the IHDR chunk: width and height, big-endian, at bytes 16 and 20.
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1080, 1350]);
    // Decode it in the page: not blank, some dark text and the accent colour of the header rule.
    const stats = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.naturalWidth;
      c.height = img.naturalHeight;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const px = ctx.getImageData(0, 0, c.width, c.height).data;
      let sum = 0, sq = 0, dark = 0, accent = 0;
      const n = px.length / 4;
      for (let p = 0; p < px.length; p += 4) {
        const y = 0.2126 * px[p]! + 0.7152 * px[p + 1]! + 0.0722 * px[p + 2]!;
        sum += y;
        sq += y * y;
        if (y < 100) dark++;
        if (Math.abs(px[p]! - 0x0b) < 24 && Math.abs(px[p + 1]! - 0x5f) < 24 && Math.abs(px[p + 2]! - 0x6e) < 24) accent++;
      }
      const mean = sum / n;
      return { sd: Math.sqrt(sq / n - mean * mean), dark: dark / n, accent };
    }, png.toString('base64'));
    expect(stats.sd, `image ${i + 1} varies`).toBeGreaterThan(20);
    expect(stats.dark, `image ${i + 1} has text`).toBeGreaterThan(0.01);
    expect(stats.dark).toBeLessThan(0.5);
    expect(stats.accent, `image ${i + 1} has the accent rule`).toBeGreaterThan(1000);
    writeFileSync(test.info().outputPath(`export-${i + 1}.png`), png);
  }
});

/** Print as the OS would see it: the desk prints from a hidden iframe (`contentWindow.print()`). */
async function recordPrints(page: Page) {
  // A test double for the OS print dialog only, which cannot run headless: every iframe's print() is
  // replaced by a recorder of the document it would have printed. The app's code path runs unchanged.
  await page.addInitScript(() => {
    if (window.top !== window) return;
    const calls: { text: string; html: string }[] = [];
    (window as unknown as { __prints: typeof calls }).__prints = calls;
    const own = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow')!;
    Object.defineProperty(HTMLIFrameElement.prototype, 'contentWindow', {
      configurable: true,
      get(this: HTMLIFrameElement) {
        const win = own.get!.call(this) as Window | null;
        if (win && win.document?.querySelector('.sheet')) {
          win.print = () => calls.push({ text: win.document.body.textContent ?? '', html: win.document.documentElement.outerHTML });
        }
        return win;
      },
    });
  });
  return () => page.evaluate(() => (window as unknown as { __prints: { text: string; html: string }[] }).__prints);
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('print and browser PDF go through the print iframe; a later change of that week is flagged and marked', async ({ app, page }) => {
  const week = expectedWeek();
  const prints = await recordPrints(page);
  await loadDemo(page);
  await app.nav('Афиши').click();
  const preview = page.frameLocator(PREVIEW);
  await expect(preview.locator('.ev-title')).toHaveCount(week.length);

  // Print: the print iframe gets the whole poster.
  await expect(page.getByText(/PDF сохраняется через окно печати/)).toBeVisible();
  await page.getByRole('button', { name: 'Печать', exact: true }).click();
  await expect.poll(async () => (await prints()).length).toBe(1);
  const [printed] = await prints();
  expect(printed!.html).toContain('class="sheet poster-list"');
  for (const e of week) expect(flat(printed!.text)).toContain(flat(e.title));
  await expect(page.getByText('С момента печати ничего не изменилось')).toBeVisible();

  // Save PDF in the browser: the same iframe path with the paper size, and the page says where the PDF went.
  await page.getByRole('button', { name: 'Сохранить PDF' }).click();
  await expect.poll(async () => (await prints()).length).toBe(2);
  expect((await prints())[1]!.html).toMatch(/@page \{ size: A4 portrait; \}/);
  await expect(page.getByText(/Окно печати закрыто/)).toBeVisible();

  // Change that week in the calendar: cancel one weekly-club occurrence, rename a one-off event.
  const club = week.find((e) => e.source === 'series')!;
  const oneOff = week.find((e) => e.source === 'booking')!;
  const openDay = async (date: string) => {
    await page.goto(`./?lang=ru#/calendar?view=day&date=${date}`);
    await expect(page.getByRole('heading', { name: 'Календарь', level: 2 })).toBeVisible();
  };
  const eventButton = (e: typeof club) => page.getByRole('button', { name: new RegExp(`^${e.start.slice(11)}–${e.end.slice(11)}.*${escapeRe(e.title)}`) }).first();
  await openDay(club.start.slice(0, 10));
  await eventButton(club).click();
  await page.getByRole('button', { name: 'Отменить бронь' }).click();
  const cancel = page.getByRole('dialog', { name: 'Отмена брони' });
  await cancel.getByRole('radio', { name: 'Только эту' }).check();
  await cancel.getByRole('textbox', { name: 'Причина отмены', exact: true }).fill('руководитель болеет');
  await cancel.getByRole('button', { name: 'Отменить бронь' }).click();
  await expect(cancel).toBeHidden();

  await openDay(oneOff.start.slice(0, 10));
  await eventButton(oneOff).click();
  await page.getByRole('button', { name: 'Изменить' }).click();
  const form = page.getByRole('dialog', { name: 'Изменить бронь' });
  const renamed = `${oneOff.title} — с чаепитием`;
  await form.getByRole('textbox', { name: 'Название', exact: true }).fill(renamed);
  await form.getByRole('button', { name: 'Сохранить', exact: true }).click();
  await expect(form).toBeHidden();

  // The poster page says so, lists both changes and highlights the renamed event in the preview.
  await app.nav('Афиши').click();
  const alert = page.getByRole('status').filter({ hasText: 'После печати афиши расписание изменилось' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('изменений — 2');
  await expect(alert.getByRole('listitem')).toHaveCount(2);
  await expect(alert.getByRole('listitem').filter({ hasText: 'Удалено:' })).toContainText(club.title);
  await expect(alert.getByRole('listitem').filter({ hasText: 'Переименовано:' })).toContainText('с чаепитием');
  await expect(preview.locator('.ev-title')).toHaveCount(week.length - 1);
  const marked = preview.locator('.ev', { hasText: 'с чаепитием' });
  await expect(marked).toHaveCSS('background-color', 'rgb(255, 232, 163)');
  await expect(preview.locator('.ev', { hasText: club.title }).first()).not.toHaveCSS('background-color', 'rgb(255, 232, 163)');
  await page.screenshot({ path: test.info().outputPath('changed-ru.png'), fullPage: true });

  // Printing again clears the flag.
  await page.getByRole('button', { name: 'Печать', exact: true }).click();
  await expect(page.getByText('С момента печати ничего не изменилось')).toBeVisible();
});
