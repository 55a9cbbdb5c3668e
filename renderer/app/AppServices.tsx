import { useEffect, useState } from 'react';
import { useRetention } from '../features/visitors/useRetention';
import { useAutoBackup } from '../features/reports/useAutoBackup';
import { useSyncService } from '../features/sync/useSyncService';
import { usePublishFigures } from '../features/network/usePublishFigures';

/** Longest wait for an idle moment before the services start anyway. */
const START_WITHIN_MS = 1500;

/**
 * Background services that run while the app is open (retention, daily backup, sync, the network figures).
 * They start once the first screen has painted and the browser is idle (at most START_WITHIN_MS later), so that
 * reading old visits, writing a backup or catching up with the server never competes with opening the app.
 */
export function AppServices() {
  const [started, setStarted] = useState(false);
  useEffect(() => {
    if (typeof requestIdleCallback !== 'function') {
      const timer = setTimeout(() => setStarted(true), 0);
      return () => clearTimeout(timer);
    }
    const id = requestIdleCallback(() => setStarted(true), { timeout: START_WITHIN_MS });
    return () => cancelIdleCallback(id);
  }, []);
  return started ? <Services /> : null;
}

/** Each feature exports a hook; they are mounted here once. */
function Services() {
  useRetention();
  useAutoBackup();
  useSyncService();
  usePublishFigures();
  return null;
}
