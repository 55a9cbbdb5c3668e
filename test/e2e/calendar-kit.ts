import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';
import ruCal from '../../renderer/app/i18n/locales/ru/calendar.json' with { type: 'json' };
import enCal from '../../renderer/app/i18n/locales/en/calendar.json' with { type: 'json' };
import ruSet from '../../renderer/app/i18n/locales/ru/settings.json' with { type: 'json' };
import enSet from '../../renderer/app/i18n/locales/en/settings.json' with { type: 'json' };

/** Page helpers shared by the calendar specs: the words of each language, the hall, day-view mouse work. */
export const L = { ru: { cal: ruCal, set: ruSet }, en: { cal: enCal, set: enSet } } as const;
export type Lang = keyof typeof L;
// A fixed Tuesday in the future, so "today" never interferes.
export const DAY = '2030-03-05';
/** How a volunteer types a date: day first, DD.MM.YYYY in Russian and DD/MM/YYYY in English. */
export const typed = (lang: Lang, iso: string) => iso.split('-').reverse().join(lang === 'ru' ? '.' : '/');
export const hallName = (lang: Lang) => (lang === 'ru' ? 'Зал' : 'Hall');
/** A message template with its {{placeholders}} filled in. */
export const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? ''));

export async function openDay(page: Page, lang: Lang, date: string) {
  await page.goto(`./?lang=${lang}#/calendar?view=day&date=${date}`);
  await expect(page.getByRole('heading', { name: L[lang].cal.title, level: 2 })).toBeVisible();
}

/** A text, date, time or number field by its exact label. */
export const field = (scope: Locator | Page, name: string) => scope.getByRole('textbox', { name, exact: true });

/** Mouse drag over empty time in a day-view column (07:00 is the first hour shown). */
export async function dragTime(page: Page, column: number, fromHour: number, toHour: number) {
  const groups = page.locator('.rbc-time-content .rbc-day-slot').nth(column).locator('.rbc-timeslot-group');
  await expect(groups.nth(toHour - 8)).toBeVisible(); // the room columns come in once the rooms are read
  const a = (await groups.nth(fromHour - 7).boundingBox())!;
  const b = (await groups.nth(toHour - 8).boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + 3);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2, a.y + 20, { steps: 4 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height - 3, { steps: 6 });
  await page.mouse.up();
}

/** Drags an event by mouse to the given hour of a day-view column. */
export async function dragEvent(page: Page, event: Locator, column: number, toHour: number) {
  const box = (await event.boundingBox())!;
  const target = (await page.locator('.rbc-time-content .rbc-day-slot').nth(column).locator('.rbc-timeslot-group').nth(toHour - 7).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 8);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + 20, { steps: 4 });
  await page.mouse.move(target.x + target.width / 2, target.y + 8, { steps: 8 });
  await page.mouse.up();
}

/**
 * Seeds the hall through Settings → Rooms, like a coordinator would: sections A and B, 30 minutes of
 * setup and clean-up, and an hourly rate for outside organisers when given.
 */
export async function seedHall(page: Page, lang: Lang, opts: { hourlyRate?: number } = {}) {
  const { cal, set } = L[lang];
  await page.goto(`./?lang=${lang}#/settings/rooms`);
  await page.getByRole('button', { name: set.rooms.add }).click();
  const roomDialog = page.getByRole('dialog');
  await roomDialog.getByRole('textbox', { name: set.rooms.name, exact: true }).fill(hallName(lang));
  // Two sections, A and B: each "add" offers the next free letter as key and label.
  await roomDialog.getByRole('button', { name: cal.room.sectionAdd }).click();
  await roomDialog.getByRole('button', { name: cal.room.sectionAdd }).click();
  await expect(field(roomDialog, fill(cal.room.sectionId, { n: 2 }))).toHaveValue('B');
  await roomDialog.getByLabel(cal.room.setup).fill('30');
  await roomDialog.getByLabel(cal.room.cleanup).fill('30');
  if (opts.hourlyRate !== undefined) await roomDialog.getByLabel(cal.room.hourlyRate).fill(String(opts.hourlyRate));
  await roomDialog.getByRole('button', { name: set.save }).click();
  await expect(roomDialog).toBeHidden();
}

/** Picks an option of a Mantine select by its visible label. */
export async function choose(page: Page, select: Locator, option: string) {
  await select.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}
