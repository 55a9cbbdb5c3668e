/**
 * getFastDexieStorage() against RxDB's stock Dexie storage, in real Chromium (Debian's, via playwright-core):
 * the same dataset loaded through loadDataset() must be stored record for record the same (indexes, _meta,
 * revisions), emit the same change events and answer the same queries; re-inserting existing ids must give
 * the same 409 conflicts and leave the same records.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { openHarnessPage, type HarnessPage } from '../../test/unit/chromium-harness';

let harness: HarnessPage | undefined;
let page: Page;

beforeAll(async () => {
  harness = await openHarnessPage(fileURLToPath(new URL('./fastDexie.harness.ts', import.meta.url)));
  page = harness.page;
}, 60_000);

afterAll(() => harness?.close());

describe('fast Dexie storage vs RxDB stock Dexie storage, in Chromium', () => {
  it('loads a dataset into the same stored records, change events and query answers', async () => {
    // one after the other: RxDB's free edition opens at most 13 collections at once
    const fast = await page.evaluate(() => window.__fastDexie.load('fast', 'tiny'));
    const stock = await page.evaluate(() => window.__fastDexie.load('stock', 'tiny'));
    expect(Object.keys(fast.records!).length).toBeGreaterThanOrEqual(9);
    expect(fast.records!['visits/docs']!.length).toBeGreaterThan(100);
    expect(fast.records).toEqual(stock.records);
    expect(fast.events).toEqual(stock.events);
    expect(fast.queries).toEqual(stock.queries);
    expect((fast.queries!['visits before mid, newest 5'] as unknown[]).length).toBe(5);
    expect((fast.queries!['bookings of a room by start'] as unknown[]).length).toBeGreaterThan(0);
  }, 60_000);

  it('refuses existing ids with the same 409 conflicts and keeps the same records', async () => {
    const fast = await page.evaluate(() => window.__fastDexie.conflicts('fast'));
    const stock = await page.evaluate(() => window.__fastDexie.conflicts('stock'));
    expect(fast.errors.map((e) => e.status).sort()).toEqual([409, 409, 422]);
    expect(fast.errors.filter((e) => e.status === 409).every((e) => e.inDb !== null && e.inDb !== 'changed' && e.inDb !== 'x')).toBe(true);
    expect(fast.success).toHaveLength(1);
    expect(fast).toEqual(stock);
  }, 60_000);

  it('takes the same path in development (RxDB dev mode) and gives what the stock storage gives there too', async () => {
    const fast = await page.evaluate(() => window.__fastDexie.load('fast', 'tiny', { devMode: true }));
    const stock = await page.evaluate(() => window.__fastDexie.load('stock', 'tiny', { devMode: true }));
    expect(fast.insertOnlyWrites).toBeGreaterThan(0); // the insert-only path, not RxDB's stock write
    expect(stock.insertOnlyWrites).toBe(0);
    expect(fast.records).toEqual(stock.records);
    expect(fast.events).toEqual(stock.events);
    expect(fast.queries).toEqual(stock.queries);
    expect(await page.evaluate(() => window.__fastDexie.conflicts('fast', true))).toEqual(await page.evaluate(() => window.__fastDexie.conflicts('stock', true)));
  }, 90_000);

  it("reads a page of RxDB's changes query (a push's upstream) without reading every record after it", async () => {
    const fast = await page.evaluate(() => window.__fastDexie.changesRead('fast', 10));
    const stock = await page.evaluate(() => window.__fastDexie.changesRead('stock', 10));
    expect(fast.ids.length).toBeGreaterThan(100);
    expect(fast.ids).toEqual(stock.ids);
    // each page reads its 10 records (and the one of the page before, equal in lwt): not the rest of the store
    expect(fast.read).toBeLessThan(3 * fast.ids.length);
  }, 60_000);
});
