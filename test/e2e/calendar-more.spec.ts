import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { DAY, L, choose, dragTime, field, fill, hallName, openDay, seedHall, typed, type Lang } from './calendar-kit';

/**
 * More of room scheduling: equipment reserved with a booking, a weekly club saved skipping its clashing
 * date, the price of an outside organiser with a hand-set price and its reason, the day sheet's print,
 * hall sections checked for unique keys, and centre closures on a fresh profile.
 */
test.describe.configure({ mode: 'parallel' });

/** Adds a counted item to the lending catalogue (Loans → Catalogue), as the store-room keeper would. */
async function addCountedItem(page: Page, name: string, quantity: number) {
  await page.goto('./?lang=ru#/loans');
  await page.getByRole('tab', { name: 'Каталог' }).click();
  await page.getByRole('button', { name: 'Добавить вещь' }).click();
  const dialog = page.getByRole('dialog', { name: 'Добавить вещь' });
  await dialog.getByLabel('Название').fill(name);
  await dialog.getByRole('radio', { name: 'Много одинаковых' }).press('Space'); // a segmented control: its radio is visually hidden
  await dialog.getByLabel('Количество').fill(String(quantity));
  await dialog.getByLabel('Название').press('Enter');
  await expect(dialog).toBeHidden();
}

/** The loans screen's reservations tab, named with the number of live reservations. */
async function expectReservations(page: Page, n: number) {
  await page.goto('./?lang=ru#/loans');
  // The tab's name is its visible text: "Брони" and the count's badge (none at 0).
  await expect(page.getByRole('tab', { name: /^Брони/ })).toHaveAccessibleName(n ? `Брони ${n}` : 'Брони');
}

test('equipment with a booking: refused in words when short, reserved over the booking, released on cancel', async ({ app, page }) => {
  const { cal } = L.ru;
  const f = cal.form;
  const e = cal.equipment;
  await app.open('ru');
  await addCountedItem(page, 'Стулья', 40);
  await seedHall(page, 'ru');

  // Section A, 10–12, thirty chairs.
  await openDay(page, 'ru', DAY);
  await dragTime(page, 0, 10, 12);
  let form = page.getByRole('dialog', { name: f.titleNew });
  await field(form, f.what).fill('Собрание жильцов');
  await form.getByRole('button', { name: e.add }).click();
  await choose(page, field(form, fill(e.item, { n: 1 })), fill(e.itemCounted, { name: 'Стулья', quantity: 40 }));
  await field(form, fill(e.quantity, { n: 1 })).fill('30');
  await form.getByRole('button', { name: f.save, exact: true }).click();
  await expect(form).toBeHidden();

  // Section B, 11–13: the room is free, but only 10 chairs are — refused, saying who holds the rest.
  await dragTime(page, 1, 11, 13);
  form = page.getByRole('dialog', { name: f.titleNew });
  await field(form, f.what).fill('Мастер-класс');
  await form.getByRole('button', { name: e.add }).click();
  await choose(page, field(form, fill(e.item, { n: 1 })), fill(e.itemCounted, { name: 'Стулья', quantity: 40 }));
  await field(form, fill(e.quantity, { n: 1 })).fill('20');
  // The live check says so while typing, before anyone presses Save.
  const refused = form.getByRole('alert').filter({ hasText: e.refusedTitle });
  await expect(refused).toContainText('«Стулья»: нужно 20, свободно только 10');
  await expect(refused).toContainText('Собрание жильцов'); // the holder: the other booking (no organiser named)
  await expect(refused).toContainText('09:30–12:30'); // held from its setup to its clean-up
  if (process.env.CAL_SHOTS) await page.screenshot({ path: '/tmp/cal-shots/calendar-equipment-ru.png' });
  // Saving anyway is refused with the same words, and nothing is written.
  await form.getByRole('button', { name: f.save, exact: true }).click();
  await expect(refused).toContainText('«Стулья»: нужно 20, свободно только 10');
  await expect(form).toBeVisible();
  await field(form, fill(e.quantity, { n: 1 })).fill('10');
  await expect(refused).toBeHidden(); // it fits now: the warning goes as soon as the number does
  await form.getByRole('button', { name: f.save, exact: true }).click();
  await expect(form).toBeHidden();
  await expectReservations(page, 2);

  // Cancelling the meeting cancels its reservation; the other one stays.
  await openDay(page, 'ru', DAY);
  await page.getByRole('button', { name: /Собрание жильцов/ }).click();
  await page.getByRole('button', { name: cal.details.cancelBooking }).click();
  await page.getByRole('dialog', { name: cal.cancelDialog.title }).getByRole('button', { name: cal.cancelDialog.confirm }).click();
  await expect(page.getByRole('button', { name: /Собрание жильцов/ })).toHaveCount(0);
  await expectReservations(page, 1);
});

test('a weekly club saved skipping the clashing date keeps the other booking; section keys must differ', async ({ app, page }) => {
  const { cal, set } = L.ru;
  const f = cal.form;
  await app.open('ru');
  // Sections: a repeated key is refused with a message on the field.
  await page.goto('./?lang=ru#/settings/rooms');
  await page.getByRole('button', { name: set.rooms.add }).click();
  const roomDialog = page.getByRole('dialog');
  await field(roomDialog, set.rooms.name).fill('Малый зал');
  await roomDialog.getByRole('button', { name: cal.room.sectionAdd }).click();
  await roomDialog.getByRole('button', { name: cal.room.sectionAdd }).click();
  await field(roomDialog, fill(cal.room.sectionId, { n: 2 })).fill('a');
  await roomDialog.getByRole('button', { name: set.save }).click();
  await expect(roomDialog.getByText(cal.errors.section['duplicate-id'])).toHaveCount(2);
  if (process.env.CAL_SHOTS) await page.screenshot({ path: '/tmp/cal-shots/room-sections-ru.png' });
  await roomDialog.getByRole('button', { name: fill(cal.room.sectionRemoveNamed, { n: 2, name: 'B' }) }).click();
  await roomDialog.getByRole('button', { name: set.save }).click();
  await expect(roomDialog).toBeHidden();

  await seedHall(page, 'ru');
  // A lecture on the 12th at 18:00 in the whole hall.
  await openDay(page, 'ru', '2030-03-12');
  await page.getByRole('button', { name: cal.newBooking }).click();
  let form = page.getByRole('dialog', { name: f.titleNew });
  await field(form, f.what).fill('Лекция');
  await choose(page, field(form, f.room), hallName('ru'));
  await field(form, f.start).fill('18:00');
  await field(form, f.end).fill('19:00');
  await form.getByRole('button', { name: f.save, exact: true }).click();
  await expect(form).toBeHidden();

  // The choir on Tuesdays 18–20 from the 5th, four times: the 12th clashes.
  await openDay(page, 'ru', DAY);
  await page.getByRole('button', { name: cal.newBooking }).click();
  form = page.getByRole('dialog', { name: f.titleNew });
  await field(form, f.what).fill('Хор');
  await choose(page, field(form, f.room), hallName('ru'));
  await field(form, f.start).fill('18:00');
  await field(form, f.end).fill('20:00');
  await form.getByRole('switch', { name: f.repeat }).check();
  await form.getByRole('radio', { name: f.count }).check();
  await field(form, f.countValue).fill('4');
  await form.getByRole('button', { name: f.save, exact: true }).click();
  const clashes = form.getByRole('alert').filter({ hasText: f.seriesClashTitle });
  await expect(clashes.getByRole('listitem')).toHaveCount(1);
  await expect(clashes).toContainText('12 марта 2030');
  await expect(clashes).toContainText('Лекция');
  await clashes.getByRole('button', { name: fill(f.saveSkipping, { count: 1 }) }).click();
  await expect(form).toBeHidden();

  await openDay(page, 'ru', '2030-03-12'); // the lecture intact, no choir
  await expect(page.getByRole('button', { name: /^18:00–19:00.*Лекция/ }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: /Хор/ })).toHaveCount(0);
  await page.getByRole('switch', { name: cal.showCancelled }).check(); // the skipped date is an exception
  await expect(page.getByRole('button', { name: /Хор/ }).first()).toBeVisible();
  for (const day of [DAY, '2030-03-19', '2030-03-26']) {
    await openDay(page, 'ru', day);
    await expect(page.getByRole('button', { name: /^18:00–20:00.*Хор/ }).first()).toBeVisible();
  }
});

for (const lang of ['en', 'ru'] as const satisfies Lang[]) {
  test(`outside organiser pays by the hour; a hand-set price needs a reason; closures on a fresh profile (${lang})`, async ({ app, page }) => {
    const { cal } = L[lang];
    const f = cal.form;
    await app.open(lang);
    // Closures work before the centre was ever saved: the settings are created with their defaults.
    await page.goto(`./?lang=${lang}#/settings/centre`);
    await field(page, cal.closures.from).fill(typed(lang, '2030-03-08'));
    await field(page, cal.closures.reason).fill(lang === 'ru' ? 'Праздник' : 'Holiday');
    await page.getByRole('button', { name: cal.closures.add, exact: true }).click();
    await expect(page.getByRole('cell', { name: typed(lang, '2030-03-08'), exact: true })).toBeVisible();
    if (process.env.CAL_SHOTS) await page.screenshot({ path: `/tmp/cal-shots/closures-${lang}.png`, fullPage: true });

    await seedHall(page, lang, { hourlyRate: 500 });
    await page.goto(`./?lang=${lang}#/calendar?view=day&date=2030-03-08`);
    await page.getByRole('button', { name: cal.newBooking }).click();
    const form = page.getByRole('dialog', { name: f.titleNew });
    await expect(field(form, f.date)).toHaveValue(typed(lang, '2030-03-08'));
    if (process.env.CAL_SHOTS) {
      await field(form, f.date).click(); // the picker: Monday first, in the interface language
      await page.screenshot({ path: `/tmp/cal-shots/date-picker-${lang}.png` });
    }
    await field(form, f.what).fill(lang === 'ru' ? 'Аренда: курсы' : 'Rental: a course');
    await choose(page, field(form, f.room), hallName(lang));
    await field(form, f.start).fill('10:00');
    await field(form, f.end).fill('12:00');
    await form.getByRole('radio', { name: f.outside }).check();
    // Shown before saving: 2 h + 30 min setup + 30 min clean-up (the centre bills them by default) × 500.
    await expect(form.getByTestId('price')).toContainText(/3\D+500\D+1\D?500/);
    await expect(form.getByText(fill(cal.warning.booking.closure, { reason: lang === 'ru' ? 'Праздник' : 'Holiday' }))).toBeVisible();
    await form.getByRole('checkbox', { name: f.overridePrice }).check();
    await field(form, f.priceOverride).fill('1000');
    await form.getByRole('button', { name: f.save, exact: true }).click();
    await expect(form.getByText(cal.errors.price['override-needs-reason'])).toBeVisible();
    await field(form, f.priceReason).fill(lang === 'ru' ? 'постоянный партнёр' : 'regular partner');
    await form.getByRole('button', { name: f.save, exact: true }).click();
    await expect(form).toBeHidden();
    await page.getByRole('button', { name: /Rental: a course|Аренда: курсы/ }).first().click(); // the whole hall: one event per section column
    const details = page.getByRole('dialog', { name: cal.details.title });
    await expect(details).toContainText(/1\D?000/);
    await expect(details).toContainText(lang === 'ru' ? 'постоянный партнёр' : 'regular partner');
  });
}

test('the day sheet prints today\'s bookings', async ({ app, page }) => {
  const { cal } = L.ru;
  const f = cal.form;
  // A test double for the OS print dialog only (it cannot run headless): the desk prints from a hidden,
  // script-less iframe with `contentWindow.print()`; every such print() records the document instead.
  await page.addInitScript(() => {
    if (window.top !== window) return;
    const printed: string[] = [];
    Object.assign(window, { __printed: printed });
    const getter = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow')!.get!;
    Object.defineProperty(HTMLIFrameElement.prototype, 'contentWindow', {
      configurable: true,
      get(this: HTMLIFrameElement) {
        const win = getter.call(this) as Window | null;
        if (win) win.print = () => void printed.push(win.document.documentElement.outerHTML);
        return win;
      },
    });
  });
  await app.open('ru');
  await seedHall(page, 'ru');
  const today = await page.evaluate(() => new Date().toLocaleDateString('sv-SE'));
  const tomorrow = await page.evaluate(() => new Date(Date.now() + 86_400_000).toLocaleDateString('sv-SE'));
  for (const [date, title] of [[today, 'Йога сегодня'], [tomorrow, 'Шахматы завтра']] as const) {
    await page.goto('./?lang=ru#/calendar');
    await page.getByRole('button', { name: cal.newBooking }).click();
    const form = page.getByRole('dialog', { name: f.titleNew });
    await field(form, f.what).fill(title);
    await choose(page, field(form, f.room), hallName('ru'));
    await field(form, f.date).fill(typed('ru', date));
    await form.getByRole('button', { name: f.save, exact: true }).click();
    await expect(form).toBeHidden();
  }
  await page.goto('./?lang=ru#/calendar');
  await page.getByRole('button', { name: cal.printDay }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { __printed: string[] }).__printed.length)).toBe(1);
  const html = await page.evaluate(() => (window as unknown as { __printed: string[] }).__printed[0]!);
  expect(html).toContain('Йога сегодня');
  expect(html).toContain('18:00–20:00');
  expect(html).not.toContain('Шахматы завтра');
});

test('after moving between days and weeks with the toolbar, the columns show the new dates: events where they belong, a drag books the date shown', async ({ app, page }) => {
  const { cal } = L.ru;
  const f = cal.form;
  await app.open('ru');
  await seedHall(page, 'ru');
  // A booking on DAY (Tuesday 5 March 2030), 10–12 in section A.
  await openDay(page, 'ru', DAY);
  await dragTime(page, 0, 10, 12);
  let form = page.getByRole('dialog', { name: f.titleNew });
  await field(form, f.what).fill('Шахматы');
  await form.getByRole('button', { name: f.save, exact: true }).click();
  await expect(form).toBeHidden();
  const chess = page.locator('.rbc-time-content .rbc-day-slot').nth(0).getByRole('button', { name: /Шахматы/ });
  await expect(chess).toBeVisible();

  // The day before: the same columns, no chess; forward again: it is back, in section A.
  await page.getByRole('button', { name: cal.rbc.previous, exact: true }).click();
  await expect(page.getByRole('button', { name: /Шахматы/ })).toHaveCount(0);
  // a drag on the day shown books that day
  await dragTime(page, 1, 14, 15);
  form = page.getByRole('dialog', { name: f.titleNew });
  await expect(field(form, f.date)).toHaveValue(typed('ru', '2030-03-04'));
  await expect(field(form, f.start)).toHaveValue('14:00');
  await expect(field(form, f.end)).toHaveValue('15:00');
  await page.keyboard.press('Escape'); // closes the form, nothing saved
  await expect(form).toBeHidden();
  await page.getByRole('button', { name: cal.rbc.next, exact: true }).click();
  await expect(chess).toBeVisible();

  // Week view: next week has no chess, back to this week it is in Tuesday's column.
  await page.getByRole('button', { name: cal.rbc.week, exact: true }).click();
  const tuesday = page.locator('.rbc-time-content .rbc-day-slot').nth(1);
  await expect(tuesday.getByRole('button', { name: /Шахматы/ })).toBeVisible();
  await page.getByRole('button', { name: cal.rbc.next, exact: true }).click();
  await expect(page.getByRole('button', { name: /Шахматы/ })).toHaveCount(0);
  await page.getByRole('button', { name: cal.rbc.previous, exact: true }).click();
  await expect(tuesday.getByRole('button', { name: /Шахматы/ })).toBeVisible();
  await expect(page.locator('.rbc-time-content .rbc-day-slot').nth(0).getByRole('button', { name: /Шахматы/ })).toHaveCount(0);
});
