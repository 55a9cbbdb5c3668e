// Test harness only (browserDesk.test.ts bundles it): puts the browser desk on window.__desk.
import type { DeskApi } from '@shared/ipc/contract';
import { createBrowserDesk } from './browserDesk';

declare global {
  interface Window {
    __desk: DeskApi;
  }
}

window.__desk = createBrowserDesk();
