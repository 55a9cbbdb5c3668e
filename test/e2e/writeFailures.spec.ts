import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { buildBackup, serializeBackup } from '../../shared/backup/format';
import { DAY, field, openDay, typed } from './calendar-kit';

/**
 * Every write path with a storage that refuses to write (the browser's "quota exceeded", as on a full disk): the desk
 * says so in words, the form stays open with what was typed, and the same action succeeds once the storage writes again.
 * The failure is injected into the page's IndexedDB (IDBObjectStore put/add throw QuotaExceededError while
 * `window.__failWrites` is true), below RxDB and Dexie: no test hook in the app.
 */

const by = { desk: 'e2e', volunteer: 'Test' };
const stamp = { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: by };
const hours = { open: '09:00', close: '22:00' };
const CENTRE = {
  settings: [{ ...stamp, id: 'centre', name: 'Forest Street Neighbours', openingHours: { mo: hours, tu: hours, we: hours, th: hours, fr: hours, sa: hours, su: hours }, closures: [], language: 'en' }],
  rooms: [{ ...stamp, id: 'room-hall', name: 'Big hall', kind: 'hall', capacity: 80, sections: [], openingHours: null, bookable: true, archived: false, order: 0 }],
  items: [
    { ...stamp, id: 'item-chairs', name: 'Chairs', category: '', code: 'CH-1', tracking: 'counted', quantity: 40, location: '', condition: '', deposit: 0, loanDays: 3, notes: '', photo: '', archived: false },
  ],
};
const RECORDS = Object.values(CENTRE).reduce((n, docs) => n + docs.length, 0);
const backupText = () => serializeBackup(buildBackup(CENTRE as never, { appVersion: 'e2e', createdAt: new Date().toISOString() }));

/** The storage under RxDB refuses every write while the switch is on. */
async function installWriteSwitch(page: Page) {
  await page.addInitScript(() => {
    const proto = IDBObjectStore.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const name of ['put', 'add']) {
      const original = proto[name]!;
      proto[name] = function (this: IDBObjectStore, ...args: unknown[]) {
        if ((window as unknown as { __failWrites?: boolean }).__failWrites) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return original.apply(this, args);
      };
    }
  });
}
const storageFails = (page: Page, on: boolean) => page.evaluate((v) => Object.assign(window, { __failWrites: v }), on);

/**
 * The storage refuses writes from now on, and the path starts with no notification on screen or queued (the earlier
 * paths' "saved" toasts closed with their ×), so the only notice each path's check can find is its own failure.
 * (A failure is put ahead of any "saved" toast and a dialog takes those down: writeFailure.ts, dialogs.tsx.)
 */
async function failWrites(page: Page) {
  const close = page.locator('.mantine-Notification-root').getByRole('button', { name: /^Close/ });
  await expect(async () => {
    for (const button of await close.all()) await button.click({ timeout: 1000 });
    await expect(close).toHaveCount(0, { timeout: 1000 });
  }).toPass();
  await storageFails(page, true);
}

/** The desk's own words for the injected failure (in `scope`: a form's own alert, or the page's notifications). */
async function expectToldNotSaved(scope: Page | Locator, shot = '') {
  const page = 'page' in scope ? scope.page() : scope;
  const told = scope.getByRole('alert').filter({ hasText: 'Not saved' }).filter({ hasText: 'this computer has run out of space' });
  await expect(told.first()).toBeVisible();
  if (shot) {
    await page.waitForTimeout(400); // the notification's slide-in, for a still picture only
    await page.screenshot({ path: test.info().outputPath(`${shot}.png`) });
  }
  // A notification stays until closed (close them, so the next path starts with none).
  for (const close of await page.getByRole('button', { name: 'Close the message' }).all()) await close.click();
  if (scope === page) await expect(told).toHaveCount(0);
}

async function scan(page: Page, code: string) {
  const scanField = page.getByLabel('Item code (scanner)');
  await scanField.fill(code);
  await scanField.press('Enter');
}

async function expectKept(input: Locator, value: string) {
  await expect(input).toHaveValue(value);
}

test('every write path says a failed write in words and keeps what was typed; the same action works once the disk writes again', async ({ app, page }) => {
  test.setTimeout(240_000);
  await installWriteSwitch(page);

  // Restore (Settings → Data), into the empty profile: the chosen file stays, "restore" can be pressed again.
  await app.open('en', '/settings/data');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a backup file…' }).click();
  await (await chooser).setFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backupText(), 'utf8') });
  const restore = page.getByRole('button', { name: `Restore ${RECORDS} records` });
  await failWrites(page);
  await restore.click();
  await expect(page.getByRole('alert').filter({ hasText: 'Could not write the data: this computer has run out of space' })).toBeVisible();
  await expect(page.getByTestId('backup-preview')).toBeVisible();
  await storageFails(page, false);
  await restore.click();
  await expect(page.getByRole('status').filter({ hasText: `Restored ${RECORDS} records` })).toBeVisible();

  // Settings: the centre's name.
  await page.goto('./?lang=en#/settings/centre');
  const centreName = page.getByLabel('Centre name');
  await expect(centreName).toHaveValue('Forest Street Neighbours');
  await centreName.fill('Forest Street Neighbours Hub');
  await failWrites(page);
  await page.getByRole('button', { name: 'Save' }).click();
  await expectToldNotSaved(page);
  await expectKept(centreName, 'Forest Street Neighbours Hub');
  await storageFails(page, false);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: 'Forest Street Neighbours Hub', level: 1 })).toBeVisible();

  // A person.
  await page.goto('./?lang=en#/people');
  await page.getByRole('button', { name: 'Add a person' }).click();
  let dialog = page.getByRole('dialog');
  await dialog.getByLabel('Full name').fill('Anna Petrova');
  await failWrites(page);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Could not save. Everything you typed is still in the form');
  await expectKept(dialog.getByLabel('Full name'), 'Anna Petrova');
  await storageFails(page, false);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  // A booking, then a weekly series, from the calendar's booking form.
  for (const kind of ['booking', 'series'] as const) {
    await openDay(page, 'en', DAY);
    await page.getByRole('button', { name: 'New booking' }).click();
    const form = page.getByRole('dialog', { name: 'New booking' });
    const title = kind === 'booking' ? 'City talk' : 'Choir';
    await field(form, 'Title').fill(title);
    await form.getByRole('textbox', { name: 'Room' }).click();
    await page.getByRole('option', { name: 'Big hall', exact: true }).click();
    await expect(field(form, 'Date')).toHaveValue(typed('en', DAY));
    await field(form, 'Start').fill(kind === 'booking' ? '10:00' : '18:00');
    await field(form, 'End').fill(kind === 'booking' ? '12:00' : '20:00');
    if (kind === 'series') {
      await form.getByRole('switch', { name: 'Repeat every week' }).check();
      await form.getByRole('radio', { name: 'After a number of times' }).check();
      await field(form, 'How many times').fill('3');
    }
    await failWrites(page);
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    await expectToldNotSaved(form, `write-failed-${kind}`); // next to Save, not "the time is free"
    await expect(form.getByText('The time is free')).toHaveCount(0);
    await expectKept(field(form, 'Title'), title);
    await storageFails(page, false);
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(form).toBeHidden();
    await expect(page.getByRole('button', { name: new RegExp(title) }).first()).toBeVisible();
  }

  // A loan at the counter.
  await page.goto('./?lang=en#/loans');
  await page.getByRole('tab', { name: 'Counter' }).click();
  const lend = page.getByRole('form', { name: 'Lend' });
  await lend.getByLabel('Borrower (name)').fill('Ivan Sokolov');
  await scan(page, 'CH-1');
  await lend.getByLabel('Quantity: Chairs').fill('5');
  await failWrites(page);
  await lend.getByRole('button', { name: 'Lend', exact: true }).click();
  await expectToldNotSaved(page, 'write-failed-loan');
  await expectKept(lend.getByLabel('Borrower (name)'), 'Ivan Sokolov');
  await expectKept(lend.getByLabel('Quantity: Chairs'), '5');
  await storageFails(page, false);
  await lend.getByRole('button', { name: 'Lend', exact: true }).click();
  await expect(page.getByRole('tab', { name: /^On loan/ })).toHaveAccessibleName('On loan 1');

  // Its return.
  await page.getByRole('radio', { name: 'Lend' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'Take back' })).toBeChecked();
  await scan(page, 'CH-1');
  const back = page.getByRole('form', { name: 'Take back' });
  await back.getByLabel('Condition: Chairs').fill('one leg loose');
  await failWrites(page);
  await back.getByRole('button', { name: 'Take back', exact: true }).click();
  await expectToldNotSaved(page);
  await expectKept(back.getByLabel('Condition: Chairs'), 'one leg loose');
  await storageFails(page, false);
  await back.getByRole('button', { name: 'Take back', exact: true }).click();
  await expect(page.getByRole('tabpanel', { name: 'Counter' }).getByText('Return recorded: Ivan Sokolov.')).toBeVisible();

  // A CSV import into the catalogue: a storage failure is not blamed on the file, and the text stays.
  await page.getByRole('tab', { name: 'Catalogue' }).click();
  await page.getByRole('button', { name: 'Import from CSV' }).click();
  dialog = page.getByRole('dialog', { name: 'Import the catalogue from CSV' });
  const csv = 'Name;Quantity;Code\nCups;60;CU-1\n';
  await dialog.getByLabel('CSV text').fill(csv);
  await failWrites(page);
  await dialog.getByRole('button', { name: 'Import (1)' }).click();
  await expectToldNotSaved(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText('cannot be read as CSV')).toHaveCount(0);
  await expectKept(dialog.getByLabel('CSV text'), csv);
  await storageFails(page, false);
  await dialog.getByRole('button', { name: 'Import (1)' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('table', { name: 'Catalogue' }).getByRole('row').filter({ hasText: 'Cups' })).toBeVisible();

  // A visit at the door.
  await page.goto('./?lang=en#/visitors');
  const door = page.getByRole('combobox', { name: 'Name or phone' });
  await door.fill('Olga Smirnova');
  await failWrites(page);
  await door.press('Enter');
  const doorRegion = page.getByRole('region', { name: 'Who came in' });
  await expect(doorRegion.getByRole('status')).toContainText('Could not save. What you typed is still in the form');
  await expectKept(door, 'Olga Smirnova');
  await storageFails(page, false);
  await door.press('Enter');
  await expect(doorRegion.getByRole('status')).toContainText('Olga Smirnova');
});
