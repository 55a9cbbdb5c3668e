import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { loadTinyDemo } from './desk-kit';

/**
 * The Reports page keeps each whole month it counted in an IndexedDB store of its own
 * (renderer/features/reports/monthStore.ts) and uses it after the desk starts again only while the month provably
 * still holds (visitMonths.ts). Here in Chromium's real IndexedDB: the year's months are stored; after a reload the
 * report takes a stored month as it is (a month whose stored visit count was raised by 1,000 shows 1,000 more); a
 * stored month whose visit count no longer matches the database is read again (the report is right again).
 * The exactness of the check against every kind of change is pinned in monthStore.test.ts.
 */
const NOW = '2026-12-05T15:00';
const minutesAfter = (m: number) => new Date(Date.parse(`${NOW}:00+03:00`) + m * 60_000);

/** Reports → «Год»: the year's visits figure, once the year is shown. */
async function yearEntries(page: Page): Promise<number> {
  await page.goto('./?lang=ru#/reports');
  await expect(page.getByTestId('figure-visitEntries')).toBeVisible();
  await page.getByText('Год', { exact: true }).click();
  await expect(page.getByTestId('period-label')).toHaveText('2026');
  await expect(page.locator('main .mantine-Loader-root')).toHaveCount(0);
  const big = page.getByTestId('figure-visitEntries').locator('p').nth(1);
  return Number((await big.innerText()).replace(/\s/g, ''));
}

/** Changes every stored month (in the page, straight in IndexedDB) and returns the stored months' starts. */
function editStore(page: Page, edit: 'none' | 'entries' | 'count', month: string) {
  return page.evaluate(
    async ({ edit, month }) => {
      const info = (await indexedDB.databases()).find((d) => d.name?.endsWith('-report-months'));
      if (!info?.name) return [];
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open(info.name!);
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const tx = db.transaction(['stamps', 'parts'], 'readwrite');
      const read = <T,>(name: string, key: string) =>
        new Promise<T | undefined>((resolve) => {
          const r = tx.objectStore(name).get(key);
          r.onsuccess = () => resolve(r.result as T | undefined);
        });
      const starts = await new Promise<string[]>((resolve) => {
        const r = tx.objectStore('stamps').getAllKeys();
        r.onsuccess = () => resolve(r.result as string[]);
      });
      if (edit === 'entries') {
        const p = await read<{ start: string; part: { entries: number } }>('parts', month);
        if (p) tx.objectStore('parts').put({ ...p, part: { ...p.part, entries: p.part.entries + 1000 } });
      }
      if (edit === 'count') {
        const m = await read<{ start: string; count: number }>('stamps', month);
        if (m) tx.objectStore('stamps').put({ ...m, count: m.count + 1 });
      }
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
      return starts;
    },
    { edit, month },
  );
}

test('a year report after a restart takes its kept months from the store, and reads a month again when it no longer holds', async ({ app, page }) => {
  void app;
  await loadTinyDemo(page, NOW);
  await page.clock.setFixedTime(minutesAfter(5)); // the data was written a few minutes ago
  const entries = await yearEntries(page);
  expect(entries).toBeGreaterThan(0);
  const november = '2026-11-01T00:00';
  // written in the background, a few months at a time: this year's months and last year's
  await expect.poll(async () => (await editStore(page, 'none', november)).length).toBeGreaterThan(20);
  expect(await editStore(page, 'none', november)).toContain(november);

  // a restart: the stored November is taken as it is (here, with 1,000 visits more than were counted)
  await editStore(page, 'entries', november);
  await page.clock.setFixedTime(minutesAfter(10));
  await page.reload();
  expect(await yearEntries(page)).toBe(entries + 1000);

  // its stored visit count no longer matches the database: it is read again, and the report is right
  await editStore(page, 'count', november);
  await page.clock.setFixedTime(minutesAfter(15));
  await page.reload();
  expect(await yearEntries(page)).toBe(entries);
});
