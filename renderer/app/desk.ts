/**
 * getDesk(): the platform API. In Electron the preload exposes `window.desk`;
 * in a plain browser the browser implementation stands in with the same DeskApi.
 */
import type { DeskApi } from '@shared/ipc/contract';
import { createBrowserDesk } from './desk/browserDesk';

declare global {
  interface Window {
    /** Set by electron/preload in the desktop app; absent in browser mode. */
    readonly desk?: DeskApi;
  }
}

let browserDesk: DeskApi | undefined;

export function getDesk(): DeskApi {
  if (window.desk) return window.desk;
  browserDesk ??= createBrowserDesk();
  return browserDesk;
}

/** True when running inside the Electron shell. */
export function isElectron(): boolean {
  return window.desk !== undefined;
}

export type { DeskApi } from '@shared/ipc/contract';
