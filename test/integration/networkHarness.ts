/**
 * A centre's desk for network tests: a memory RxDB with a generated centre's data (shared/fixtures) that computes
 * its own month report (the Reports page's code path) and publishes its figures as the app does
 * (renderer/features/network/publish.ts).
 */
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createDatabase } from '../../shared/db';
import { DATASET_ORDER, generateDataset } from '../../shared/fixtures/generate';
import { loadDataset } from '../../shared/fixtures/load';
import type { SyncConfig } from '../../shared/sync';
import { monthOf, quarterOf, type Report } from '../../shared/reports';
import type { FiguresServer } from '../../shared/network/publish';
import { loadReport } from '../../renderer/features/reports/reportInput';
import { figuresServer, publishCentreFigures } from '../../renderer/features/network/publish';

export const ANCHOR = '2026-03-20T12:00';
export const MONTH = monthOf('2026-03-01');
export const QUARTER = quarterOf('2026-03-01');

export const serverAs = (url: string, user: string, password: string): FiguresServer => figuresServer({ url, centre: '', user, password })!;

/** A desk of `config.centre` with a generated centre (seeded): its own report for MONTH, and (unless not) it publishes. */
export async function centreDesk(seed: number, config: SyncConfig | null): Promise<{ report: Report; quarter: Report; written: number }> {
  const db = await createDatabase({ name: `net-${seed}-${Math.random().toString(36).slice(2, 8)}`, storage: getRxStorageMemory(), multiInstance: false, collections: [...DATASET_ORDER] });
  try {
    await loadDataset(db, generateDataset({ size: 'tiny', anchor: ANCHOR, seed, desk: `desk-${seed}` }));
    const report = await loadReport(db, MONTH, ANCHOR);
    const quarter = await loadReport(db, QUARTER, ANCHOR);
    const written = config ? await publishCentreFigures(db, config, ANCHOR) : 0;
    return { report, quarter, written };
  } finally {
    await db.close();
  }
}
