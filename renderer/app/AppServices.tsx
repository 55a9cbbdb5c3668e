import { useRetention } from '../features/visitors/useRetention';
import { useAutoBackup } from '../features/reports/useAutoBackup';
import { useSyncService } from '../features/sync/useSyncService';

/**
 * Background services that run while the app is open (retention, sync …).
 * Each feature exports a hook or component; it is mounted here once.
 */
export function AppServices() {
  useRetention();
  useAutoBackup();
  useSyncService();
  return null;
}
