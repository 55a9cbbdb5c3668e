import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** "5 minutes ago" in the interface language. */
export function useRelativeTime(): (iso: string, now?: number) => string {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'ru-RU';
  return useCallback(
    (iso: string, now = Date.now()) => {
      const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
      const seconds = Math.round((Date.parse(iso) - now) / 1000);
      const abs = Math.abs(seconds);
      if (abs < 45) return rtf.format(0, 'second');
      if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
      if (abs < 86400) return rtf.format(Math.round(seconds / 3600), 'hour');
      return rtf.format(Math.round(seconds / 86400), 'day');
    },
    [locale],
  );
}

/** A document as a volunteer knows it: the room's or person's name, a booking's title and date… ('' when unknown). */
export function docLabel(collection: string, json: string): string {
  let d: Record<string, unknown>;
  try {
    d = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return '';
  }
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const day = (v: unknown) => str(v).slice(0, 16).replace('T', ' ');
  const borrower = (d.borrower ?? {}) as Record<string, unknown>;
  switch (collection) {
    case 'bookings':
      return [str(d.title), day(d.start)].filter(Boolean).join(', ');
    case 'series':
      return str(d.title);
    case 'loans':
      return [str(borrower.name), day(d.outAt)].filter(Boolean).join(', ');
    case 'visits':
      return day(d.timeIn);
    default:
      return str(d.name) || str(d.title);
  }
}

/** The server's or the desk's check result ("schema: name: maxLength; phone: type") in the volunteer's words. */
export function useReasonWords(): (reason: string) => string {
  const { t } = useTranslation('sync');
  return useCallback(
    (reason: string) => {
      const text = reason.replace(/^invalid: /, '').replace(/^schema: /, '');
      const parts = text
        .split(';')
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p) => {
          const m = /^(.*): (required|type|enum|maxLength|minimum|maximum|maxItems|unknown)$/.exec(p);
          if (!m) return null;
          const path = m[1]!;
          const top = path.split(/[.[]/)[0] ?? path;
          const field = t(`fieldNames.${top}`, { defaultValue: path });
          return t(`rules.${m[2]}`, { field });
        });
      if (parts.length === 0 || parts.some((p) => p === null)) return t('rules.other', { reason: reason.replace(/^invalid: /, '') });
      return parts.join('; ');
    },
    [t],
  );
}
