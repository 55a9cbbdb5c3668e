import { useEffect, useRef, useState } from 'react';
import { Group, Input } from '@mantine/core';
import { TimePicker } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import type { LocalDate, LocalDateTime } from '@shared/db';
import { DateField } from '../calendar/DateField';

interface DateProps {
  label: string;
  value: LocalDate | '';
  onChange: (value: LocalDate | '') => void;
  description?: string;
  error?: string;
}

/** A typeable day-first date (DD.MM.YYYY / DD/MM/YYYY) with a Monday-first calendar. */
export function LoanDate({ label, value, onChange, description, error }: DateProps) {
  const { t } = useTranslation('loans');
  return <DateField label={label} description={description} error={error} placeholder={t('dates.dateHint')} value={value} onChange={onChange} />;
}

interface DateTimeProps extends Omit<DateProps, 'value' | 'onChange'> {
  value: LocalDateTime | '';
  onChange: (value: LocalDateTime | '') => void;
}

const join = (date: string, time: string): LocalDateTime | '' => (date && time ? `${date}T${time}` : '');

/**
 * A date and a 24-hour time, both typeable (Mantine's DateTimePicker is a button that only opens a popover,
 * so the day is a DateInput and the time a TimePicker whose hour and minute fields take digits).
 * Reports '' until both halves are complete.
 */
export function LoanDateTime({ label, value, onChange, description, error }: DateTimeProps) {
  const { t } = useTranslation('loans');
  const [date, setDate] = useState(value.slice(0, 10));
  const [time, setTime] = useState(value.slice(11, 16));
  const parts = useRef({ date, time });
  parts.current = { date, time };
  // The parent set or cleared the value: take it over unless it is what the halves already say.
  useEffect(() => {
    if (value !== join(parts.current.date, parts.current.time)) {
      setDate(value.slice(0, 10));
      setTime(value.slice(11, 16));
    }
  }, [value]);
  const change = (d: string, tm: string) => {
    setDate(d);
    setTime(tm);
    onChange(join(d, tm));
  };
  return (
    <Input.Wrapper label={label} labelElement="div" description={description} error={error}>
      <Group gap="xs" align="flex-start" wrap="nowrap" role="group" aria-label={label}>
        <DateField
          aria-label={t('dates.dayOf', { label })}
          placeholder={t('dates.dateHint')}
          value={date}
          onChange={(d) => change(d, time)}
          error={!!error}
          style={{ flex: 1 }}
        />
        <TimePicker
          format="24h"
          w={110}
          aria-label={t('dates.timeOf', { label })}
          hoursInputLabel={t('dates.hoursOf', { label })}
          minutesInputLabel={t('dates.minutesOf', { label })}
          value={time}
          onChange={(tm) => change(date, tm.slice(0, 5))}
          error={!!error}
        />
      </Group>
    </Input.Wrapper>
  );
}
