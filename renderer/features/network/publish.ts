/**
 * A centre's desk publishes its network figures: the counts of its own reports (the Reports page's code path,
 * reports/reportInput.ts) for the current month and the 12 before, the current quarter and the 4 before, this year
 * and the last, into each network its centre belongs to (the server says which). Only changed counts are written;
 * periods with nothing at all are not.
 */
import type { DeskDatabase } from '@shared/db';
import { monthOf, quarterOf, yearOf, type Period } from '@shared/reports';
import { addDays } from '@shared/time';
import { basicAuth, normaliseServerUrl, type SyncConfig } from '@shared/sync';
import { NETWORK_KEYS, figuresDoc, type FiguresDoc } from '@shared/network/figures';
import { centreNetworks, publishFigures, type FiguresServer } from '@shared/network/publish';
import { loadReport } from '../reports/reportInput';

/** How many of each kind of period, the current one included. */
const PUBLISHED = { month: 13, quarter: 5, year: 2 } as const;
const OF = { month: monthOf, quarter: quarterOf, year: yearOf } as const;

export function figuresServer(config: SyncConfig, fetchFn: typeof fetch = (...a) => fetch(...a)): FiguresServer | null {
  const baseUrl = normaliseServerUrl(config.url);
  return baseUrl ? { baseUrl, authorization: basicAuth(config.user, config.password), fetch: fetchFn } : null;
}

/** The figure documents of this desk's centre for the periods ending with `now`'s (PUBLISHED). */
export async function centreFigures(db: DeskDatabase, centre: string, now: string): Promise<FiguresDoc[]> {
  const docs: FiguresDoc[] = [];
  for (const kind of ['month', 'quarter', 'year'] as const) {
    let period: Period = OF[kind](now.slice(0, 10));
    for (let i = 0; i < PUBLISHED[kind]; i++) {
      const doc = figuresDoc(centre, await loadReport(db, period, now), new Date().toISOString());
      if (NETWORK_KEYS.some((k) => doc.figures[k] !== 0)) docs.push(doc);
      period = OF[kind](addDays(period.from, -1));
    }
  }
  return docs;
}

/** Publishes to every network of the centre; returns how many documents were written (0: none changed or no network). */
export async function publishCentreFigures(db: DeskDatabase, config: SyncConfig, now: string): Promise<number> {
  const server = figuresServer(config);
  if (!server) return 0;
  const networks = await centreNetworks(server, config.centre);
  if (networks.length === 0) return 0;
  const docs = await centreFigures(db, config.centre, now);
  let written = 0;
  for (const n of networks) written += (await publishFigures(server, n, docs)).written;
  return written;
}
