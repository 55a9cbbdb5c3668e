import type { Locator, Page } from '@playwright/test';
import { test, expect, type DeskApp } from './fixtures';
import { runAxe, serious } from './axe-kit';
import { generateDataset } from '../../shared/fixtures/generate';
import { rowsNotReadWhole } from './desk-kit';

/** Long lists render what is on screen: the loans catalogue of the "three months" demo (80 items). */
const NOW = '2026-11-18T11:00';

/** axe (WCAG 2.1 A/AA, as test/e2e/a11y.spec.ts) on the page as it is: no critical or serious violation. */
async function expectAxeClean(page: Page) {
  const { violations } = await runAxe(page);
  const bad = serious(violations);
  expect(bad.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** The "three months" demo, loaded with the page's clock fixed at NOW; the same data generated here to compare. */
async function loadThreeMonths(app: DeskApp, page: Page) {
  await page.clock.setFixedTime(new Date(`${NOW}:00+03:00`));
  await app.open('en', '/settings/data');
  await page.getByLabel(/three months/i).check();
  await page.getByRole('button', { name: 'Load demo data' }).click();
  await expect(page.getByText('Demo data loaded')).toBeVisible({ timeout: 60_000 });
  return generateDataset({ size: 'small', anchor: NOW });
}

test('the loans catalogue and the on-loan list render only the rows in view, says how many there are, and shows the last one when scrolled', async ({ app, page }) => {
  const ds = await loadThreeMonths(app, page);
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

test('the loans history and the visit log render only the rows in view and scroll to the last one (three months of demo data)', async ({ app, page }) => {
  const ds = await loadThreeMonths(app, page);
  const nodesIn = (selector: string) => page.locator(selector).evaluate((el) => el.querySelectorAll('*').length);
  const scrollToEnd = async (table: Locator) => {
    const rows = Number(await table.getAttribute('aria-rowcount'));
    const box = table.locator('xpath=..');
    // Measured rows can change the total height: scroll until the last row is there.
    await expect(async () => {
      await box.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
      await expect(table.locator(`tbody tr[aria-rowindex="${rows}"]`)).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 15_000 });
  };

  // Loans → History of the item lent most often: every loan of it is a row, the pickers render no long option list.
  const lent = new Map<string, number>();
  for (const loan of ds.loans) for (const id of new Set(loan.lines.map((l) => l.itemId))) lent.set(id, (lent.get(id) ?? 0) + 1);
  const [topId, topCount] = [...lent].sort((a, b) => b[1] - a[1])[0]!;
  const top = ds.items.find((i) => i.id === topId)!;
  expect(topCount).toBeGreaterThan(30);
  await app.open('en', '/loans');
  await page.getByRole('tab', { name: 'History' }).click();
  const picker = page.getByRole('textbox', { name: 'Item history' });
  await picker.fill(top.code);
  await page.getByRole('option', { name: `${top.name} (${top.code})` }).click();
  const history = page.getByRole('table', { name: 'History' });
  await expect(history).toHaveAttribute('aria-rowcount', String(topCount + 1));
  await expect(history.locator('tbody tr[aria-rowindex="2"]')).toBeVisible();
  const panel = page.getByRole('tabpanel', { name: 'History' });
  const historyNodes = await panel.evaluate((el) => el.querySelectorAll('*').length);
  expect(historyNodes, 'DOM nodes of the History tab').toBeLessThan(1500);
  await scrollToEnd(history);
  expect(await history.locator('tbody tr[aria-rowindex]').count(), 'history rows in the DOM').toBeLessThan(topCount);
  // The scroll box takes the focus (nothing in the rows does) and is named after the table.
  await expect(page.getByRole('region', { name: 'History' })).toHaveAttribute('tabindex', '0');
  await expectAxeClean(page);
  await page.screenshot({ path: test.info().outputPath('history-virtual.png'), fullPage: true });

  // Visitors → Log over the whole three months.
  const from = '2026-08-01';
  const inRange = ds.visits.filter((v) => v.timeIn.slice(0, 10) >= from && v.timeIn.slice(0, 10) <= NOW.slice(0, 10));
  expect(inRange.length).toBeGreaterThan(2000);
  await app.open('en', '/visitors');
  await page.getByRole('tab', { name: 'Log' }).click();
  const fromField = page.getByRole('textbox', { name: 'From' });
  await fromField.fill('01/08/2026');
  await fromField.press('Tab'); // on to "To", whose calendar opens on focus: closed again, it is not what is checked here
  await expect(page.getByRole('textbox', { name: 'To' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: /^\d+ November 2026$/ })).toHaveCount(0);
  await expect(page.getByRole('dialog')).toHaveCount(0); // its popover gone, not fading out when axe looks
  const log = page.getByRole('table', { name: 'Visit log' });
  await expect(log).toHaveAttribute('aria-rowcount', String(inRange.length + 1));
  await expect(log.locator('tbody tr[aria-rowindex="2"]')).toBeVisible();
  expect(await nodesIn('main'), 'DOM nodes of the Visitors section').toBeLessThan(2000);
  await scrollToEnd(log);
  expect(await log.locator('tbody tr[aria-rowindex]').count(), 'log rows in the DOM').toBeLessThan(45);
  // Its rows' buttons keep their names (and the last one is reachable).
  await expect(log.locator(`tbody tr[aria-rowindex="${inRange.length + 1}"]`).getByRole('button', { name: /^Correct entry: / })).toBeVisible();
  await expectAxeClean(page);
  await page.screenshot({ path: test.info().outputPath('visit-log-virtual.png'), fullPage: true });
});

test('the people list at 1024×640: only the rows in view are rendered, each name read whole (long ones wrap), the last one reachable, Tab goes row to row', async ({ app, page }) => {
  await page.setViewportSize({ width: 1024, height: 640 });
  const ds = await loadThreeMonths(app, page);
  const people = ds.people.filter((p) => !p.erased && !p.mergedInto);
  expect(people.length).toBeGreaterThanOrEqual(250);
  await app.open('en', '/people');
  await expect(page.getByText(`${people.length} found`)).toBeVisible();
  const list = page.getByRole('list', { name: 'People' });
  const rows = list.getByRole('listitem');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count(), 'rows in the DOM').toBeLessThan(30);
  expect(await rowsNotReadWhole(list)).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('people-list-1024.png') });

  // Tab from row to row; the focused row is scrolled into view and the list renders what is around it.
  await list.getByRole('button').first().focus();
  for (let i = 0; i < 12; i++) await page.keyboard.press('Tab');
  const focused = list.locator('li:focus-within');
  await expect(focused).toHaveAttribute('aria-posinset', '13');
  await expect(focused).toBeInViewport();

  // Scrolled to the end (measured rows change the total height: scroll until it is there), the last person is
  // shown whole, and the DOM is still small.
  const box = list.locator('xpath=..');
  await expect(async () => {
    await box.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect(list.locator(`li[aria-posinset="${people.length}"]`)).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  expect(await rows.count(), 'rows in the DOM at the end').toBeLessThan(30);
  expect(await rowsNotReadWhole(list)).toEqual([]);
  await expectAxeClean(page);
});
