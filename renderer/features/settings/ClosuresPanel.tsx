import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { Closure } from '@shared/db';
import dayjs from 'dayjs';
import { DateField } from '../calendar/DateField';
import { dateFormatFor } from '../calendar/dates';
import { useCentre, useSaveCentre } from './hooks';
import { attemptWrite } from '../../app/writeFailure';

/**
 * Centre closures (holidays, repairs): bookings on these dates get a warning. Saved on each change;
 * on a fresh profile the first closure creates the centre's settings with their defaults.
 */
export function ClosuresPanel() {
  const { t, i18n } = useTranslation('calendar');
  const show = (date: string) => dayjs(date).format(dateFormatFor(i18n.language));
  const centre = useCentre();
  const save = useSaveCentre();
  const closures = centre?.closures ?? [];
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const add = async () => {
    const end = to || from;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || end < from) return setError(t('closures.badDates'));
    setError('');
    const next: Closure[] = [...closures, { from, to: end, reason: reason.trim() }].sort((a, b) => a.from.localeCompare(b.from));
    if (!(await attemptWrite(() => save({ closures: next }))).ok) return; // said in words; the dates stay typed
    setFrom('');
    setTo('');
    setReason('');
  };
  return (
    <Paper withBorder p="md" mt="lg" maw={900} component="section" aria-labelledby="closures-title">
      <Stack>
        <Title order={3} id="closures-title">
          {t('closures.title')}
        </Title>
        {closures.length === 0 ? (
          <Text>{t('closures.none')}</Text>
        ) : (
          <Table>
            <Table.Tbody>
              {closures.map((c, i) => (
                <Table.Tr key={`${c.from}-${c.to}-${i}`}>
                  <Table.Td>{c.from === c.to ? show(c.from) : `${show(c.from)} – ${show(c.to)}`}</Table.Td>
                  <Table.Td>{c.reason}</Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="default" aria-label={t('closures.removeOne', { date: c.from })} onClick={() => void attemptWrite(() => save({ closures: closures.filter((_, j) => j !== i) }), 'action')}>
                      {t('closures.remove')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Group align="flex-end">
          <DateField label={t('closures.from')} value={from} onChange={setFrom} error={error || undefined} />
          <DateField clearable label={t('closures.to')} value={to} onChange={setTo} />
          <TextInput label={t('closures.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          <Button onClick={() => void add()}>
            {t('closures.add')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
