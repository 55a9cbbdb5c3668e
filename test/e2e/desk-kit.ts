import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** Page helpers shared by several specs (Russian UI). */

/** The tiny demo dataset ("a couple of weeks of a small centre"), loaded with the page's clock fixed at `now` (Moscow). */
export async function loadTinyDemo(page: Page, now: string) {
  await page.clock.setFixedTime(new Date(`${now}:00+03:00`));
  await page.goto('./?lang=ru#/settings/data');
  await page.getByLabel('Пара недель маленького центра').check();
  await page.getByRole('button', { name: 'Загрузить демо-данные' }).click();
  await expect(page.getByText('Демо-данные загружены')).toBeVisible({ timeout: 25_000 });
}

/** The door's own status line (the header has a sync status too). */
export const doorStatus = (page: Page) => page.getByRole('region', { name: /^(Кто пришёл|Who came in)$/ }).getByRole('status');

/** Adds a person with People → Add a person, from the People page. */
export async function addPerson(page: Page, name: string, phone = '', email = '') {
  await page.getByRole('button', { name: 'Добавить человека' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Имя и фамилия').fill(name);
  if (phone) await dialog.getByLabel('Телефон').fill(phone);
  if (email) await dialog.getByLabel('Эл. почта').fill(email);
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toBeHidden();
}
