import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { loadTinyDemo } from './desk-kit';

/**
 * The Reports page keeps each whole month it counted in an IndexedDB store of its own
 * (renderer/features/reports/monthStore.ts) and uses it after the desk starts again only while the month provably
 * still holds (visitMonths.ts). Here in Chromium's real IndexedDB: the year's months are stored; after a reload the
 * report takes a stored month as it is (a month whose stored visits, and loans, were raised by 1,000 shows 1,000
 * more); a stored month whose count no longer matches the database is read again (the report is right again).
 * The exactness of the check against every kind of change is pinned in monthStore.test.ts.
 */
const NOW = '2026-12-05T15:00';
const minutesAfter = (m: number) => new Date(Date.parse(`${NOW}:00+03:00`) + m * 60_000);

/** Reports → «Год»: the year's visits and loans figures, once the year is shown. */
async function yearFigures(page: Page): Promise<{ visits: number; loans: number }> {
  await page.goto('./?lang=ru#/reports');
  await expect(page.getByTestId('figure-visitEntries')).toBeVisible();
  await page.getByText('Год', { exact: true }).click();
  await expect(page.getByTestId('period-label')).toHaveText('2026');
  await expect(page.locator('main .mantine-Loader-root')).toHaveCount(0);
  const big = async (key: string) => Number((await page.getByTestId(`figure-${key}`).locator('p').nth(1).innerText()).replace(/\s/g, ''));
  return { visits: await big('visitEntries'), loans: await big('loansMade') };
}

/** The visits' months, or the loans' (monthStore.ts): their tables, and the figure a test raises in a stored part. */
const TABLES = { visits: ['stamps', 'parts', 'entries'], loans: ['loanStamps', 'loanParts', 'made'] } as const;

/** Changes a stored month (in the page, straight in IndexedDB) and returns the stored months' starts. */
function editStore(page: Page, edit: 'none' | 'entries' | 'count', month: string, kind: keyof typeof TABLES = 'visits') {
  return page.evaluate(
    async ({ edit, month, tables: [stampsName, partsName, figure] }) => {
      const info = (await indexedDB.databases()).find((d) => d.name?.endsWith('-report-months'));
      if (!info?.name) return [];
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open(info.name!);
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const tx = db.transaction([stampsName, partsName], 'readwrite');
      const read = <T,>(name: string, key: string) =>
        new Promise<T | undefined>((resolve) => {
          const r = tx.objectStore(name).get(key);
          r.onsuccess = () => resolve(r.result as T | undefined);
        });
      const starts = await new Promise<string[]>((resolve) => {
        const r = tx.objectStore(stampsName).getAllKeys();
        r.onsuccess = () => resolve(r.result as string[]);
      });
      if (edit === 'entries') {
        const p = await read<{ start: string; part: Record<string, number> }>(partsName, month);
        if (p) tx.objectStore(partsName).put({ ...p, part: { ...p.part, [figure]: p.part[figure]! + 1000 } });
      }
      if (edit === 'count') {
        const m = await read<{ start: string; count: number }>(stampsName, month);
        if (m) tx.objectStore(stampsName).put({ ...m, count: m.count + 1 });
      }
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
      return starts;
    },
    { edit, month, tables: TABLES[kind] },
  );
}

test('a year report after a restart takes its kept months from the store, and reads a month again when it no longer holds', async ({ app, page }) => {
  void app;
  await loadTinyDemo(page, NOW);
  await page.clock.setFixedTime(minutesAfter(5)); // the data was written a few minutes ago
  const year = await yearFigures(page);
  expect(year.visits).toBeGreaterThan(0);
  expect(year.loans).toBeGreaterThan(0);
  const november = '2026-11-01T00:00';
  // written in the background, a few months at a time: this year's months and last year's (loans: and the look-back)
  await expect.poll(async () => (await editStore(page, 'none', november)).length).toBeGreaterThan(20);
  await expect.poll(async () => (await editStore(page, 'none', november, 'loans')).length).toBeGreaterThan(20);
  expect(await editStore(page, 'none', november)).toContain(november);
  expect(await editStore(page, 'none', november, 'loans')).toContain(november);

  // a restart: the stored November is taken as it is (here, with 1,000 visits and 1,000 loans more than were counted)
  await editStore(page, 'entries', november);
  await editStore(page, 'entries', november, 'loans');
  await page.clock.setFixedTime(minutesAfter(10));
  await page.reload();
  expect(await yearFigures(page)).toEqual({ visits: year.visits + 1000, loans: year.loans + 1000 });

  // its stored counts no longer match the database: it is read again, and the report is right
  await editStore(page, 'count', november);
  await editStore(page, 'count', november, 'loans');
  await page.clock.setFixedTime(minutesAfter(15));
  await page.reload();
  expect(await yearFigures(page)).toEqual(year);
});
