import { useState } from 'react';
import { Button, Group, NumberInput, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { VISIT_PURPOSES, type PersonDoc, type VisitDoc, type VisitPurpose } from '@shared/db';
import type { VisitEdit } from '@shared/visits';
import { Panel } from '../../app/Panel';
import { VirtualTable } from '../../app/VirtualTable';
import { useFormat } from '../../app/format';
import { FormModal } from '../people/FormModal';
import { DateField } from '../calendar/DateField';
import { todayDate, useBookingsById, useVisitActions, useVisits } from './hooks';
import { useVisitorName } from './InBuilding';

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
  const bookings = useBookingsById(shown.map((v) => v.bookingId));
  const bookingTitle = (id: string) => bookings.get(id)?.title ?? '';
  const companions = (v: VisitDoc) =>
    [v.adults > 0 ? t('log.adults', { n: v.adults }) : '', v.children > 0 ? t('log.children', { n: v.children }) : ''].filter(Boolean).join(', ');

  return (
    <Panel title={t('log.title')}>
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
      {/* Every entry of the range, rendered as it scrolls into view (a month of a busy centre is ~5,000 entries). */}
      <VirtualTable
        rows={shown}
        label={t('log.title')}
        head={['in', 'out', 'name', 'purpose', 'companions', 'edited', 'actions'].map((c) => t(`columns.${c}`))}
        rowKey={(v) => v.id}
        estimate={52}
        striped
        minWidth={680}
        renderCells={(v) => {
          const last = v.edits?.[v.edits.length - 1];
          return (
            <>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.dateTime(v.timeIn)}</Table.Td>
              <Table.Td>{v.timeOut ? fmt.time(v.timeOut) : t('log.stillIn')}</Table.Td>
              <Table.Td>{nameOf(v)}</Table.Td>
              <Table.Td>
                {t(`purposes.${v.purpose}`)} {bookingTitle(v.bookingId) && `· ${bookingTitle(v.bookingId)}`}
              </Table.Td>
              <Table.Td>{companions(v) || '—'}</Table.Td>
              {/* When (and how often) it was corrected; who did it is in the trail inside the correction dialog. */}
              <Table.Td>{last ? t(v.edits.length > 1 ? 'log.editedMany' : 'log.editedAt', { at: fmt.dateTime(last.at), count: v.edits.length }) : ''}</Table.Td>
              <Table.Td>
                <Button size="xs" variant="light" onClick={() => setEditing(v)} aria-label={t('log.editOne', { name: nameOf(v), time: fmt.dateTime(v.timeIn) })}>
                  {t('log.edit')}
                </Button>
              </Table.Td>
            </>
          );
        }}
      />
      {editing && <EditVisit visit={editing} personName={nameOf(editing)} onClose={() => setEditing(null)} />}
    </Panel>
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
      <DateTimeField dateLabel={t('log.inDate')} timeLabel={t('log.inTime')} value={f.timeIn} onChange={(v) => set({ timeIn: v })} error={errors.timeIn} />
      <DateTimeField dateLabel={t('log.outDate')} timeLabel={t('log.outTime')} value={f.timeOut} onChange={(v) => set({ timeOut: v })} error={errors.timeOut} />
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

/** "HH:mm" from what was typed ("9:05" → "09:05"); anything else is passed on for validation to refuse. */
function normaliseTime(typed: string): string {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(typed.trim());
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : typed.trim();
}

/**
 * A local date-time as a day-first date and a typed 24-hour time, the same in every language and whatever
 * the browser's locale (a native datetime-local input shows "11/22/2026, 04:50 AM" in an English browser).
 * Emits "YYYY-MM-DDTHH:mm", '' when both are empty, or an invalid value for the validation to name.
 */
function DateTimeField({ dateLabel, timeLabel, value, onChange, error }: { dateLabel: string; timeLabel: string; value: string; onChange: (v: string) => void; error?: string | undefined }) {
  const { t } = useTranslation('visitors');
  const [date, setDate] = useState(value.slice(0, 10));
  const [time, setTime] = useState(value.slice(11, 16));
  const emit = (d: string, typed: string) => {
    const hhmm = normaliseTime(typed);
    onChange(!d && !hhmm ? '' : `${d}T${hhmm}`);
  };
  return (
    <Group grow align="flex-start">
      <DateField
        label={dateLabel}
        value={date}
        onChange={(d) => {
          setDate(d);
          emit(d, time);
        }}
        error={Boolean(error)}
      />
      <TextInput
        label={timeLabel}
        inputMode="numeric"
        placeholder={t('log.timeHint')}
        value={time}
        onChange={(e) => {
          setTime(e.currentTarget.value);
          emit(date, e.currentTarget.value);
        }}
        error={error}
      />
    </Group>
  );
}
