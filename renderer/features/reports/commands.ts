/**
 * The data commands of Settings → Data: restoring a backup (coordinator only: the role check runs here, whatever
 * screen asks). A restore goes only into an empty profile, which has no staff yet, so on a desk as it is sold
 * the check passes; it is here so that no future path can restore over a centre's staff unchecked.
 */
import { restoreIntoEmpty, type BackupFile, type RestoreOptions } from '@shared/backup';
import type { Author, DeskDatabase } from '@shared/db';
import { asCoordinator } from '../staff/commands';

export function restoreBackup(desk: { db: DeskDatabase; author: Author }, backup: BackupFile, options: RestoreOptions = {}) {
  return asCoordinator(desk, 'backup.restore', '', () => restoreIntoEmpty(desk.db, backup, options));
}
