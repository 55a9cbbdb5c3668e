/**
 * The native question asked when the window is closed while sync changes are not yet on the server (the
 * renderer objects to unloading; webContents emits 'will-prevent-unload'). Pure: the caller passes
 * dialog.showMessageBoxSync, so this runs (and is tested) under plain Node.
 */
import type { MessageBoxSyncOptions } from 'electron';
import type { Language } from '@shared/ipc/contract';
import { menuText } from './menu';

const CLOSE_ANYWAY = 0;
const STAY = 1;

export function unsentChangesDialog(language: Language): MessageBoxSyncOptions {
  const t = (key: Parameters<typeof menuText>[1]) => menuText(language, key);
  return {
    type: 'question',
    title: t('unsentTitle'),
    message: t('unsentMessage'),
    detail: t('unsentDetail'),
    buttons: [t('closeAnyway'), t('stay')],
    defaultId: STAY,
    cancelId: STAY,
    noLink: true,
  };
}

/** True when the person chose to close anyway (Esc or closing the question keeps the window open). */
export function confirmCloseWithUnsent(language: Language, show: (options: MessageBoxSyncOptions) => number): boolean {
  return show(unsentChangesDialog(language)) === CLOSE_ANYWAY;
}
