import { beforeEach, describe, expect, it, vi } from 'vitest';
// Mantine's own notification store (no mock): what the desk's <Notifications limit={2}> shows and what waits
import { notifications, notificationsStore } from '@mantine/notifications';

const state = () => notificationsStore.getState();
/** Every notification, on screen then waiting. */
const all = () => [...state().notifications, ...state().queue] as unknown as { title?: string; message: string }[];
vi.mock('./i18n', () => ({
  i18n: { t: (key: string, values?: Record<string, unknown>) => (values && 'reason' in values ? `${key}(${String(values.reason)})` : values && 'error' in values ? `${key}(${String(values.error)})` : key) },
}));
const { attemptWrite, writeFailureReason } = await import('./writeFailure');

beforeEach(() => {
  notifications.clean();
  notificationsStore.setState({ ...state(), limit: 2 }); // as App's <Notifications limit={2}> sets it
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

describe('a failed write in words', () => {
  it('names a full disk, a wrong clock, and anything else by its first line', () => {
    expect(writeFailureReason(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))).toBe('write.quota');
    expect(writeFailureReason(Object.assign(new Error('Dexie: AbortError'), { name: 'QuotaExceededError' }))).toBe('write.quota');
    // What RxDB said when the desk's clock made it refuse the write (issue #14).
    expect(writeFailureReason(new Error('RxError (VD2): object does not match schema\n  field: _meta.lwt'))).toBe('write.clock');
    expect(writeFailureReason(new Error('storage closed\nat x'))).toBe('write.other(storage closed)');
  });

  it('attemptWrite tells the volunteer and resolves not-ok instead of throwing; a good write passes its value', async () => {
    expect(await attemptWrite(async () => 42)).toEqual({ ok: true, value: 42 });
    expect(all()).toEqual([]);
    expect(await attemptWrite(() => Promise.reject(new DOMException('full', 'QuotaExceededError')))).toEqual({ ok: false });
    expect(all()).toEqual([expect.objectContaining({ title: 'write.title', message: 'write.failed(write.quota)' })]);
    await attemptWrite(() => Promise.reject(new Error('x')), 'action');
    expect(all()[0]).toMatchObject({ message: 'write.failedAction(write.other(x))' }); // the newest first
  });

  it('is on screen at once, ahead of the "saved" confirmations that were there (they wait their turn)', async () => {
    notifications.show({ message: 'Series saved', color: 'green' });
    notifications.show({ message: 'Items lent', color: 'green' });
    await attemptWrite(() => Promise.reject(new DOMException('full', 'QuotaExceededError')), 'action');
    expect(state().notifications.map((n) => n.message)).toEqual(['write.failedAction(write.quota)', 'Series saved']);
    expect(state().queue.map((n) => n.message)).toEqual(['Items lent']);
  });
});
