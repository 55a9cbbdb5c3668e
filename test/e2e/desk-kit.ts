import type { Locator, Page } from '@playwright/test';
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

/**
 * The rows of a people list (role list) whose text is not all on screen: a name cut with "…" or clipped, or a row
 * overlapping the next one. Each as "name: why"; an empty array when every rendered row reads whole.
 */
export async function rowsNotReadWhole(list: Locator): Promise<string[]> {
  return list.getByRole('listitem').evaluateAll((items) =>
    items.flatMap((li, i) => {
      const button = li.querySelector('button')!;
      const name = button.firstElementChild as HTMLElement;
      const why: string[] = [];
      for (const el of [button, ...button.children] as HTMLElement[]) {
        if (el.scrollWidth > el.clientWidth + 1) why.push(`wider than its box (${el.scrollWidth} > ${el.clientWidth})`);
        if (el.scrollHeight > el.clientHeight + 1) why.push(`taller than its box (${el.scrollHeight} > ${el.clientHeight})`);
      }
      const row = li.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(button);
      const text = range.getBoundingClientRect();
      if (text.right > row.right + 1 || text.bottom > row.bottom + 1) why.push('text past the row');
      const next = items[i + 1]?.getBoundingClientRect();
      if (next && next.top < row.bottom - 1) why.push(`overlaps the next row by ${Math.round(row.bottom - next.top)} px`);
      return why.length ? [`${name.textContent}: ${why.join(', ')}`] : [];
    }),
  );
}
