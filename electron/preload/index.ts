/**
 * The one preload: exposes `window.desk` (the DeskApi of shared/ipc/contract.ts)
 * and nothing else. Runs sandboxed, so it only uses ipcRenderer.invoke; main
 * validates every payload. Imports only the zod-free channel list and types.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, type ChannelKey } from '@shared/ipc/channels';
import type { DeskApi, IpcResults } from '@shared/ipc/contract';

function call<K extends ChannelKey>(key: K, args: object = {}): Promise<IpcResults[K]> {
  return ipcRenderer.invoke(CHANNELS[key], args) as Promise<IpcResults[K]>;
}

const api = {
  appInfo: () => call('appInfo'),
  saveFile: (request) => call('saveFile', request),
  openFile: (request = {}) => call('openFile', request),
  printView: () => call('printView'),
  printHtml: (request) => call('printHtml', request),
  printToPdf: (request) => call('printToPdf', request),
  setSecret: (key, value) => call('setSecret', { key, value }),
  getSecret: (key) => call('getSecret', { key }),
  deleteSecret: (key) => call('deleteSecret', { key }),
  openExternal: (url) => call('openExternal', { url }),
  setMenuLanguage: (language) => call('setMenuLanguage', { language }),
  setSyncServer: (url, inBuilding = false) => call('setSyncServer', { url, inBuilding }),
  backupFolderChoose: () => call('backupFolderChoose'),
  backupFolderGet: () => call('backupFolderGet'),
  backupList: () => call('backupList'),
  backupWriteAndRotate: (request) => call('backupWriteAndRotate', request),
  updateState: () => call('updateState'),
  updateCheck: () => call('updateCheck'),
  updateInstall: (when) => call('updateInstall', { when }),
} satisfies DeskApi;

contextBridge.exposeInMainWorld('desk', api);
