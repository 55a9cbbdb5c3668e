/**
 * IPC channel names of `window.desk`. Kept free of zod so the sandboxed preload
 * bundle stays tiny; `contract.ts` maps every channel to its runtime schema.
 */
export const CHANNELS = {
  appInfo: 'desk:app-info',
  saveFile: 'desk:save-file',
  openFile: 'desk:open-file',
  printView: 'desk:print-view',
  printHtml: 'desk:print-html',
  printToPdf: 'desk:print-to-pdf',
  setSecret: 'desk:secret-set',
  getSecret: 'desk:secret-get',
  deleteSecret: 'desk:secret-delete',
  openExternal: 'desk:open-external',
  setMenuLanguage: 'desk:set-menu-language',
  setSyncServer: 'desk:set-sync-server',
  backupFolderChoose: 'desk:backup-folder-choose',
  backupFolderGet: 'desk:backup-folder-get',
  backupList: 'desk:backup-list',
  backupWriteAndRotate: 'desk:backup-write-and-rotate',
  updateState: 'desk:update-state',
  updateCheck: 'desk:update-check',
  updateInstall: 'desk:update-install',
} as const;

export type ChannelKey = keyof typeof CHANNELS;

