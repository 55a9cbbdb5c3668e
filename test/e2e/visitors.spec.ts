import { test, expect, type DeskApp } from './fixtures';
import { addPerson, doorStatus } from './desk-kit';
import type { Page } from '@playwright/test';

/** Adds a person through People → Add a person (Russian UI). */
async function addPersonFromPeople(page: Page, name: string, phone = '') {
  await page.goto('./?lang=ru#/people');
  await addPerson(page, name, phone);
}

/** Today's booking through the calendar (Calendar → New booking: today, 18:00–20:00, first room). */
async function addTodayBooking(app: DeskApp, title: string) {
  await app.addRoom({ name: 'Зал', capacity: 80 });
  await app.page.goto('./?lang=ru#/calendar');
  await app.page.getByRole('button', { name: 'Новая бронь' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Новая бронь' });
  await dialog.getByRole('textbox', { name: 'Название', exact: true }).fill(title);
  await dialog.getByRole('button', { name: 'Сохранить', exact: true }).click();
  await expect(dialog).toBeHidden();
}

async function openDoor(page: Page) {
  await page.goto('./?lang=ru#/visitors');
  const field = page.getByRole('combobox', { name: 'Имя или телефон' });
  await expect(field).toBeFocused();
  return field;
}

const inBuilding = (page: Page) => page.getByRole('table', { name: 'Кто в здании' });

test('a known and an unknown visitor are signed in by keyboard only; double Enter makes one visit', async ({ page }) => {
  await addPersonFromPeople(page, 'Пётр Семёнов', '+7 (912) 345-67-89');
  await openDoor(page);

  // Known person: type, Enter (the top match) — typed with е instead of ё and lower case.
  await page.keyboard.type('семен');
  await expect(page.getByRole('option', { name: /Пётр Семёнов/ })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(doorStatus(page)).toContainText('Записан(а): Пётр Семёнов');
  await expect(inBuilding(page).getByRole('cell', { name: 'Пётр Семёнов', exact: true })).toBeVisible();

  // Signing the same person in again while inside is refused with a message.
  await page.keyboard.type('4567');
  await page.keyboard.press('Enter');
  await expect(doorStatus(page)).toContainText('уже в здании');

  // Unknown visitor, with companions, pressing Enter twice.
  await page.keyboard.press('Escape');
  await page.keyboard.type('Зинаида Гостева');
  await page.keyboard.press('Tab'); // to the purpose radios … then the companions
  await page.getByLabel('С ним детей').focus();
  await page.keyboard.type('2');
  await page.getByRole('combobox', { name: 'Имя или телефон' }).focus();
  await expect(page.getByRole('option', { name: /Новый посетитель: «Зинаида Гостева»/ })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(doorStatus(page)).toContainText('Записан(а): Зинаида Гостева');
  await expect(inBuilding(page).getByRole('row', { name: /Зинаида Гостева/ })).toHaveCount(1);
  await expect(page.getByRole('heading', { name: 'Сейчас в здании: 4' })).toBeVisible(); // Пётр + Зинаида + 2 children

  // The log has exactly two entries after a reload.
  await page.reload();
  await page.getByRole('tab', { name: 'Журнал' }).click();
  await expect(page.getByText('Записей: 2, людей всего: 4')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('visitors-log.png'), fullPage: true });
});

test('a name only like someone in the directory is never pre-selected: Enter makes a new visitor, in Latin and Cyrillic alike', async ({ page }) => {
  await addPersonFromPeople(page, 'Ivan Petrov');
  await addPersonFromPeople(page, 'Иван Петров');
  await addPersonFromPeople(page, 'Мария Ильина');
  await openDoor(page);
  for (const typed of ['Ivan Petrenko', 'Иван Петренко', 'ёлкина']) {
    await page.keyboard.type(typed);
    const options = page.getByRole('option');
    await expect(options.first()).toHaveText(new RegExp(`Новый посетитель: «${typed}»`));
    await expect(options.first()).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await expect(doorStatus(page)).toContainText(`Записан(а): ${typed}`);
  }
  // the known name, typed by its beginning, is still the top match and pre-selected
  await page.keyboard.type('Иван Пет');
  await expect(page.getByRole('option').first()).toHaveText(/^Иван Петров/);
  await expect(page.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(doorStatus(page)).toContainText('Записан(а): Иван Петров');
  await expect(inBuilding(page).getByRole('cell', { name: 'Ivan Petrov', exact: true })).toHaveCount(0);
});

test('bad input at the door: clear messages, typed values kept', async ({ page }) => {
  const field = await openDoor(page);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Введите имя посетителя')).toBeVisible();
  await field.fill('Олег');
  await page.getByLabel('С ним взрослых').fill('-3');
  await page.getByLabel('С ним детей').fill('5000');
  await page.getByRole('button', { name: 'Записать вход' }).click();
  await expect(page.getByText('Число не может быть меньше нуля')).toBeVisible();
  await expect(page.getByText(/Слишком много — не больше 500/)).toBeVisible();
  await expect(field).toHaveValue('Олег');
  await expect(page.getByLabel('С ним детей')).toHaveValue('5000');
  await expect(page.getByText('Сейчас в здании никого нет.')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('visitors-bad-input.png'), fullPage: true });
});

test('the in-building list signs out one person and then everyone, with a confirmation', async ({ page }) => {
  await openDoor(page);
  for (const name of ['Анна Первая', 'Борис Второй', 'Вера Третья']) {
    await page.keyboard.type(name);
    await page.keyboard.press('Enter');
    await expect(doorStatus(page)).toContainText(`Записан(а): ${name}`);
  }
  await expect(page.getByRole('button', { name: 'Печать списка для эвакуации' })).toBeEnabled();
  await page.screenshot({ path: test.info().outputPath('visitors-door.png'), fullPage: true });
  await page.getByRole('button', { name: 'Ушёл: Борис Второй' }).click();
  await expect(inBuilding(page).getByRole('row')).toHaveCount(3); // header + 2
  await page.getByRole('button', { name: 'Все ушли' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Да, все ушли' }).click();
  await expect(page.getByText('Сейчас в здании никого нет.')).toBeVisible();
  await page.getByRole('tab', { name: 'Журнал' }).click();
  await expect(page.getByText('Записей: 3, людей всего: 3')).toBeVisible();
  await expect(page.getByText('в здании')).toHaveCount(0);
});

test('the headcount clicker counts an event and sets its attendance', async ({ app, page }) => {
  await addTodayBooking(app, 'Лекция о компосте');
  await page.goto('./?lang=ru#/visitors');
  await page.getByRole('tab', { name: 'Счётчик на мероприятии' }).click();
  await page.getByRole('textbox', { name: 'Мероприятие' }).click();
  await page.getByRole('option', { name: /Лекция о компосте/ }).click();
  const plusAdult = page.getByRole('button', { name: 'Плюс один: Взрослые' });
  for (let i = 0; i < 3; i++) await plusAdult.click();
  await page.getByRole('button', { name: 'Плюс один: Дети' }).click();
  await page.getByRole('button', { name: 'Минус один: Взрослые' }).click();
  await expect(page.getByTestId('headcount-adults')).toHaveText('2');
  await expect(page.getByTestId('headcount-children')).toHaveText('1');
  await expect(page.getByText('Всего: 3')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('visitors-headcount.png'), fullPage: true });
  await page.reload();
  await page.getByRole('tab', { name: 'Счётчик на мероприятии' }).click();
  await page.getByRole('textbox', { name: 'Мероприятие' }).click();
  await page.getByRole('option', { name: /Лекция о компосте/ }).click();
  await expect(page.getByTestId('headcount-adults')).toHaveText('2');
});

test('an event with no booking is named on the spot; its headcount counts in the month’s report', async ({ app, page }) => {
  await app.addRoom({ name: 'Зал', capacity: 80 });
  await page.goto('./?lang=ru#/visitors');
  await page.getByRole('tab', { name: 'Счётчик на мероприятии' }).click();
  await page.getByRole('textbox', { name: 'Нет брони? Название события' }).fill('Дворовый праздник');
  await page.getByRole('button', { name: 'Начать счёт' }).click();
  const plusAdult = page.getByRole('button', { name: 'Плюс один: Взрослые' });
  for (let i = 0; i < 4; i++) await plusAdult.click();
  await expect(page.getByTestId('headcount-adults')).toHaveText('4');
  await expect(page.getByRole('textbox', { name: 'Мероприятие', exact: true })).toHaveValue(/Дворовый праздник/);
  // booked in the hall from now for an hour: it is in today's calendar
  await page.goto('./?lang=ru#/calendar');
  await expect(page.getByText('Дворовый праздник').first()).toBeVisible();
});

test('a club visitor is linked to today’s booking; next day they are flagged "since yesterday" and the log still names the booking', async ({ app, page }) => {
  const yesterday = new Date();
  yesterday.setDate(yesterday.getDate() - 1);
  yesterday.setHours(10, 0, 0, 0);
  const today = new Date(yesterday);
  today.setDate(today.getDate() + 1);
  const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

  // Yesterday: a club booking made in the calendar, and a visitor signed in to it who never signs out.
  await page.clock.setFixedTime(yesterday);
  await addTodayBooking(app, 'Кружок вязания');
  const field = await openDoor(page);
  await field.fill('Нина Вязова');
  await page.getByRole('radio', { name: 'Кружок' }).check();
  await page.getByRole('textbox', { name: 'Какое занятие или мероприятие' }).click();
  await page.getByRole('option', { name: /Кружок вязания/ }).click();
  await page.getByRole('button', { name: 'Записать вход' }).click();
  await expect(doorStatus(page)).toContainText('Записан(а): Нина Вязова');
  await page.getByRole('tab', { name: 'Журнал' }).click();
  await expect(page.getByRole('row', { name: /Нина Вязова/ })).toContainText('Кружок · Кружок вязания');

  // Today: still listed in the building, flagged; the door offers only today's bookings (none).
  await page.clock.setFixedTime(today);
  await page.reload(); // the same URL: goto() would not reload the page
  await expect(page.getByRole('combobox', { name: 'Имя или телефон' })).toBeFocused();
  const row = inBuilding(page).getByRole('row', { name: /Нина Вязова/ });
  await expect(row).toContainText('со вчера');
  await expect(page.getByRole('heading', { name: 'Сейчас в здании: 1' })).toBeVisible();
  await page.getByRole('radio', { name: 'Кружок' }).check();
  await expect(page.getByRole('textbox', { name: 'Какое занятие или мероприятие' })).toHaveAttribute('placeholder', 'Сегодня бронирований нет');
  await page.screenshot({ path: test.info().outputPath('visitors-since-yesterday.png'), fullPage: true });

  // The log over both days names yesterday's booking (it is not among today's).
  await page.getByRole('tab', { name: 'Журнал' }).click();
  await page.getByLabel('С даты').fill(iso(yesterday));
  await expect(page.getByText('Записей: 1, людей всего: 1')).toBeVisible();
  await expect(page.getByRole('row', { name: /Нина Вязова/ })).toContainText('Кружок · Кружок вязания');
});
