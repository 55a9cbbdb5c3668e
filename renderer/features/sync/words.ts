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
