import { useEffect } from 'react';
import { useDb } from '../../app/db';
import { loadPassword, useSync } from '../sync/syncStore';
import { localNow } from '@shared/time';
import { publishCentreFigures } from './publish';

/** At most this often (ms) a desk recomputes and publishes its centre's network figures. */
const PUBLISH_EVERY_MS = 10 * 60 * 1000;
let lastRun = 0;

/**
 * Mounted once in AppServices: whenever the desk is in step with its centre's server ("Synced": it holds what every
 * desk wrote), and at most every 10 minutes, it publishes the centre's monthly counts to the centre's networks.
 * A network coordinator's desk, or one without sync, publishes nothing.
 */
export function usePublishFigures(): void {
  const db = useDb();
  const { account, running, status, network } = useSync();
  const ready = running && status?.synced === true && !network && account !== null;
  useEffect(() => {
    if (!ready || !account) return;
    let cancelled = false;
    const run = async () => {
      if (cancelled) return;
      lastRun = Date.now();
      const password = await loadPassword();
      if (!password || cancelled) return;
      // a failure (offline, an older server without the network list) waits for the next turn
      await publishCentreFigures(db, { ...account, password }, localNow()).catch(() => 0);
    };
    const timer = setTimeout(() => void run(), Math.max(0, lastRun + PUBLISH_EVERY_MS - Date.now()));
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [ready, account, db]);
}
