import { describe, expect, it } from 'vitest';
import { initialState, reduce, view, type MachineState, type SyncEvent } from './status';

const at = '2026-12-05T10:00:00.000Z';
const run = (events: SyncEvent[], s: MachineState = initialState(['rooms', 'people'])) => events.reduce(reduce, s);
const cycleBoth: SyncEvent[] = [
  { t: 'active', collection: 'rooms', active: true, at },
  { t: 'active', collection: 'people', active: true, at },
  { t: 'ok', collection: 'rooms', direction: 'pull', at },
  { t: 'ok', collection: 'people', direction: 'pull', at },
  { t: 'active', collection: 'rooms', active: false, at },
  { t: 'cycle', collection: 'rooms', at },
  { t: 'active', collection: 'people', active: false, at },
  { t: 'cycle', collection: 'people', at },
];

describe('sync status machine: state × event → state', () => {
  // [what, events, phase, synced, online, lastError code]
  const table: [string, SyncEvent[], string, boolean, boolean, string | null][] = [
    ['nothing happened yet', [], 'starting', false, true, null],
    ['one collection still running', cycleBoth.slice(0, 6), 'syncing', false, true, null],
    ['every collection went through a cycle', cycleBoth, 'idle', true, true, null],
    ['in step but a change waits to go up', [...cycleBoth, { t: 'pending', count: 1 }], 'idle', false, true, null],
    ['in step but a document was refused', [...cycleBoth, { t: 'counts', refused: 1, held: 0, invalid: 0 }], 'idle', false, true, null],
    ['in step but a document is held (newer version)', [...cycleBoth, { t: 'counts', refused: 0, held: 1, invalid: 0 }], 'idle', false, true, null],
    ['in step but a server document is invalid', [...cycleBoth, { t: 'counts', refused: 0, held: 0, invalid: 2 }], 'idle', false, true, null],
    ['the server cannot be reached', [...cycleBoth, { t: 'failed', collection: '*', direction: 'pull', code: 'unreachable', detail: 'x', at }], 'offline', false, false, 'unreachable'],
    [
      'unreachable, then one answer: online, but not Synced until every collection went through again',
      [...cycleBoth, { t: 'failed', collection: '*', direction: 'pull', code: 'unreachable', detail: 'x', at }, { t: 'ok', collection: 'rooms', direction: 'pull', at }],
      'starting',
      false,
      true,
      null,
    ],
    [
      'unreachable, then both collections through again',
      [...cycleBoth, { t: 'failed', collection: '*', direction: 'pull', code: 'unreachable', detail: 'x', at }, ...cycleBoth],
      'idle',
      true,
      true,
      null,
    ],
    ['a 401 on a push', [...cycleBoth, { t: 'failed', collection: 'people', direction: 'push', code: 'unauthorized', detail: 'x', at }], 'error', false, true, 'unauthorized'],
    [
      'a pull that works does not hide a push that fails',
      [...cycleBoth, { t: 'failed', collection: 'people', direction: 'push', code: 'server', detail: 'x', at }, { t: 'ok', collection: 'people', direction: 'pull', at }, { t: 'cycle', collection: 'people', at }],
      'error',
      false,
      true,
      'server',
    ],
    [
      'the push goes through on a retry',
      [...cycleBoth, { t: 'failed', collection: 'people', direction: 'push', code: 'server', detail: 'x', at }, { t: 'ok', collection: 'people', direction: 'push', at }, { t: 'cycle', collection: 'people', at }],
      'idle',
      true,
      true,
      null,
    ],
    [
      'a pulled page not stored (a full disk): a pull that goes through and a cycle do not hide it',
      [...cycleBoth, { t: 'failed', collection: 'people', direction: 'store', code: 'localWrite', detail: 'x', at }, { t: 'ok', collection: 'people', direction: 'pull', at }, { t: 'cycle', collection: 'people', at }],
      'error',
      false,
      true,
      'localWrite',
    ],
    [
      'stored again (the engine says so after a clean run that pulled it all)',
      [...cycleBoth, { t: 'failed', collection: 'people', direction: 'store', code: 'localWrite', detail: 'x', at }, { t: 'ok', collection: 'people', direction: 'store', at }, { t: 'cycle', collection: 'people', at }],
      'idle',
      true,
      true,
      null,
    ],
    ['paused (restore, import)', [...cycleBoth, { t: 'paused', paused: true }], 'paused', false, true, null],
    ['resumed: not Synced until a new cycle', [...cycleBoth, { t: 'paused', paused: true }, { t: 'paused', paused: false }], 'starting', false, true, null],
    ['the browser says offline', [...cycleBoth, { t: 'offline', offline: true }], 'offline', false, false, null],
    ['a first sync still running', [...cycleBoth, { t: 'firstSync', progress: { done: 5, total: 10, bytes: 100, totalBytes: 1000 } }], 'idle', false, true, null],
    ['stopped', [...cycleBoth, { t: 'stopped' }], 'stopped', false, false, null],
    ['a database restored on the server: that collection starts over', [...cycleBoth, { t: 'reset', collections: ['people'], at }], 'starting', false, true, null],
  ];
  it.each(table)('%s', (_what, events, phase, synced, online, error) => {
    const v = view(run(events));
    expect(v.phase).toBe(phase);
    expect(v.synced).toBe(synced);
    expect(v.online).toBe(online);
    expect(v.lastError?.code ?? null).toBe(error);
  });

  it('lastSyncAt moves only when every collection is in step', () => {
    const later = '2026-12-05T11:00:00.000Z';
    const s1 = run(cycleBoth);
    expect(view(s1).lastSyncAt).toBe(at);
    const s2 = run([{ t: 'failed', collection: 'rooms', direction: 'pull', code: 'server', detail: 'x', at: later }, { t: 'cycle', collection: 'people', at: later }], s1);
    expect(view(s2).lastSyncAt).toBe(at);
  });

  it('the notice of a restored server stays until dismissed', () => {
    const s = run([...cycleBoth, { t: 'reset', collections: ['people'], at }, ...cycleBoth]);
    expect(view(s).notice?.collections).toEqual(['people']);
    expect(view(reduce(s, { t: 'dismissNotice' })).notice).toBeNull();
  });

  it('after stop nothing changes it', () => {
    const s = run([{ t: 'stopped' }]);
    expect(reduce(s, { t: 'pending', count: 3 })).toBe(s);
  });
});
