import { test, expect } from './fixtures';
import { generateDataset } from '../../shared/fixtures/generate';

/** Long lists render what is on screen: the loans catalogue of the "three months" demo (80 items). */
const NOW = '2026-11-18T11:00';

test('the loans catalogue and the on-loan list render only the rows in view, says how many there are, and shows the last one when scrolled', async ({ app, page }) => {
  await page.clock.setFixedTime(new Date(`${NOW}:00+03:00`));
  await app.open('en', '/settings/data');
  await page.getByLabel(/three months/i).check();
  await page.getByRole('button', { name: 'Load demo data' }).click();
  await expect(page.getByText('Demo data loaded')).toBeVisible({ timeout: 60_000 });
  const ds = generateDataset({ size: 'small', anchor: NOW });
  const items = ds.items.filter((i) => !i.archived);
  const open = ds.loans.filter((l) => l.status === 'open');
  expect(open.length).toBeGreaterThanOrEqual(25); // realistic demo data: few open loans are overdue
  expect(items.length).toBeGreaterThanOrEqual(60);

  await app.open('en', '/loans');
  await page.getByRole('tab', { name: 'Catalogue' }).click();
  const table = page.getByRole('table', { name: 'Catalogue' });
  await expect(table).toHaveAttribute('aria-rowcount', String(items.length + 1));
  const rendered = table.locator('tbody tr[aria-rowindex]');
  await expect(rendered.first()).toBeVisible();
  expect(await rendered.count(), 'rows in the DOM').toBeLessThan(40);
  // Other tabs are not in the DOM while the catalogue is shown (only the counter stays mounted).
  await expect(page.getByRole('table', { name: 'History' })).toHaveCount(0);

  // Scrolled to the end, the last item (by the catalogue's order) is there with its row index.
  const box = page.locator('div:has(> table[aria-label="Catalogue"])');
  await box.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  const last = table.locator(`tbody tr[aria-rowindex="${items.length + 1}"]`);
  await expect(last).toBeVisible();
  expect(await rendered.count()).toBeLessThan(40);

  // The on-loan list too.
  await page.getByRole('tab', { name: /^On loan/ }).click();
  const onLoan = page.getByRole('table', { name: 'On loan' });
  await expect(onLoan).toHaveAttribute('aria-rowcount', String(open.length + 1));
  await expect(onLoan.locator('tbody tr[aria-rowindex]').first()).toBeVisible();
  expect(await onLoan.locator('tbody tr[aria-rowindex]').count()).toBeLessThan(open.length);
});
