import { useRetention } from '../features/visitors/useRetention';

/**
 * Background services that run while the app is open (retention, sync …).
 * Each feature exports a hook or component; it is mounted here once.
 */
export function AppServices() {
  useRetention();
  return null;
}
