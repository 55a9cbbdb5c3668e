import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { addPerson, doorStatus, rowsNotReadWhole } from './desk-kit';
import type { Page } from '@playwright/test';


/** Signs a directory person in at the door (type, Enter) and, when asked, out again. */
async function visit(page: Page, query: string, name: string, signOut: boolean) {
  await page.goto('./?lang=ru#/visitors');
  const field = page.getByRole('combobox', { name: 'Имя или телефон' });
  await field.focus(); // already on the door page: goto() to the same URL does not reload it
  await page.keyboard.type(query);
  await expect(page.getByRole('option').first()).toContainText(name);
  await page.keyboard.press('Enter');
  await expect(doorStatus(page)).toContainText(`Записан(а): ${name}`);
  if (signOut) await page.getByRole('button', { name: `Ушёл: ${name}` }).click();
  await expect(page.getByRole('button', { name: `Ушёл: ${name}` })).toHaveCount(signOut ? 0 : 1);
}

const results = (page: Page) => page.getByRole('list', { name: 'Люди' });

test('find-as-you-type by name with ё/е and typos, and by phone digits; bad input keeps what was typed', async ({ app, page }) => {
  await app.open('ru', '/people');
  await addPerson(page, 'Пётр Семёнов', '+7 (912) 345-67-89');
  await addPerson(page, 'Алёна Смирнова', '8 900 111 22 33');
  const search = page.getByRole('searchbox', { name: 'Поиск' });
  await search.fill('семенов');
  await expect(results(page).getByRole('button')).toHaveText([/Пётр Семёнов/]);
  await search.fill('смирнва');
  await expect(results(page).getByRole('button')).toHaveText([/Алёна Смирнова/]);
  await search.fill('4567');
  await expect(results(page).getByRole('button')).toHaveText([/Пётр Семёнов/]);

  await page.getByRole('button', { name: 'Добавить человека' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Телефон').fill('8 912 ABC');
  await dialog.getByLabel('Эл. почта').fill('oleg@');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog.getByText('Введите имя')).toBeVisible();
  await expect(dialog.getByText('В телефоне могут быть только цифры, пробелы и знаки + ( ) -')).toBeVisible();
  await expect(dialog.getByText('Адрес почты должен быть вида name@example.ru')).toBeVisible();
  await expect(dialog.getByLabel('Телефон')).toHaveValue('8 912 ABC');
  await page.screenshot({ path: test.info().outputPath('people-bad-input.png'), fullPage: true });
});

test('merging a duplicate moves its visits to the survivor', async ({ app, page }) => {
  await app.open('ru', '/people');
  await addPerson(page, 'Анна Петрова', '+7 900 000-11-22');
  await addPerson(page, 'Анна Петровна Петрова');
  await visit(page, 'петровна', 'Анна Петровна Петрова', true);
  await visit(page, '1122', 'Анна Петрова', true);

  await page.goto('./?lang=ru#/people');
  await results(page).getByRole('button', { name: /^Анна Петрова/ }).click();
  await expect(page.getByRole('heading', { name: 'Посещения (1)' })).toBeVisible();
  await page.getByRole('button', { name: 'Объединить с дублем' }).click();
  const dialog = page.getByRole('dialog');
  // typing the name and pressing Enter picks the top match
  await dialog.getByRole('textbox', { name: 'Запись-дубль' }).fill('петровна');
  await expect(page.getByRole('option', { name: /Анна Петровна Петрова/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('textbox', { name: 'Запись-дубль' })).toHaveValue(/Анна Петровна Петрова/);
  await dialog.getByRole('button', { name: 'Объединить' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Посещения (2)' })).toBeVisible();
  await expect(results(page).getByRole('button')).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath('people-merged.png'), fullPage: true });

  // The person's data export holds both visits and the merged record.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Выгрузить данные' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^Анна-Петрова-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(readFileSync(await file.path(), 'utf8'));
  expect(data.person.name).toBe('Анна Петрова');
  expect(data.visits).toHaveLength(2);
  // The merged record is a bare tombstone: id and link only, its personal data now lives on the survivor.
  expect(data.mergedRecords.map((p: { name: string; mergedInto: string }) => [p.name, p.mergedInto])).toEqual([['', data.person.id]]);
});

test('a group with its kind, contact person, local flag and members', async ({ app, page }) => {
  await app.open('ru', '/people');
  await addPerson(page, 'Ирина Хорова', '+7 903 555-66-77');
  await addPerson(page, 'Олег Басов');
  await page.getByRole('button', { name: 'Добавить группу' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog.getByText('Введите название')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Название' }).fill('Хор «Соседи»');
  await dialog.getByRole('textbox', { name: 'Контактное лицо' }).fill('хорова');
  await page.getByRole('option', { name: /Ирина Хорова/ }).click();
  await expect(dialog.getByRole('textbox', { name: 'Телефон контакта' })).toHaveValue('+7 903 555-66-77');
  await dialog.getByRole('textbox', { name: 'Участники' }).fill('басов');
  await page.getByRole('option', { name: /Олег Басов/ }).click();
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Хор «Соседи»' })).toBeVisible();
  await expect(page.getByText('Местная, бесплатно')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Участники (1)' })).toBeVisible();
  await page.getByRole('tab', { name: 'Люди' }).click();
  await results(page).getByRole('button', { name: /Ирина Хорова/ }).click();
  await expect(page.getByRole('cell', { name: 'Хор «Соседи»' })).toBeVisible();
});

test('erasing a person on request anonymises their visits and keeps the counts', async ({ app, page }) => {
  await app.open('ru', '/people');
  await addPerson(page, 'Зоя Удалова', '+7 901 222-33-44');
  await visit(page, 'удалова', 'Зоя Удалова', true);
  await visit(page, 'удалова', 'Зоя Удалова', false);
  await page.getByRole('tab', { name: 'Журнал' }).click();
  const totals = page.getByText(/^Записей: \d+, людей всего: \d+$/);
  await expect(totals).toHaveText('Записей: 2, людей всего: 2');
  await expect(page.getByRole('cell', { name: 'Зоя Удалова', exact: true })).toHaveCount(2);

  await page.goto('./?lang=ru#/people');
  await results(page).getByRole('button', { name: /Зоя Удалова/ }).click();
  await page.getByRole('button', { name: 'Удалить данные по запросу' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('button', { name: 'Удалить данные' })).toBeDisabled();
  await dialog.getByLabel(/Человек сам попросил удалить данные/).check();
  await dialog.getByRole('button', { name: 'Удалить данные' }).click();
  await expect(dialog).toBeHidden();
  await expect(results(page).getByRole('button')).toHaveCount(0);

  await page.goto('./?lang=ru#/visitors');
  await expect(page.getByRole('table', { name: 'Кто в здании' }).getByRole('cell', { name: 'Аноним', exact: true })).toBeVisible();
  await page.getByRole('tab', { name: 'Журнал' }).click();
  await expect(totals).toHaveText('Записей: 2, людей всего: 2');
  await expect(page.getByRole('cell', { name: 'Зоя Удалова', exact: true })).toHaveCount(0);
  await expect(page.getByRole('cell', { name: 'Аноним', exact: true })).toHaveCount(2);
  await page.screenshot({ path: test.info().outputPath('people-erased-log.png'), fullPage: true });
});

test('in English: erasure lists visitors typed in with the same name, and clears only the ticked one', async ({ app, page }) => {
  await app.open('en', '/people');
  await page.getByRole('button', { name: 'Add a person' }).click();
  const form = page.getByRole('dialog');
  await form.getByLabel('Full name').fill('Zoe Eraser');
  await form.getByLabel('Phone').fill('+7 901 222-33-44');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  await page.screenshot({ path: test.info().outputPath('people-en.png'), fullPage: true });

  // At the door: the directory person, then two visitors typed in by hand with her name (new-visitor option).
  await page.goto('./?lang=en#/visitors');
  const field = page.getByRole('combobox', { name: 'Name or phone' });
  await expect(field).toBeFocused();
  for (const [typed, pick] of [['zoe', 'Zoe Eraser'], ['Zoe Eraser', 'New visitor: “Zoe Eraser”'], ['ZOE ERASER', 'New visitor: “ZOE ERASER”']]) {
    await field.focus();
    await page.keyboard.type(typed!);
    await page.getByRole('option', { name: pick }).click();
    await expect(doorStatus(page)).toContainText('Signed in:');
    await page.getByRole('button', { name: /^Left: / }).first().click(); // out again, so a typed name is not a repeat press
    await expect(page.getByText('Nobody is in the building now.')).toBeVisible();
  }
  await page.screenshot({ path: test.info().outputPath('visitors-en.png'), fullPage: true });

  await page.goto('./?lang=en#/people');
  await page.getByRole('list', { name: 'People' }).getByRole('button', { name: /Zoe Eraser/ }).click();
  await page.getByRole('button', { name: 'Erase data on request' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('2 records typed in by hand with the name or phone of “Zoe Eraser”')).toBeVisible();
  await dialog.getByRole('checkbox', { name: /“Zoe Eraser”, Just visiting/ }).check();
  await dialog.getByRole('checkbox', { name: /asked for their data to be erased/ }).check();
  await page.screenshot({ path: test.info().outputPath('people-erase-en.png'), fullPage: true });
  await dialog.getByRole('button', { name: 'Erase data' }).click();
  await expect(dialog).toBeHidden();

  await page.goto('./?lang=en#/visitors');
  await page.getByRole('tab', { name: 'Log' }).click();
  await expect(page.getByText('Entries: 3, people in total: 3')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Anonymous', exact: true })).toHaveCount(2);
  await expect(page.getByRole('cell', { name: 'ZOE ERASER', exact: true })).toHaveCount(1);
  await expect(page.getByRole('cell', { name: 'Zoe Eraser', exact: true })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('visitors-log-en.png'), fullPage: true });
});

test('on a 1024 px screen (an old laptop, or 1280 zoomed to 125 %) a long e-mail address stays inside the person card', async ({ app, page }) => {
  await page.setViewportSize({ width: 1024, height: 640 });
  await app.open('ru', '/people');
  await addPerson(page, 'Константинопольская Валентина', '', 'konstantinopolskaya.valentina@example.ru');
  await results(page).getByRole('button', { name: /Константинопольская/ }).click();
  const contacts = page.getByRole('table', { name: 'Контакты' });
  const email = contacts.getByRole('cell', { name: 'konstantinopolskaya.valentina@example.ru' });
  await expect(email).toBeVisible();
  const table = (await contacts.boundingBox())!;
  // The text itself (a range), not the cell: the cell keeps its width while the text runs past it.
  const text = await email.evaluate((td) => {
    const range = document.createRange();
    range.selectNodeContents(td);
    const r = range.getBoundingClientRect();
    return { right: r.right };
  });
  expect(text.right).toBeLessThanOrEqual(table.x + table.width + 1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
});

test('on a 1024×640 screen a long name in the list wraps to a second line and is read whole, without hovering', async ({ app, page }) => {
  await page.setViewportSize({ width: 1024, height: 640 });
  await app.open('ru', '/people');
  const long = 'Константинопольская-Водопьянова Александра Вячеславовна';
  await addPerson(page, long, '+7 912 345-67-89');
  await addPerson(page, 'Абрамова Светлана Константиновна');
  await addPerson(page, 'Ли Ан');
  const buttons = results(page).getByRole('button');
  await expect(buttons).toHaveText([/^Абрамова Светлана Константиновна/, /^Константинопольская-Водопьянова Александра Вячеславовна/, /^Ли Ан/]);
  await page.screenshot({ path: test.info().outputPath('people-1024-long-names.png') });
  expect(await rowsNotReadWhole(results(page))).toEqual([]);
  // The long name took a second line; a short one keeps a single line (the list is not padded for the longest).
  const height = async (name: RegExp) => (await buttons.filter({ hasText: name }).boundingBox())!.height;
  expect(await height(/Константинопольская/)).toBeGreaterThan((await height(/Ли Ан/)) + 15);
  // Still a keyboard list: Tab goes from row to row, Enter opens the person.
  await buttons.first().focus();
  await page.keyboard.press('Tab');
  await expect(buttons.nth(1)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: long })).toBeVisible();
});

test('the consent date is written and typed the desk’s way (ДД.ММ.ГГГГ in Russian), not in the browser’s own format', async ({ app, page }) => {
  await app.open('ru', '/people');
  await page.getByRole('button', { name: 'Добавить человека' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: /^Имя и фамилия/ }).fill('Зоя Кравец');
  await dialog.getByRole('checkbox', { name: /согласие/i }).check();
  const date = dialog.getByRole('textbox', { name: 'Дата согласия' });
  // ticking consent fills in today, shown day first as every other date of the desk
  await expect(date).toHaveValue(/^\d\d\.\d\d\.\d{4}$/);
  await date.fill('02.11.2026');
  await date.press('Enter'); // Enter in a field sends the form, as in every form of the desk
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('main').getByText(/2 ноября 2026|02\.11\.2026/)).toBeVisible();
});
