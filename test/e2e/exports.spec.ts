import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import ICAL from 'ical.js';
import { test, expect } from './fixtures';
import { loadTinyDemo } from './desk-kit';
import { generateDataset } from '../../shared/fixtures/generate';
import { occurrencesInRange } from '../../shared/bookings';

/**
 * Files that leave the desk, read back by independent programs. A fixed "now" (Wednesday 18 November 2026)
 * makes the tiny demo dataset the same on every run; the browser runs in Moscow time (playwright.config).
 */
const NOW = '2026-11-18T11:00';

const loadDemo = (page: Page) => loadTinyDemo(page, NOW);

test('.ics of the week on screen in the centre’s zone (Novokuznetsk, UTC+7, the desk in Moscow): ical.js reads the right instants', async ({ app, page }) => {
  await loadDemo(page);
  // Settings → Interface: the centre is in Novokuznetsk, this desk's clock in Moscow.
  await page.goto('./?lang=ru#/settings/interface');
  const zone = page.getByRole('textbox', { name: 'Часовой пояс центра' });
  await expect(zone).toHaveValue('Europe/Moscow');
  await zone.click();
  await page.getByRole('option', { name: 'Asia/Novokuznetsk', exact: true }).click();
  await expect(zone).toHaveValue('Asia/Novokuznetsk');
  // A setting of the centre (its synced settings document), not of this computer: nothing is kept in this
  // browser's storage, and after a reload it is still the centre's zone.
  expect(await page.evaluate(() => localStorage.getItem('sosedi.timeZone'))).toBeNull();
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Часовой пояс центра' })).toHaveValue('Asia/Novokuznetsk');

  await app.open('ru', '/calendar?view=week&date=2026-11-18');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Экспорт .ics' }).click();
  await page.getByRole('menuitem', { name: 'Неделя на экране' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('events-2026-11-16-2026-11-22.ics');
  const ics = readFileSync(await file.path(), 'utf8');

  // What the dataset holds for that week (public, not cancelled), computed here in Node.
  const ds = generateDataset({ size: 'tiny', anchor: NOW });
  const expected = occurrencesInRange(ds.bookings, ds.series, '2026-11-16', '2026-11-23').filter((o) => o.public && o.status !== 'cancelled');
  expect(expected.length).toBeGreaterThan(3);

  const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  expect(events).toHaveLength(expected.length);
  const byTitleStart = new Map(events.map((e) => [`${e.summary}|${e.startDate.toJSDate().toISOString()}`, e]));
  for (const o of expected) {
    // A wall time in Novokuznetsk (UTC+7, no summer time) is that time minus 7 hours in UTC.
    const start = new Date(`${o.start}:00+07:00`).toISOString();
    const event = byTitleStart.get(`${o.title}|${start}`);
    expect(event, `${o.title} at ${o.start} Novokuznetsk = ${start}`).toBeDefined();
    expect(event!.endDate.toJSDate().toISOString()).toBe(new Date(`${o.end}:00+07:00`).toISOString());
  }
  expect(ics).toMatch(/^DTSTART:\d{8}T\d{6}Z\r$/m);
  expect(ics).toContain('X-WR-TIMEZONE:Asia/Novokuznetsk');

  // All future public events: from today, none before.
  const future = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Экспорт .ics' }).click();
  await page.getByRole('menuitem', { name: /Все будущие открытые события/ }).click();
  const all = readFileSync(await (await future).path(), 'utf8');
  const starts = new ICAL.Component(ICAL.parse(all)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v).endDate.toJSDate().getTime());
  expect(starts.length).toBeGreaterThan(expected.length);
  for (const end of starts) expect(end).toBeGreaterThan(new Date('2026-11-17T17:00:00Z').getTime()); // ends after midnight 18 Nov in Novokuznetsk
});
