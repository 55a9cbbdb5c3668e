import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';

const SHOTS = process.env.LOANS_SHOTS_DIR ?? '';
async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Keyboard only: focus a control and press a key on it. */
async function press(target: Locator, key = 'Enter') {
  await target.focus();
  await target.press(key);
}
async function typeInto(field: Locator, text: string) {
  await field.focus();
  await field.press('ControlOrMeta+a');
  await field.pressSequentially(text);
}
/** A date and a 24-hour time the way a volunteer types them: the day (day first), then hours and minutes as digits. */
async function typeDateTime(form: Locator, label: string, words: { day: string; hours: string }, day: string, time: string) {
  await typeInto(form.getByRole('textbox', { name: `${label}: ${words.day}` }), day);
  await form.getByRole('spinbutton', { name: `${label}: ${words.hours}` }).focus();
  await form.page().keyboard.type(time.replace(':', ''));
}
const RU = { day: 'день', hours: 'часы' };
const EN = { day: 'day', hours: 'hours' };
/**
 * A USB scanner burst: the code's keys, then Enter, 8 ms apart by their own timestamps, dispatched inside the page
 * in one go, so the burst arrives as one whatever the machine's load (keys sent one by one from the test would be
 * spread out by a busy machine). In a text field each key types into the field unless the page stops it, as a
 * real key does. With `blur`, the focus leaves any field first.
 */
async function scanBurst(page: Page, code: string, { blur = false, gapMs = 8 } = {}) {
  await page.evaluate(
    ({ code, blur, gapMs }) => {
      if (blur) (document.activeElement as HTMLElement | null)?.blur();
      const target = (document.activeElement as HTMLElement | null) ?? document.body;
      const t0 = performance.now();
      const keys = [...code, 'Enter'];
      keys.forEach((key, i) => {
        const down = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, composed: true });
        Object.defineProperty(down, 'timeStamp', { value: t0 + i * gapMs });
        const typed = target.dispatchEvent(down);
        if (typed && key !== 'Enter' && (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement)) {
          const at = target.selectionStart ?? target.value.length;
          target.setRangeText(key, at, target.selectionEnd ?? at, 'end');
          target.dispatchEvent(new InputEvent('input', { bubbles: true, data: key, inputType: 'insertText' }));
        }
        target.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true }));
      });
    },
    { code, blur, gapMs },
  );
}
/** A scan with the focus outside any text field. */
const scan = (page: Page, code: string) => scanBurst(page, code, { blur: true });

async function addItem(page: Page, item: { name: string; counted?: number; loanDays?: number }) {
  await press(page.getByRole('button', { name: 'Добавить вещь' }));
  const dialog = page.getByRole('dialog', { name: 'Добавить вещь' });
  await typeInto(dialog.getByLabel('Название'), item.name);
  if (item.counted) {
    await press(dialog.getByRole('radio', { name: 'Много одинаковых' }), 'Space');
    await typeInto(dialog.getByLabel('Количество'), String(item.counted));
  }
  if (item.loanDays) await typeInto(dialog.getByLabel('Срок выдачи, дней'), String(item.loanDays));
  await dialog.getByLabel('Название').press('Enter'); // submits the form
  await expect(dialog).toBeHidden();
  const row = page.getByRole('table', { name: 'Каталог' }).getByRole('row').filter({ hasText: item.name });
  const code = (await row.locator('td').nth(3).innerText()).trim();
  expect(code).toMatch(/^SD-\d{6}-\d$/);
  return code;
}

test('the counter by keyboard and scanner: catalogue, labels PDF, reservation refused, lend, return, overdue', async ({ app, page, browser }) => {
  test.setTimeout(90_000);
  await page.clock.install({ time: new Date('2026-11-20T10:00:00+03:00') });
  await app.open('ru', '/loans');
  await expect(page.getByRole('heading', { name: 'Выдача вещей' })).toBeVisible();

  // Catalogue: four items, codes generated.
  await press(page.getByRole('tab', { name: 'Каталог' }));
  const drill = await addItem(page, { name: 'Дрель', loanDays: 7 });
  const chairs = await addItem(page, { name: 'Стулья', counted: 40, loanDays: 3 });
  const ball = await addItem(page, { name: 'Мяч футбольный', loanDays: 14 });
  const projector = await addItem(page, { name: 'Проектор', loanDays: 2 });
  expect(new Set([drill, chairs, ball, projector]).size).toBe(4);

  // A label sheet for all of them, as the PDF the desk would save (browser mode: the sheet's HTML through Chromium's PDF).
  await press(page.getByRole('checkbox', { name: 'Выбрать все для этикеток' }), 'Space');
  await press(page.getByRole('button', { name: 'Этикетки в PDF (4)' }));
  const frame = page.locator('iframe[srcdoc]').last();
  await expect(frame).toBeAttached();
  const html = (await frame.getAttribute('srcdoc')) ?? '';
  expect(html).toContain('grid-template-columns: repeat(3, 70mm)');
  const pdfPage = await browser.newPage();
  await pdfPage.setContent(html);
  const dir = mkdtempSync(path.join(tmpdir(), 'loans-labels-'));
  const pdfPath = path.join(dir, 'labels.pdf');
  writeFileSync(pdfPath, await pdfPage.pdf({ format: 'A4', preferCSSPageSize: true }));
  await pdfPage.close();
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  for (const code of [drill, chairs, ball, projector]) expect(text).toContain(code);
  expect(text).toContain('Проектор');
  expect(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' })).toMatch(/Pages:\s+1\b[\s\S]*Page size:\s+59[45](\.\d+)? x 841(\.\d+)? pts \(A4\)/);

  // The projector is reserved for the film club over the weekend.
  await press(page.getByRole('tab', { name: /^Брони/ }));
  const res = page.getByRole('form', { name: 'Новая бронь' });
  await typeInto(res.getByLabel('Кто берёт (имя)'), 'Клуб «Кино»');
  await typeInto(res.getByLabel('Телефон'), '+7 900 111-22-33');
  await res.getByLabel('Вещь 1').selectOption({ label: `Проектор (${projector})` });
  await typeDateTime(res, 'С', RU, '21.11.2026', '10:00');
  await typeDateTime(res, 'По', RU, '22.11.2026', '20:00');
  await expect(res.getByRole('textbox', { name: 'С: день' })).toHaveValue('21.11.2026');
  await expect(res.getByRole('spinbutton', { name: 'По: часы' })).toHaveValue('20');
  await shot(page, 'loans-reservation-form');
  await press(res.getByRole('button', { name: 'Забронировать' }));
  await expect(page.getByRole('table', { name: 'Брони' }).getByText('Клуб «Кино»')).toBeVisible();

  // Counter: the borrower, then three items by scanner (one through the visible scan field).
  await press(page.getByRole('tab', { name: 'Стойка' }));
  const lend = page.getByRole('form', { name: 'Выдача' });
  await typeInto(lend.getByLabel('Кто берёт (имя)'), 'Мария Иванова');
  await typeInto(lend.getByLabel('Телефон'), '+7 900 555-66-77');
  // Typing at a person's pace outside a text field is not a scan…
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.type(drill, { delay: 120 });
  await page.keyboard.press('Enter');
  // …a scanner's burst is (had the slow typing counted, this would say "already in the list").
  await scan(page, drill);
  await expect(page.getByRole('status').filter({ hasText: 'Добавлено: «Дрель», всего 1' })).toBeVisible();
  await scan(page, chairs);
  await expect(page.getByRole('status').filter({ hasText: '«Стулья», всего 1' })).toBeVisible();
  await scan(page, chairs);
  await expect(lend.getByLabel('Количество: Стулья')).toHaveValue('2');
  const scanField = page.getByLabel('Код вещи (сканер)');
  await scanField.focus();
  await page.keyboard.type(ball, { delay: 5 });
  await page.keyboard.press('Enter');
  await expect(scanField).toHaveValue('');
  await expect(lend.getByRole('table', { name: 'Что выдаём' }).getByRole('row')).toHaveCount(4); // header + 3
  // Due back by the shortest loan period (the chairs' 3 days), shown day first.
  await expect(lend.getByRole('textbox', { name: 'Вернуть до' })).toHaveValue('23.11.2026');

  // The reserved projector is refused, saying who reserved it; an unknown code says so.
  await scan(page, projector);
  const warning = page.getByRole('alert').filter({ hasText: 'забронирован' });
  await expect(warning).toContainText('Клуб «Кино»');
  await expect(warning).toContainText('+7 900 111-22-33');
  await scan(page, 'SD-999999-0');
  await expect(page.getByRole('alert').filter({ hasText: 'не найден в каталоге' })).toBeVisible();
  await expect(lend.getByRole('table', { name: 'Что выдаём' }).getByRole('row')).toHaveCount(4);
  await shot(page, 'loans-counter-lend');

  await typeInto(lend.getByLabel('Залог, ₽'), 'пятьсот');
  await press(lend.getByRole('button', { name: 'Выдать', exact: true }));
  await expect(lend.getByText('Залог должен быть числом')).toBeVisible();
  await expect(page.getByRole('tab', { name: /^На руках/ })).toHaveAccessibleName('На руках'); // nothing written (no count badge)
  await typeInto(lend.getByLabel('Залог, ₽'), '500');
  await press(lend.getByRole('button', { name: 'Выдать', exact: true }));
  await expect(page.getByRole('status').filter({ hasText: 'Выдано вещей: 3 — Мария Иванова' })).toBeVisible();
  await expect(page.getByRole('tab', { name: /^На руках/ })).toHaveAccessibleName('На руках 1');

  // Return the drill by scanning it in "take back" mode; a second scan finds nothing to take back.
  await press(page.getByRole('radio', { name: 'Выдать' }), 'ArrowRight');
  await expect(page.getByRole('radio', { name: 'Принять' })).toBeChecked();
  await scan(page, drill);
  const back = page.getByRole('form', { name: 'Возврат' });
  await expect(back.getByLabel('Возвращают: Дрель')).toHaveValue('1');
  await expect(back.getByLabel('Возвращают: Стулья')).toHaveValue('0');
  await typeInto(back.getByLabel('Состояние: Дрель'), 'патрон люфтит');
  await press(back.getByRole('button', { name: 'Принять возврат' }));
  await expect(page.getByRole('status').filter({ hasText: 'Возврат принят: Мария Иванова' })).toBeVisible();
  await scan(page, drill);
  await expect(page.getByRole('alert').filter({ hasText: '«Дрель»' })).toContainText('никому не выдан');

  await press(page.getByRole('tab', { name: /^На руках/ }));
  const onLoan = page.getByRole('table', { name: 'На руках' });
  await expect(onLoan).toContainText('Стулья × 2');
  await expect(onLoan).toContainText('Мяч футбольный');
  await expect(onLoan).not.toContainText('Дрель');

  // Ten days later the loan (due in 3 days: the chairs' period) is a week overdue.
  await page.clock.fastForward(10 * 24 * 3600 * 1000);
  await press(page.getByRole('tab', { name: /^Просрочено/ }));
  const overdue = page.getByRole('table', { name: 'Просрочено' });
  await expect(overdue.getByRole('row').nth(1)).toContainText('7 дней');
  // "312 days" and the phone each stay on one line (the demo year has loans late by hundreds of days)
  await expect(overdue.getByRole('cell', { name: '7 дней' })).toHaveCSS('white-space', 'nowrap');
  await expect(overdue.getByRole('row').nth(1)).toContainText('+7 900 555-66-77');
  await expect(overdue.getByRole('row').nth(1)).toContainText('Стулья × 2');
  await shot(page, 'loans-overdue');
  await press(page.getByRole('button', { name: 'Печать списка' }));
  const printed = (await page.locator('iframe[srcdoc]').last().getAttribute('srcdoc')) ?? '';
  expect(printed).toContain('Просроченные выдачи');
  expect(printed).toContain('+7 900 555-66-77');
  expect(printed).toContain('7 дней');

  // Lending to her again warns at the counter.
  await press(page.getByRole('tab', { name: 'Стойка' }));
  await press(page.getByRole('radio', { name: 'Принять' }), 'ArrowLeft');
  await typeInto(lend.getByLabel('Кто берёт (имя)'), 'мария иванова');
  await expect(page.getByRole('alert').filter({ hasText: 'есть просрочка' })).toBeVisible();
  await shot(page, 'loans-overdue-warning');
});

test('CSV import: preview, column mapping, row errors that change nothing, then a clean import; a reservation picked up', async ({ app, page }) => {
  await page.clock.install({ time: new Date('2026-11-20T10:00:00+03:00') });
  await app.open('en', '/loans');
  await press(page.getByRole('tab', { name: 'Catalogue' }));
  await press(page.getByRole('button', { name: 'Import from CSV' }));
  const dialog = page.getByRole('dialog', { name: 'Import the catalogue from CSV' });
  const bad = 'Название;Кол-во;Код;Где\nСтулья;сорок;CH-1;Кладовка\nЧашки;60;CH-1;Кухня\nПроектор;1;;Шкаф\n';
  await dialog.getByLabel('CSV text').fill(bad);
  await expect(dialog.getByLabel('Column “Название”')).toHaveValue('name');
  await expect(dialog.getByLabel('Column “Кол-во”')).toHaveValue('quantity');
  await expect(dialog.getByLabel('Column “Где”')).toHaveValue('location');
  await expect(dialog.getByRole('table', { name: 'Import preview' }).getByRole('row')).toHaveCount(4);
  await press(dialog.getByRole('button', { name: 'Import (3)' }));
  const errors = dialog.getByRole('alert');
  await expect(errors).toContainText('Nothing was added');
  await expect(errors).toContainText('Row 1, Quantity: a number is needed: сорок');
  await expect(errors).toContainText('Row 2, Code (barcode): the code repeats in the file: CH-1');
  await expect(page.getByText('The catalogue is empty.')).toBeAttached(); // a failed import changes nothing
  await shot(page, 'loans-import-errors');
  // Map "Где" away, fix the rows, import.
  await dialog.getByLabel('Column “Где”').selectOption({ label: 'do not load' });
  await dialog.getByLabel('CSV text').fill(bad.replace('сорок', '40').replace('Чашки;60;CH-1', 'Чашки;60;CU-1'));
  await expect(dialog.getByLabel('Column “Где”')).toHaveValue(''); // the person's choice survives editing the text
  await press(dialog.getByRole('button', { name: 'Import (3)' }));
  await expect(dialog).toBeHidden();
  const table = page.getByRole('table', { name: 'Catalogue' });
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table.getByRole('row').filter({ hasText: 'Стулья' })).toContainText('40 of 40');
  await expect(table).not.toContainText('Кладовка'); // that column was not loaded
  await expect(table.getByRole('row').filter({ hasText: 'Проектор' })).toContainText(/SD-000001-\d/);
  await shot(page, 'loans-catalogue');

  // Reserve 30 chairs for tomorrow's party, then only 10 can be lent over it; pickup turns the reservation into a loan.
  await press(page.getByRole('tab', { name: /^Reservations/ }));
  const form = page.getByRole('form', { name: 'New reservation' });
  await typeInto(form.getByLabel('Borrower (name)'), 'House council');
  await form.getByLabel('Item 1').selectOption({ label: 'Стулья (CH-1)' });
  await typeInto(form.getByLabel('Quantity 1'), '30');
  // A second line: the projector too, in the same reservation.
  await press(form.getByRole('button', { name: 'Another item' }));
  const projectorOption = (await form.getByLabel('Item 2').locator('option', { hasText: 'Проектор' }).textContent()) ?? '';
  await form.getByLabel('Item 2').selectOption({ label: projectorOption });
  await typeDateTime(form, 'From', EN, '20/11/2026', '10:00');
  await typeDateTime(form, 'To', EN, '21/11/2026', '22:00');
  await expect(form.getByRole('textbox', { name: 'To: day' })).toHaveValue('21/11/2026');
  await press(form.getByRole('button', { name: 'Reserve' }));
  const reservations = page.getByRole('table', { name: 'Reservations' });
  await expect(reservations).toContainText('Стулья × 30');
  await expect(reservations).toContainText('Проектор');
  await expect(form.getByLabel('Item 2')).toHaveCount(0); // the form starts again with one line
  await press(page.getByRole('tab', { name: 'Counter' }));
  await typeInto(page.getByRole('form', { name: 'Lend' }).getByLabel('Borrower (name)'), 'Ivan');
  // Ten scans of the chairs, each burst dispatched inside the page with its own timestamps.
  for (let i = 1; i <= 10; i++) {
    await scan(page, 'ch-1');
    await expect(page.getByLabel('Quantity: Стулья')).toHaveValue(String(i));
  }
  await scan(page, 'ch-1');
  await expect(page.getByRole('alert').filter({ hasText: 'is reserved' })).toContainText('House council');
  await expect(page.getByLabel('Quantity: Стулья')).toHaveValue('10');
  await press(page.getByRole('tab', { name: /^Reservations/ }));
  await press(page.getByRole('button', { name: 'Pick up the reservation: House council' }));
  await expect(page.getByRole('tab', { name: /^On loan/ })).toHaveAccessibleName('On loan 1');

  // Ivan takes his 10 chairs; a chair scanned back is then out with two people: the desk asks whose.
  await press(page.getByRole('tab', { name: 'Counter' }));
  await press(page.getByRole('form', { name: 'Lend' }).getByRole('button', { name: 'Lend', exact: true }));
  await expect(page.getByRole('tab', { name: /^On loan/ })).toHaveAccessibleName('On loan 2');
  await press(page.getByRole('radio', { name: 'Lend' }), 'ArrowRight');
  await scan(page, 'CH-1');
  await press(page.getByRole('group', { name: 'Whose loan is this' }).getByRole('button', { name: /^House council/ }));
  const back = page.getByRole('form', { name: 'Take back' });
  await typeInto(back.getByLabel('Returned: Стулья'), '31');
  await shot(page, 'loans-return');
  await press(back.getByRole('button', { name: 'Take back', exact: true }));
  await expect(back.getByRole('alert')).toContainText('Cannot return more than was lent: 30 out.');
  await typeInto(back.getByLabel('Returned: Стулья'), '25');
  await press(back.getByRole('button', { name: 'Take back', exact: true }));
  await expect(page.getByRole('status').filter({ hasText: 'Return recorded: House council' })).toBeVisible();
  await press(page.getByRole('tab', { name: 'Catalogue' }));
  await expect(page.getByRole('table', { name: 'Catalogue' }).getByRole('row').filter({ hasText: 'Стулья' })).toContainText('25 of 40');
  await press(page.getByRole('tab', { name: 'History' }));
  const personHistory = page.getByRole('textbox', { name: 'Person history' });
  await personHistory.fill('House');
  await page.getByRole('option', { name: 'House council', exact: true }).click();
  await expect(personHistory).toHaveValue('House council');
  await expect(page.getByRole('table', { name: 'History' })).toContainText('reserved');
  await expect(page.getByRole('table', { name: 'History' })).toContainText('picked up');
  await expect(page.getByRole('table', { name: 'History' })).toContainText('partly returned');
  // Nobody on shift: the step names the desk in words with a short id, not the raw "desk-…" id.
  await expect(page.getByRole('table', { name: 'History' })).toContainText(/— desk [0-9a-z]{4}\b/);
  await expect(page.getByRole('table', { name: 'History' })).not.toContainText('desk-');
  await shot(page, 'loans-history');
});

test('a scan from any field of the loans screen reaches the counter and leaves the field as it was; a counted item adds one per scan and takes a typed quantity; phones never wrap', async ({ app, page }) => {
  await app.open('ru', '/loans');
  await press(page.getByRole('tab', { name: 'Каталог' }));
  const projector = await addItem(page, { name: 'Проектор' });
  const chairs = await addItem(page, { name: 'Стулья', counted: 12 });
  await press(page.getByRole('tab', { name: 'Стойка' }));
  const lend = page.getByRole('form', { name: 'Выдача' });
  const name = lend.getByLabel('Кто берёт (имя)');
  await typeInto(name, 'Walk-in Person');
  await scanBurst(page, projector);
  await expect(name).toHaveValue('Walk-in Person');
  await expect(name).toBeFocused();
  const lines = lend.getByRole('table', { name: 'Что выдаём' });
  await expect(lines.getByRole('row').filter({ hasText: 'Проектор' })).toHaveCount(1);
  await typeInto(lend.getByLabel('Телефон'), '+7 909 027-90-05');
  await scanBurst(page, chairs);
  await expect(lend.getByLabel('Телефон')).toHaveValue('+7 909 027-90-05');
  // the quantity is focused and selected after the scan: a scan again adds one, a typed number replaces it
  const qty = lend.getByLabel('Количество: Стулья');
  await expect(qty).toBeFocused();
  await scanBurst(page, chairs);
  await expect(qty).toHaveValue('2');
  await expect(qty).toBeFocused();
  await page.keyboard.type('5');
  await expect(qty).toHaveValue('5');
  // from another tab's field, too: the reservation form's name keeps its text, the counter comes up with the scan
  await press(page.getByRole('tab', { name: /^Брони/ }));
  const reserveName = page.getByRole('form', { name: 'Новая бронь' }).getByLabel('Кто берёт (имя)');
  await typeInto(reserveName, 'Клуб');
  await scanBurst(page, chairs);
  await expect(page.getByRole('tab', { name: 'Стойка' })).toHaveAttribute('aria-selected', 'true');
  await expect(qty).toHaveValue('6');
  await press(page.getByRole('tab', { name: /^Брони/ }));
  await expect(reserveName).toHaveValue('Клуб');
  await press(page.getByRole('tab', { name: 'Стойка' }));
  await press(lend.getByRole('button', { name: 'Выдать', exact: true }));
  await expect(page.getByRole('tab', { name: /^На руках/ })).toHaveAccessibleName('На руках 1');
  await press(page.getByRole('tab', { name: /^На руках/ }));
  const phone = page.getByRole('table', { name: 'На руках' }).getByRole('cell', { name: '+7 909 027-90-05' });
  await expect(phone).toHaveCSS('white-space', 'nowrap');
});

test('an open loan of a person erased on request says "data erased" instead of an empty name and phone', async ({ app, page }) => {
  await app.open('ru', '/people');
  await page.getByRole('button', { name: 'Добавить человека' }).click();
  const person = page.getByRole('dialog');
  await person.getByLabel('Имя и фамилия').fill('Зоя Удалова');
  await person.getByLabel('Телефон').fill('+7 901 222-33-44');
  await person.getByRole('button', { name: 'Сохранить' }).click();
  await expect(person).toBeHidden();

  await page.goto('./?lang=ru#/loans');
  await press(page.getByRole('tab', { name: 'Каталог' }));
  const drill = await addItem(page, { name: 'Дрель' });
  await press(page.getByRole('tab', { name: 'Стойка' }));
  const lend = page.getByRole('form', { name: 'Выдача' });
  await typeInto(lend.getByLabel('Кто берёт (имя)'), 'удалова');
  await lend.getByRole('button', { name: /Зоя Удалова/ }).click();
  await scanBurst(page, drill, { blur: true });
  await press(lend.getByRole('button', { name: 'Выдать', exact: true }));
  await expect(page.getByRole('tab', { name: /^На руках/ })).toHaveAccessibleName('На руках 1');

  await page.goto('./?lang=ru#/people');
  await page.getByRole('button', { name: /Зоя Удалова/ }).first().click();
  await page.getByRole('button', { name: 'Удалить данные по запросу' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(/Человек сам попросил удалить данные/).check();
  await dialog.getByRole('button', { name: 'Удалить данные' }).click();
  await expect(dialog).toBeHidden();

  await page.goto('./?lang=ru#/loans');
  await press(page.getByRole('tab', { name: /^На руках/ }));
  const onLoan = page.getByRole('table', { name: 'На руках' });
  await expect(onLoan.getByText('данные удалены')).toBeVisible();
  await expect(onLoan).not.toContainText('Зоя');
});
