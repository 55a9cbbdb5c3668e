/**
 * A centre's desk for network tests: a memory RxDB with a generated centre's data (shared/fixtures), whose month
 * report (the Reports page's code path: renderer/features/reports/reportInput.ts) it publishes to its networks.
 */
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createDatabase, type DeskDatabase } from '../../shared/db';
import { DATASET_ORDER, generateDataset } from '../../shared/fixtures/generate';
import { loadDataset } from '../../shared/fixtures/load';
import { basicAuth, type SyncConfig } from '../../shared/sync';
import { figuresDoc, type FiguresDoc } from '../../shared/network/figures';
import { centreNetworks, publishFigures, type FiguresServer } from '../../shared/network/publish';
import { monthOf, type Report } from '../../shared/reports';
import { loadReport } from '../../renderer/features/reports/reportInput';

export const ANCHOR = '2026-03-20T12:00';
export const MONTH = monthOf('2026-03-01');

export function figuresServer(url: string, user: string, password: string): FiguresServer {
  return { baseUrl: url, authorization: basicAuth(user, password), fetch: (...a) => fetch(...a) };
}

/** Opens a desk with a generated centre (seeded), computes its own report for the month, closes it. */
export async function centreReport(seed: number, month = MONTH): Promise<{ report: Report; db?: DeskDatabase }> {
  const db = await createDatabase({ name: `net-${seed}-${Math.random().toString(36).slice(2, 8)}`, storage: getRxStorageMemory(), multiInstance: false, collections: [...DATASET_ORDER] });
  try {
    await loadDataset(db, generateDataset({ size: 'tiny', anchor: ANCHOR, seed, desk: `desk-${seed}` }));
    return { report: await loadReport(db, month, ANCHOR) };
  } finally {
    await db.close();
  }
}

/** What a desk of `config.centre` does: publishes the month's counts to every network of its centre. */
export async function publishAsDesk(config: SyncConfig, report: Report): Promise<{ networks: string[]; doc: FiguresDoc }> {
  const s = figuresServer(config.url, config.user, config.password);
  const doc = figuresDoc(config.centre, report, new Date().toISOString());
  const networks = await centreNetworks(s, config.centre);
  for (const n of networks) {
    const r = await publishFigures(s, n, [doc]);
    if (r.failed.length) throw new Error(`publishing ${doc._id} to ${n} failed`);
  }
  return { networks, doc };
}
