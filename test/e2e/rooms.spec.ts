import { test, expect } from './fixtures';
import { DAY, L, dragTime, field, fill, hallName, openDay, seedHall } from './calendar-kit';

/**
 * A hall section that bookings still use cannot be removed: the room form says which section, how many
 * bookings and the first one, keeps everything typed and writes nothing; an unused section goes.
 */
test('removing a booked hall section is refused in words; an unused one is removed', async ({ page }) => {
  const lang = 'ru';
  const { cal, set } = L[lang];
  await seedHall(page, lang);

  // Book section B (the second column) on a future day.
  await openDay(page, lang, DAY);
  await dragTime(page, 1, 10, 12);
  const form = page.getByRole('dialog', { name: cal.form.titleNew });
  await expect(form.getByRole('checkbox', { name: fill(cal.form.section, { name: 'B' }) })).toBeChecked();
  await field(form, cal.form.what).fill('Хор');
  await field(form, cal.form.organiserName).fill('Пётр');
  await form.getByRole('button', { name: cal.form.save, exact: true }).click();
  await expect(form).toBeHidden();

  await page.goto(`./?lang=${lang}#/settings/rooms`);
  await page.getByRole('button', { name: fill(set.rooms.editNamed, { name: hallName(lang) }) }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: fill(cal.room.sectionRemoveNamed, { n: 2, name: 'B' }) }).click();
  await dialog.getByRole('textbox', { name: set.rooms.name, exact: true }).fill('Большой зал');
  await dialog.getByRole('button', { name: set.save }).click();
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText(set.rooms.notSaved);
  await expect(alert).toContainText('секцию B');
  await expect(alert).toContainText('Хор');
  await expect(dialog.getByRole('textbox', { name: set.rooms.name, exact: true })).toHaveValue('Большой зал'); // typed value kept
  await page.screenshot({ path: test.info().outputPath('section-in-use.png') });
  await dialog.getByRole('button', { name: set.cancel }).click();

  // Nothing was written: B is still there; removing the unused section A works.
  await page.getByRole('button', { name: fill(set.rooms.editNamed, { name: hallName(lang) }) }).click();
  await expect(field(dialog, fill(cal.room.sectionId, { n: 2 }))).toHaveValue('B');
  await dialog.getByRole('button', { name: fill(cal.room.sectionRemoveNamed, { n: 1, name: 'A' }) }).click();
  await dialog.getByRole('button', { name: set.save }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: fill(set.rooms.editNamed, { name: hallName(lang) }) }).click();
  await expect(field(dialog, fill(cal.room.sectionId, { n: 1 }))).toHaveValue('B');
});
