import { useTranslation } from 'react-i18next';
import { DateInput, type DateInputProps } from '@mantine/dates';
import type { LocalDate } from '@shared/db';
import { dateFormatFor, parseTypedDate } from './dates';

type Props = Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser'> & {
  /** "YYYY-MM-DD" or '' for none. */
  value: LocalDate | '';
  onChange: (value: LocalDate | '') => void;
};

/**
 * A date field that can be typed into or picked from a Monday-first calendar, shown day first
 * (DD.MM.YYYY in Russian, DD/MM/YYYY in English) whatever the operating system's locale says.
 */
export function DateField({ value, onChange, ...rest }: Props) {
  const { t, i18n } = useTranslation('calendar');
  const format = dateFormatFor(i18n.language);
  return (
    <DateInput
      placeholder={t('form.dateHint')}
      {...rest}
      valueFormat={format}
      dateParser={parseTypedDate}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
    />
  );
}
