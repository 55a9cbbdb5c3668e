import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { loadTinyDemo } from './desk-kit';

/**
 * A volunteer who works by keyboard only: every step below is a key press (Tab, Enter, Escape, arrows, typing).
 * Locators only check where the focus is and what the screen shows. Setup (the tiny demo dataset) uses the mouse.
 */
const NOW = '2026-11-18T11:00';

/** Presses Tab until `target` has the focus (at most `max` presses); fails if it never does. */
async function tabTo(page: Page, target: Locator, max = 120) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement, undefined, { timeout: 2000 }).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target, `reached by Tab within ${max} presses`).toBeFocused({ timeout: 1 });
}

/** WCAG contrast ratio of two `rgb(r, g, b)` colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
      const x = Number(v) / 255;
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const loadDemo = (page: Page) => loadTinyDemo(page, NOW);

test('keyboard only: skip link, Today, Calendar (views, grid scroll, events, new booking), People, Loans, Settings; focus returns to the opener', async ({ page }) => {
  await loadDemo(page);
  await page.goto('./?lang=ru#/');
  await page.reload(); // a fresh page: the focus starts at the top
  const main = page.getByRole('main');
  await expect(page.getByRole('heading', { level: 2, name: /^Сегодня/ })).toBeVisible();

  // The skip link is the first stop and lands on the main area (the route stays Today).
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Перейти к содержимому' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(main).toBeFocused();
  expect(new URL(page.url()).hash).toBe('#/');

  // Today: the next Tab stays in the main area, on a link to today's calendar.
  await page.keyboard.press('Tab');
  const toCalendar = main.getByRole('link', { name: 'Открыть календарь на сегодня' });
  await expect(toCalendar).toBeFocused();
  await page.keyboard.press('Enter');

  // Calendar: New booking opens and Escape gives the focus back to the button.
  const newBooking = main.getByRole('button', { name: 'Новая бронь', exact: true });
  await expect(newBooking).toBeVisible();
  await tabTo(page, newBooking);
  // The focus ring stands out at least 3:1 (WCAG 1.4.11) from white and from the page's grey.
  const ring = await newBooking.evaluate((el) => {
    const style = getComputedStyle(el);
    return { color: style.outlineColor, width: parseFloat(style.outlineWidth), style: style.outlineStyle };
  });
  expect(ring.style).toBe('solid');
  expect(ring.width).toBeGreaterThanOrEqual(2);
  expect(contrast(ring.color, 'rgb(255, 255, 255)')).toBeGreaterThanOrEqual(3);
  expect(contrast(ring.color, 'rgb(248, 249, 250)')).toBeGreaterThanOrEqual(3);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Новая бронь' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(newBooking).toBeFocused();

  // The view buttons say which one is pressed.
  const day = main.getByRole('button', { name: 'День', exact: true });
  const week = main.getByRole('button', { name: 'Неделя', exact: true });
  await expect(day).toHaveAttribute('aria-pressed', 'true');
  await expect(week).toHaveAttribute('aria-pressed', 'false');
  await tabTo(page, week);
  await page.keyboard.press('Enter');
  await expect(week).toHaveAttribute('aria-pressed', 'true');
  await expect(day).toHaveAttribute('aria-pressed', 'false');
  // The week's hour grid is a focusable region that scrolls with the keyboard.
  const grid = main.getByRole('region', { name: /Сетка по часам/ });
  await tabTo(page, grid);
  const before = await grid.evaluate((el) => el.scrollTop);
  // It opens scrolled to the working day, so it can go up (or, at the top, down).
  await page.keyboard.press(before > 0 ? 'PageUp' : 'PageDown');
  await expect.poll(() => grid.evaluate((el) => el.scrollTop)).not.toBe(before);

  // An event opens from the keyboard; Escape closes its details and gives the focus back to the event.
  const event = grid.locator('.rbc-event').first();
  await tabTo(page, event);
  const title = (await event.getAttribute('title')) ?? '';
  await page.keyboard.press('Enter');
  const details = page.getByRole('dialog', { name: 'Бронь' });
  await expect(details).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(details).toBeHidden();
  await expect(grid.locator(`.rbc-event[title="${title.replace(/"/g, '\\"')}"]`).first()).toBeFocused();

  // Back to the day view.
  await tabTo(page, day);
  await page.keyboard.press('Enter');
  await expect(day).toHaveAttribute('aria-pressed', 'true');

  // People (Alt+5): add a person with the keyboard; Escape on the form returns to "Добавить человека".
  await page.keyboard.press('Alt+5');
  await expect(main).toBeFocused(); // Alt+digit opens the section and puts the focus on its main area
  const addPerson = main.getByRole('button', { name: 'Добавить человека' });
  await expect(addPerson).toBeVisible();
  await tabTo(page, addPerson);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Добавить человека' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(addPerson).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Добавить человека' }).getByLabel('Имя и фамилия')).toBeFocused();
  await page.keyboard.type('Клавиатурная Анна');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(main.getByRole('heading', { name: 'Клавиатурная Анна' })).toBeVisible();

  // Loans (Alt+3): the catalogue tab, then add an item.
  await page.keyboard.press('Alt+3');
  await expect(main).toBeFocused(); // Alt+digit opens the section and puts the focus on its main area
  const counterTab = main.getByRole('tab', { name: 'Стойка' });
  await tabTo(page, counterTab);
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect(main.getByRole('tab', { name: 'Каталог' })).toBeFocused();
  await page.keyboard.press('Enter');
  const addItem = main.getByRole('button', { name: 'Добавить вещь' });
  await tabTo(page, addItem);
  await page.keyboard.press('Enter');
  const itemForm = page.getByRole('dialog', { name: 'Добавить вещь' });
  await expect(itemForm.getByLabel('Название')).toBeFocused();
  await page.keyboard.type('Клавиатурный мяч');
  await page.keyboard.press('Enter');
  await expect(itemForm).toBeHidden();
  await expect(addItem).toBeFocused();

  // Settings (Alt+8) → Rooms: add a room with the keyboard.
  await page.keyboard.press('Alt+8');
  await expect(main).toBeFocused(); // Alt+digit opens the section and puts the focus on its main area
  // Tabs are one Tab stop (the selected one); the arrows move between them.
  await tabTo(page, main.getByRole('tab', { selected: true }));
  await page.keyboard.press('ArrowRight');
  await expect(main.getByRole('tab', { name: 'Помещения' })).toBeFocused();
  await page.keyboard.press('Enter');
  const addRoom = main.getByRole('button', { name: 'Добавить помещение' });
  await tabTo(page, addRoom);
  await page.keyboard.press('Enter');
  const roomForm = page.getByRole('dialog');
  await expect(roomForm).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(roomForm).toBeHidden();
  await expect(addRoom).toBeFocused();
});
