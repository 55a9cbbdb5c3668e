/**
 * The query half of fastDexie (one IDBIndex.getAll instead of a cursor) against RxDB's stock Dexie query, in
 * Chromium, on the full dataset: `flock /work/wt/heavy.lock node --import tsx renderer/app/fastDexie.measure.ts [rounds]`.
 * Both storages in the same browser, interleaved; prints each query's median per round (docs/fastdexie-upstream.md).
 */
import { fileURLToPath } from 'node:url';
import { openHarnessPage } from '../../test/unit/chromium-harness';

const rounds = Number(process.argv[2] ?? 2);
const harness = await openHarnessPage(fileURLToPath(new URL('./fastDexie.harness.ts', import.meta.url)));
try {
  for (let r = 1; r <= rounds; r++) {
    for (const kind of r % 2 ? (['stock', 'fast'] as const) : (['fast', 'stock'] as const)) {
      const result = await harness.page.evaluate((k) => window.__fastDexie.timeQueries(k, 'full'), kind);
      for (const [label, { docs, medianMs }] of Object.entries(result)) console.log(`round ${r}\t${kind}\t${label}\t${docs} docs\t${medianMs} ms`);
    }
  }
} finally {
  await harness.close();
}
