import { describe, expect, it, vi } from 'vitest';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNELS, CHANNEL_KEYS, IPC_ERRORS, MAX_FILE_BYTES } from '@shared/ipc/contract';
import { registerIpcHandlers, type IpcHandlers } from './ipc';

// A fake ipcMain that records handlers (the Electron binary cannot run here).
function setup() {
  const registered = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown>();
  const ipcMain = { handle: (ch: string, fn: (e: IpcMainInvokeEvent, ...a: unknown[]) => unknown) => registered.set(ch, fn) };
  const calls: [string, unknown][] = [];
  const handlers = Object.fromEntries(
    CHANNEL_KEYS.map((k) => [k, vi.fn((args: unknown) => (calls.push([k, args]), { ok: true }))]),
  ) as unknown as IpcHandlers;
  registerIpcHandlers(ipcMain as unknown as Pick<IpcMain, 'handle'>, handlers);
  const event = (url: string | null, parent: object | null = null) =>
    ({ senderFrame: url === null ? null : { url, parent }, sender: {} }) as unknown as IpcMainInvokeEvent;
  const app = event('app://desk/index.html');
  const invoke = async (channel: string, ev: IpcMainInvokeEvent, ...args: unknown[]) => registered.get(channel)!(ev, ...args);
  return { registered, calls, invoke, event, app };
}

describe('IPC handlers', () => {
  it('registers exactly the contract channels', () => {
    const { registered } = setup();
    expect([...registered.keys()].sort()).toEqual(Object.values(CHANNELS).sort());
  });

  it('passes valid payloads to the handler, parsed', async () => {
    const { invoke, calls, app } = setup();
    const bytes = new Uint8Array([1, 2, 3]);
    await invoke(CHANNELS.saveFile, app, { suggestedName: 'visits.csv', data: bytes, filters: [{ name: 'CSV', extensions: ['csv'] }] });
    await invoke(CHANNELS.printToPdf, app, { html: '<p>x</p>', pageSize: 'A3', landscape: true });
    await invoke(CHANNELS.appInfo, app, {});
    await invoke(CHANNELS.setSecret, app, { key: 'sync.password', value: 's3cret' });
    const backup = { name: 'sosedi-desk-auto-2026-03-20-0900.json', data: '{}', deleteNames: ['sosedi-desk-auto-2026-03-01-0900.json'] };
    await invoke(CHANNELS.backupWriteAndRotate, app, backup);
    expect(calls.map((c) => c[0])).toEqual(['saveFile', 'printToPdf', 'appInfo', 'setSecret', 'backupWriteAndRotate']);
    expect(calls[4]?.[1]).toEqual(backup);
    expect(calls[0]?.[1]).toMatchObject({ suggestedName: 'visits.csv', data: bytes });
  });

  const bad: [string, unknown[]][] = [
    [CHANNELS.saveFile, [{ suggestedName: '../../.bashrc', data: 'x' }]],
    [CHANNELS.saveFile, [{ suggestedName: 'a.csv', data: 42 }]],
    [CHANNELS.saveFile, [{ suggestedName: 'a.csv', data: 'x', extra: true }]],
    [CHANNELS.saveFile, [{ suggestedName: 'a.csv', data: 'x', filters: [{ name: 'x', extensions: ['c/sv'] }] }]],
    [CHANNELS.saveFile, [{ suggestedName: 'a.bin', data: { byteLength: 1 } }]],
    [CHANNELS.printToPdf, [{ html: '<p/>', pageSize: 'Letter' }]],
    [CHANNELS.printToPdf, [{ html: '', pageSize: 'A4' }]],
    [CHANNELS.printHtml, ['<p>not an object</p>']],
    [CHANNELS.setSecret, [{ key: '__proto__', value: 'x' }]],
    [CHANNELS.getSecret, [{ key: '../secrets' }]],
    [CHANNELS.setMenuLanguage, [{ language: 'de' }]],
    [CHANNELS.openExternal, [{ url: 123 }]],
    [CHANNELS.appInfo, []],
    [CHANNELS.appInfo, [{}, {}]],
    [CHANNELS.appInfo, [null]],
    [CHANNELS.backupList, [{ folder: '/etc' }]],
    [CHANNELS.backupFolderChoose, [{ path: '/tmp' }]],
    ...[
      '../sosedi-desk-auto-2026-03-20-0900.json',
      '/etc/sosedi-desk-auto-2026-03-20-0900.json',
      'sub/sosedi-desk-auto-2026-03-20-0900.json',
      'sosedi-desk-auto-2026-03-20-0900.json/..',
      'sosedi-desk-auto-2026-03-20-0900.json\0',
      'sosedi-desk-auto-2026-03-20-0900.JSON',
      'sosedi-desk-backup-2026-03-20-0900.json',
      'notes.txt',
      '',
    ].flatMap((name): [string, unknown[]][] => [
      [CHANNELS.backupWriteAndRotate, [{ name, data: '{}', deleteNames: [] }]],
      [CHANNELS.backupWriteAndRotate, [{ name: 'sosedi-desk-auto-2026-03-20-0900.json', data: '{}', deleteNames: ['sosedi-desk-auto-2026-03-01-0900.json', name] }]],
    ]),
    [CHANNELS.backupWriteAndRotate, [{ name: 'sosedi-desk-auto-2026-03-20-0900.json', data: '', deleteNames: [] }]],
    [CHANNELS.backupWriteAndRotate, [{ name: 'sosedi-desk-auto-2026-03-20-0900.json', data: '{}' }]],
    [CHANNELS.backupWriteAndRotate, [{ name: 'sosedi-desk-auto-2026-03-20-0900.json', data: '{}', deleteNames: 'sosedi-desk-auto-2026-03-01-0900.json' }]],
    [CHANNELS.backupWriteAndRotate, [{ name: 'sosedi-desk-auto-2026-03-20-0900.json', data: '{}', deleteNames: [], folder: '/etc' }]],
    // it would delete the file it has just written
    [CHANNELS.backupWriteAndRotate, [{ name: 'sosedi-desk-auto-2026-03-20-0900.json', data: '{}', deleteNames: ['sosedi-desk-auto-2026-03-20-0900.json'] }]],
  ];
  it.each(bad)('refuses a bad payload on %s', async (channel, args) => {
    const { invoke, calls, app } = setup();
    await expect(invoke(channel, app, ...args)).rejects.toThrow(IPC_ERRORS.invalidPayload);
    expect(calls).toEqual([]);
  });

  it('refuses oversized files', async () => {
    const { invoke, app } = setup();
    const big = new Uint8Array(MAX_FILE_BYTES + 1);
    await expect(invoke(CHANNELS.saveFile, app, { suggestedName: 'big.bin', data: big })).rejects.toThrow(IPC_ERRORS.invalidPayload);
  });

  it('refuses senders that are not the app top frame', async () => {
    const { invoke, calls, event } = setup();
    for (const ev of [
      event('https://evil.example/'),
      event('app://print/123'),
      event('file:///index.html'),
      event(null),
      event('app://desk/index.html', { url: 'app://desk/' }),
    ]) {
      await expect(invoke(CHANNELS.appInfo, ev, {})).rejects.toThrow(IPC_ERRORS.forbiddenSender);
    }
    expect(calls).toEqual([]);
  });
});
