import { notifications, notificationsStore } from '@mantine/notifications';
import { randomId } from '@mantine/hooks';
import { i18n } from './i18n';

/**
 * What a failed write means for the volunteer, in words: a full disk (quota), a clock that makes the database refuse
 * the write (RxDB's `_meta.lwt` check), or anything else the local database refused (its own message, short).
 */
export function writeFailureReason(error: unknown): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const text = error instanceof Error ? error.message : String(error);
  if (name === 'QuotaExceededError' || /quota/i.test(text)) return i18n.t('write.quota');
  if (/_meta\.lwt|\blwt\b/.test(text)) return i18n.t('write.clock');
  const short = text.split('\n')[0]!.slice(0, 160);
  return i18n.t('write.other', { error: short, interpolation: { escapeValue: false } });
}

/**
 * Tells the volunteer that a write failed (a notification that stays until closed). `form`: what was typed is still
 * in the form, which the caller keeps open; `action`: a one-click action (return, sign out…) that can be repeated.
 */
export function notifyWriteFailed(error: unknown, kind: 'form' | 'action' = 'form'): void {
  // a refusal the volunteer has already seen (a coordinator's PIN prompt they cancelled) is not a failed write
  if ((error as { quiet?: boolean } | null)?.quiet) return;
  const { title, message } = writeFailureMessage(error, kind);
  // First in line: the desk shows two notifications at a time, and a failure queued behind two "saved" ones would
  // be seen only when one of them closed, seconds later (they then wait their turn instead).
  const failure = { id: randomId(), color: 'red', title, message, autoClose: false, withCloseButton: true, closeButtonProps: { 'aria-label': i18n.t('write.close') } };
  notifications.updateState(notificationsStore, (shown) => [failure, ...shown]);
}

/** The title and sentence for a failed write (also logged for the coordinator's details). */
export function writeFailureMessage(error: unknown, kind: 'form' | 'action' = 'form'): { title: string; message: string } {
  console.error('write failed', error);
  const reason = writeFailureReason(error);
  return {
    title: i18n.t('write.title'),
    message: i18n.t(kind === 'form' ? 'write.failed' : 'write.failedAction', { reason, interpolation: { escapeValue: false } }),
  };
}

export type Attempt<T> = { ok: true; value: T } | { ok: false };

/**
 * Runs a write and never lets its failure pass silently: on an error the volunteer is told (notifyWriteFailed) and
 * the caller gets `{ ok: false }`, so it keeps its form open with everything typed.
 */
export async function attemptWrite<T>(write: () => Promise<T>, kind: 'form' | 'action' = 'form'): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await write() };
  } catch (error) {
    notifyWriteFailed(error, kind);
    return { ok: false };
  }
}
