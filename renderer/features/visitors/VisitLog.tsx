import { useState } from 'react';
import { Button, Group, NumberInput, Paper, Select, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { VISIT_PURPOSES, type PersonDoc, type VisitDoc, type VisitPurpose } from '@shared/db';
import type { VisitEdit } from '@shared/visits';
import { useFormat } from '../../app/format';
import { FormModal } from '../people/FormModal';
import { DateField } from '../calendar/DateField';
import { todayDate, useBookingsById, useVisitActions, useVisits } from './hooks';
import { useVisitorName } from './InBuilding';

const MAX_ROWS = 500;

/** The log: a date range and purpose filter, totals, and correcting a wrong entry (with its edit trail). */
export function VisitLog({ peopleById }: { peopleById: Map<string, PersonDoc> }) {
  const { t } = useTranslation('visitors');
  const fmt = useFormat();
  const [from, setFrom] = useState(todayDate);
  const [to, setTo] = useState(todayDate);
  const [purpose, setPurpose] = useState<string>('all');
  const [editing, setEditing] = useState<VisitDoc | null>(null);
  const rangeOk = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from <= to;
  const { visits } = useVisits(rangeOk ? from : '', rangeOk ? to : '');
  const nameOf = useVisitorName(peopleById);
  const shown = visits.filter((v) => purpose === 'all' || v.purpose === purpose);
  const people = shown.reduce((n, v) => n + 1 + v.adults + v.children, 0);
  const bookings = useBookingsById(shown.slice(0, MAX_ROWS).map((v) => v.bookingId));
  const bookingTitle = (id: string) => bookings.get(id)?.title ?? '';

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="log-title">
      <Stack>
        <Title order={3} id="log-title">
          {t('log.title')}
        </Title>
        <Group align="flex-start">
          {/* Day first in both languages, whatever the browser's locale (a native date input follows the OS). */}
          <DateField label={t('log.from')} value={from} onChange={setFrom} error={rangeOk ? undefined : t('errors.range')} w={180} />
          <DateField label={t('log.to')} value={to} onChange={setTo} w={180} />
          <Select
            label={t('log.purpose')}
            data={[{ value: 'all', label: t('log.allPurposes') }, ...VISIT_PURPOSES.map((p) => ({ value: p, label: t(`purposes.${p}`) }))]}
            value={purpose}
            onChange={(v) => setPurpose(v ?? 'all')}
            allowDeselect={false}
          />
        </Group>
        <Text fz="lg" aria-live="polite">
          {t('log.totals', { entries: shown.length, people })}
        </Text>
        <Table fz="md" striped aria-label={t('log.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('columns.in')}</Table.Th>
              <Table.Th>{t('columns.out')}</Table.Th>
              <Table.Th>{t('columns.name')}</Table.Th>
              <Table.Th>{t('columns.purpose')}</Table.Th>
              <Table.Th>{t('columns.adults')}</Table.Th>
              <Table.Th>{t('columns.children')}</Table.Th>
              <Table.Th>{t('columns.edited')}</Table.Th>
              <Table.Th>{t('columns.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.slice(0, MAX_ROWS).map((v) => {
              const last = v.edits?.[v.edits.length - 1];
              return (
                <Table.Tr key={v.id}>
                  <Table.Td>{fmt.dateTime(v.timeIn)}</Table.Td>
                  <Table.Td>{v.timeOut ? fmt.time(v.timeOut) : t('log.stillIn')}</Table.Td>
                  <Table.Td>{nameOf(v)}</Table.Td>
                  <Table.Td>
                    {t(`purposes.${v.purpose}`)} {bookingTitle(v.bookingId) && `· ${bookingTitle(v.bookingId)}`}
                  </Table.Td>
                  <Table.Td>{v.adults}</Table.Td>
                  <Table.Td>{v.children}</Table.Td>
                  <Table.Td>{last ? t('log.editedBy', { by: last.by, at: fmt.dateTime(last.at), count: v.edits.length }) : ''}</Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="light" onClick={() => setEditing(v)} aria-label={t('log.editOne', { name: nameOf(v), time: fmt.dateTime(v.timeIn) })}>
                      {t('log.edit')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        {shown.length > MAX_ROWS && <Text c="dimmed">{t('log.more', { count: shown.length - MAX_ROWS })}</Text>}
      </Stack>
      {editing && <EditVisit visit={editing} personName={nameOf(editing)} onClose={() => setEditing(null)} />}
    </Paper>
  );
}

function EditVisit({ visit, personName, onClose }: { visit: VisitDoc; personName: string; onClose: () => void }) {
  const { t } = useTranslation('visitors');
  const fmt = useFormat();
  const { edit } = useVisitActions();
  const [f, setF] = useState<Required<Pick<VisitEdit, 'name' | 'purpose' | 'timeIn' | 'timeOut' | 'notes'>> & { adults: number | string; children: number | string }>({
    name: visit.name,
    purpose: visit.purpose,
    timeIn: visit.timeIn,
    timeOut: visit.timeOut,
    notes: visit.notes,
    adults: visit.adults,
    children: visit.children,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const set = (patch: Partial<typeof f>) => setF((prev) => ({ ...prev, ...patch }));
  const num = (v: number | string) => (v === '' ? 0 : Number(v));

  const submit = async () => {
    if (busy) return;
    setBusy(true);
    setFailed(false);
    try {
      const changes: VisitEdit = { purpose: f.purpose, timeIn: f.timeIn, timeOut: f.timeOut, notes: f.notes, adults: num(f.adults), children: num(f.children) };
      if (!visit.personId && !visit.anonymised) changes.name = f.name;
      const found = await edit(visit.id, changes);
      setErrors(Object.fromEntries(found.map((e) => [e.field, t(`errors.${e.code}`)])));
      if (found.length === 0) onClose();
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormModal title={t('log.editTitle')} onClose={onClose} onSubmit={() => void submit()} busy={busy} failed={failed}>
      {visit.personId || visit.anonymised ? (
        <TextInput label={t('columns.name')} value={personName} readOnly />
      ) : (
        <TextInput label={t('columns.name')} value={f.name} onChange={(e) => set({ name: e.currentTarget.value })} error={errors.name} data-autofocus />
      )}
      <Select
        label={t('columns.purpose')}
        data={VISIT_PURPOSES.map((p) => ({ value: p, label: t(`purposes.${p}`) }))}
        value={f.purpose}
        onChange={(v) => v && set({ purpose: v as VisitPurpose })}
        allowDeselect={false}
        error={errors.purpose}
      />
      <Group grow align="flex-start">
        <TextInput type="datetime-local" label={t('columns.in')} value={f.timeIn} onChange={(e) => set({ timeIn: e.currentTarget.value })} error={errors.timeIn} />
        <TextInput type="datetime-local" label={t('columns.out')} value={f.timeOut} onChange={(e) => set({ timeOut: e.currentTarget.value })} error={errors.timeOut} />
      </Group>
      <Group grow align="flex-start">
        <NumberInput label={t('door.adults')} value={f.adults} onChange={(v) => set({ adults: v })} allowDecimal={false} error={errors.adults} />
        <NumberInput label={t('door.children')} value={f.children} onChange={(v) => set({ children: v })} allowDecimal={false} error={errors.children} />
      </Group>
      <Textarea label={t('log.notes')} autosize minRows={2} value={f.notes} onChange={(e) => set({ notes: e.currentTarget.value })} />
      {visit.edits?.length > 0 && (
        <Stack gap={2}>
          <Text fw={600}>{t('log.trail')}</Text>
          {visit.edits.map((e, i) => (
            <Text key={i} size="sm">
              {t('log.trailRow', { at: fmt.dateTime(e.at), by: e.by, what: e.what.split(', ').map((k) => t(`fields.${k}`, { defaultValue: k })).join(', ') })}
            </Text>
          ))}
        </Stack>
      )}
    </FormModal>
  );
}
