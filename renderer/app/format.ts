import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';

/** Locale-aware formatting: dates per locale, 24-hour times, numbers and money. The same object until the language changes. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'ru-RU';
  return useMemo(() => formatters(locale), [locale]);
}

function formatters(locale: string) {
  const number = new Intl.NumberFormat(locale);
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'RUB', maximumFractionDigits: 0 });
  return {
    locale,
    date: (d: string | Date) => dayjs(d).format('D MMMM YYYY'),
    shortDate: (d: string | Date) => dayjs(d).format('dd D MMM'),
    time: (d: string | Date) => dayjs(d).format('HH:mm'),
    dateTime: (d: string | Date) => dayjs(d).format('D MMM YYYY, HH:mm'),
    number: (n: number) => number.format(n),
    money: (n: number) => money.format(n),
  };
}
