import { useEffect } from 'react';
import { useAuthor, useDb } from '../../app/db';
import { syncService } from './syncStore';

/**
 * Mounted once in AppServices: starts sync on launch when an account is saved, stops it when the app unmounts,
 * and asks before the window closes while local changes are not yet on the server (the browser asks itself;
 * in Electron the objection reaches the main process, which asks with a native dialog: electron/main/unload.ts).
 */
export function useSyncService(): void {
  const db = useDb();
  const author = useAuthor();
  useEffect(() => {
    void syncService.attach(db, author);
    return () => void syncService.detach();
    // the author changes with the volunteer on shift: that must not restart sync
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db]);
  useEffect(() => syncService.setAuthor(author), [author]);
  useEffect(() => {
    // Browsers ask themselves; in Electron the objection reaches main ('will-prevent-unload'), which asks natively
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (syncService.pending() === 0) return;
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);
}
