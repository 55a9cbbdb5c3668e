import type { TFunction } from 'i18next';
import { StaffError } from './commands';

/** A staff refusal (or any failure) in the volunteer's words. */
export function staffErrorText(t: TFunction<'staff'>, e: unknown): string {
  if (e instanceof StaffError) return t(`errors.${e.code}` as 'errors.pin.wrong', { minutes: Math.max(1, Math.ceil(e.waitMs / 60000)), defaultValue: t('errors.other', { error: e.code }) });
  return t('errors.other', { error: e instanceof Error ? e.message : String(e) });
}
