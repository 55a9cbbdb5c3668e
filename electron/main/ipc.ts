/**
 * IPC handlers of window.desk: every invocation is checked (sender frame is the
 * app's own top frame on app://desk/, payload matches the zod schema of the
 * contract) before the implementation runs.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import {
  CHANNELS,
  CHANNEL_KEYS,
  IPC_ERRORS,
  parseIpcArgs,
  type ChannelKey,
  type IpcArgs,
  type IpcResults,
} from '@shared/ipc/contract';
import { isAppUrl } from './scheme';

export interface IpcContext {
  sender: WebContents;
}

export type IpcHandlers = {
  [K in ChannelKey]: (args: IpcArgs[K], context: IpcContext) => Promise<IpcResults[K]> | IpcResults[K];
};

export class IpcRejection extends Error {
  constructor(
    readonly code: string,
    detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'IpcRejection';
  }
}

/** The sender must be a live top-level frame showing the app (not an iframe, not another origin). */
export function isTrustedSender(
  event: Pick<IpcMainInvokeEvent, 'senderFrame'>,
  isTrustedUrl: (url: string) => boolean = isAppUrl,
): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  if (frame.parent !== null) return false;
  return isTrustedUrl(frame.url);
}

/** Check one invocation and return its validated arguments, or throw an IpcRejection. */
export function checkInvocation<K extends ChannelKey>(
  channel: K,
  event: Pick<IpcMainInvokeEvent, 'senderFrame'>,
  raw: readonly unknown[],
  isTrustedUrl: (url: string) => boolean = isAppUrl,
): IpcArgs[K] {
  if (!isTrustedSender(event, isTrustedUrl)) throw new IpcRejection(IPC_ERRORS.forbiddenSender);
  const parsed = parseIpcArgs(channel, raw);
  if (!parsed.ok) throw new IpcRejection(parsed.code, parsed.issues?.join('; '));
  return parsed.args;
}

export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: IpcHandlers,
  isTrustedUrl: (url: string) => boolean = isAppUrl,
): void {
  for (const key of CHANNEL_KEYS) {
    ipcMain.handle(CHANNELS[key], (event, ...raw: unknown[]) => invoke(key, handlers, event, raw, isTrustedUrl));
  }
}

async function invoke<K extends ChannelKey>(
  key: K,
  handlers: IpcHandlers,
  event: IpcMainInvokeEvent,
  raw: unknown[],
  isTrustedUrl: (url: string) => boolean,
): Promise<IpcResults[K]> {
  const args = checkInvocation(key, event, raw, isTrustedUrl);
  const handler = handlers[key] as (a: IpcArgs[K], c: IpcContext) => Promise<IpcResults[K]> | IpcResults[K];
  return handler(args, { sender: event.sender });
}
