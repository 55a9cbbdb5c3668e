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
    .map((o) => ({ title: o.title, start: o.start, room: rooms.get(o.roomId) ?? '' }))
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
