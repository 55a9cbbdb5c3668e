import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Checkbox, Group, List, NumberInput, Radio, Select, SimpleGrid, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { Modal } from '../../app/dialogs';
import { notifications } from '@mantine/notifications';
import {
  atTime, parseRRule, quotePrice, settlePrice, templateOf, validateRepeatRule,
  type BookingFields, type EquipmentProblem, type Occurrence, type RepeatRule, type SeriesClash,
} from '@shared/bookings';
import { datePart, timePart, toMinutes } from '@shared/time';
import { BOOKING_CATEGORIES, WEEKDAYS, type RoomDoc, type SeriesDoc, type SettingsDoc, type Weekday } from '@shared/db';
import { useFormat } from '../../app/format';
import { writeFailureMessage } from '../../app/writeFailure';
import { useBookingActions, type CheckResult } from './hooks/useBookingActions';
import { useCatalogue, useDirectory } from './hooks/useCalendarData';
import { EquipmentFields } from './EquipmentFields';
import { useBookingWords } from './words';
import { rememberRoom } from './lastRoom';
import { sectionLabel } from './eventLook';
import { DateField } from './DateField';
import { FormActions } from '../../app/FormActions';

export type Scope = 'one' | 'following' | 'all';

interface Props {
  initial: BookingFields;
  /** The booking or occurrence being edited (absent for a new booking or a duplicate). */
  original?: Occurrence;
  series?: SeriesDoc | null;
  rooms: RoomDoc[];
  settings: SettingsDoc | null;
  onClose: () => void;
}

interface RepeatState extends RepeatRule {
  on: boolean;
  endKind: 'until' | 'count';
}

const LAYOUTS = ['none', 'theatre', 'tables', 'open'] as const;
/** 24-hour "HH:mm" typed by hand (the native time input shows AM/PM on some systems). */
const CLOCK = /^([01]?\d|2[0-3]):[0-5]\d$/;

/** The booking form: every field of a booking, live clash check, price before saving, weekly repeat. */
export function BookingForm({ initial, original, series, rooms, settings, onClose }: Props) {
  const { t } = useTranslation('calendar');
  const fmt = useFormat();
  const words = useBookingWords(rooms);
  const actions = useBookingActions();
  const directory = useDirectory();
  const catalogue = useCatalogue();
  const [f, setF] = useState<BookingFields>(initial);
  const [date, setDate] = useState(datePart(initial.start));
  const [startTime, setStartTime] = useState(initial.start ? timePart(initial.start) : '');
  const [endTime, setEndTime] = useState(initial.end ? timePart(initial.end) : '');
  const [scope, setScope] = useState<Scope>('one');
  const seriesRule = series ? parseRRule(series.rrule) : null;
  const [repeat, setRepeat] = useState<RepeatState>(() => ({
    on: false,
    days: seriesRule?.days ?? [],
    interval: seriesRule?.interval ?? 1,
    until: seriesRule?.until ?? '',
    count: seriesRule?.count ?? 0,
    endKind: seriesRule?.count ? 'count' : 'until',
  }));
  const [override, setOverride] = useState(!!initial.priceOverrideReason);
  const [overrideAmount, setOverrideAmount] = useState<number | string>(initial.price);
  const [overrideReason, setOverrideReason] = useState(initial.priceOverrideReason);
  const [live, setLive] = useState<CheckResult | null>(null);
  const [submitErrors, setSubmitErrors] = useState<string[]>([]);
  const [seriesClashes, setSeriesClashes] = useState<SeriesClash[]>([]);
  const [equipmentProblems, setEquipmentProblems] = useState<EquipmentProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const [writeFailure, setWriteFailure] = useState<{ title: string; message: string } | null>(null);

  const room = rooms.find((r) => r.id === f.roomId);
  const set = <K extends keyof BookingFields>(key: K, value: BookingFields[K]) => setF((old) => ({ ...old, [key]: value }));
  const start = /^\d{4}-\d{2}-\d{2}$/.test(date) && CLOCK.test(startTime) ? atTime(date, startTime) : '';
  const end = /^\d{4}-\d{2}-\d{2}$/.test(date) && CLOCK.test(endTime) ? atTime(date, endTime) : '';
  const fields: BookingFields = { ...f, start, end };
  const quote = useMemo(() => (start && end ? quotePrice(fields, room, settings ?? undefined) : null), [start, end, f.local, f.setupMinutes, f.cleanupMinutes, f.sections.join(','), room, settings]); // eslint-disable-line react-hooks/exhaustive-deps
  const seriesScope = !!original?.seriesId && scope !== 'one';
  const showRepeat = seriesScope || (!original && repeat.on);

  // Live check while typing: clashes and warnings before saving.
  useLiveCheck(
    !start || !end || !f.roomId ? null : () => actions.check({ ...fields, id: original?.id, seriesId: original?.seriesId ?? '', occurrenceStart: original?.occurrenceStart ?? '' }),
    setLive,
    null,
    [start, end, f.roomId, f.sections.join(','), f.setupMinutes, f.cleanupMinutes, f.expectedAttendance, f.layout],
  );
  // Live check of the equipment too: "not enough at that time" shows while typing, not only when saving.
  useLiveCheck(
    showRepeat || !start || !end ? null : () => actions.checkEquipment(fields, original?.source === 'booking' ? original.id : undefined),
    setEquipmentProblems,
    [],
    [start, end, JSON.stringify(f.equipment), showRepeat, f.status],
  );

  const rule: RepeatRule = { days: repeat.days, interval: repeat.interval, until: repeat.endKind === 'until' ? repeat.until : '', count: repeat.endKind === 'count' ? repeat.count : 0 };

  async function submit(e: FormEvent, skip: string[] = []) {
    e.preventDefault();
    setSubmitErrors([]);
    setEquipmentProblems([]);
    setWriteFailure(null);
    const errors: string[] = [];
    const price = quote ? settlePrice(quote, override ? { amount: Number(overrideAmount), reason: overrideReason } : null) : null;
    if (price && !price.ok) errors.push(price.code);
    if (showRepeat) errors.push(...validateRepeatRule(rule, date));
    if (!start || !end) errors.push('booking.bad-time');
    if (errors.length) return setSubmitErrors(errors);
    // A weekly club's equipment is reserved per date at the counter; a one-off booking reserves its own.
    const equipment = showRepeat ? [] : f.equipment.filter((l) => l.itemId && l.quantity > 0);
    const toSave: BookingFields = { ...fields, equipment, price: price?.ok ? price.price : 0, priceOverrideReason: price?.ok ? price.priceOverrideReason : '' };
    setBusy(true);
    try {
      const result = seriesScope
        ? await actions.editSeries(original!, scope === 'all' ? 'all' : 'following', {
            template: templateOf(toSave),
            startTime,
            durationMinutes: toMinutes(end) - toMinutes(start),
            repeat: rule,
          })
        : !original && repeat.on
          ? await actions.createSeries(toSave, rule, skip, t('form.seriesClashTitle'))
          : await actions.saveBooking(toSave, original);
      if (result.ok) {
        rememberRoom(toSave.roomId);
        notifications.show({ message: t(showRepeat ? 'form.seriesSaved' : 'form.saved'), color: 'green' });
        onClose();
        return;
      }
      setSubmitErrors(result.errors);
      setSeriesClashes(result.seriesClashes ?? []);
      setEquipmentProblems(result.equipment ?? []);
      if (result.clashes.length) setLive((old) => ({ errors: result.errors, warnings: old?.warnings ?? [], clashes: result.clashes }));
    } catch (error) {
      // said next to Save; the form stays open with everything typed (a cancelled coordinator prompt says nothing)
      if (!(error as { quiet?: boolean } | null)?.quiet) setWriteFailure(writeFailureMessage(error));
    } finally {
      setBusy(false);
    }
  }

  const organiserOptions = [
    ...directory.groups.map((g) => ({ value: `group:${g.id}`, label: g.name })),
    ...directory.people.filter((p) => !p.erased && !p.mergedInto).map((p) => ({ value: `person:${p.id}`, label: p.name })),
  ];
  const errorText = (code: string) => words.error(code);
  const fieldError = (...codes: string[]) => {
    const found = [...submitErrors, ...(live?.errors ?? [])].find((c) => codes.includes(c));
    return found && submitErrors.length ? errorText(found) : undefined;
  };

  return (
    <Modal opened onClose={onClose} size="xl" title={t(original ? 'form.titleEdit' : 'form.titleNew')} closeButtonProps={{ 'aria-label': t('form.cancel') }}>
      <form noValidate onSubmit={(e) => void submit(e)} aria-label={t(original ? 'form.titleEdit' : 'form.titleNew')}>
        <Stack gap="sm">
          {original?.seriesId && (
            <Radio.Group label={t('form.scope')} value={scope} onChange={(v) => setScope(v as Scope)}>
              <Group mt={4}>
                {(['one', 'following', 'all'] as const).map((s) => (
                  <Radio key={s} value={s} label={t(`scope.${s}`)} />
                ))}
              </Group>
            </Radio.Group>
          )}
          <TextInput data-autofocus required label={t('form.what')} value={f.title} onChange={(e) => set('title', e.currentTarget.value)} error={fieldError('booking.no-title')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              required
              label={t('form.room')}
              data={rooms.filter((r) => r.bookable !== false).map((r) => ({ value: r.id, label: r.name }))}
              value={f.roomId || null}
              allowDeselect={false}
              onChange={(v) => {
                const r = rooms.find((x) => x.id === v);
                setF((old) => ({ ...old, roomId: v ?? '', sections: [], setupMinutes: r?.setupMinutes ?? 0, cleanupMinutes: r?.cleanupMinutes ?? 0 }));
              }}
              error={fieldError('booking.no-room', 'booking.not-bookable')}
            />
            <Select label={t('form.category')} data={BOOKING_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))} value={f.category} allowDeselect={false} onChange={(v) => v && set('category', v as BookingFields['category'])} />
          </SimpleGrid>
          {room && room.sections.length > 0 && (
            <Checkbox.Group label={t('form.sections')} value={f.sections} onChange={(v) => set('sections', room.sections.map((s) => s.id).filter((id) => v.includes(id)))} error={fieldError('booking.unknown-section')}>
              <Group mt={4}>
                {room.sections.map((s) => (
                  <Checkbox key={s.id} value={s.id} label={sectionLabel(t('form.section', { name: s.name }), s.name)} />
                ))}
              </Group>
            </Checkbox.Group>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <DateField required label={t('form.date')} value={date} onChange={setDate} error={fieldError('booking.bad-time')} disabled={seriesScope} />
            <TextInput required inputMode="numeric" placeholder={t('form.timeHint')} label={t('form.start')} value={startTime} onChange={(e) => setStartTime(e.currentTarget.value)} error={fieldError('booking.bad-time')} />
            <TextInput required inputMode="numeric" placeholder={t('form.timeHint')} label={t('form.end')} value={endTime} onChange={(e) => setEndTime(e.currentTarget.value)} error={fieldError('booking.end-before-start')} />
            <NumberInput label={t('form.setup')} min={0} max={600} step={15} value={f.setupMinutes} onChange={(v) => set('setupMinutes', Number(v) || 0)} />
            <NumberInput label={t('form.cleanup')} min={0} max={600} step={15} value={f.cleanupMinutes} onChange={(v) => set('cleanupMinutes', Number(v) || 0)} />
            <NumberInput label={t('form.attendance')} min={0} max={100000} value={f.expectedAttendance} onChange={(v) => set('expectedAttendance', Number(v) || 0)} />
          </SimpleGrid>

          {!original && (
            <Switch label={t('form.repeat')} checked={repeat.on} onChange={(e) => setRepeat({ ...repeat, on: e.currentTarget.checked, days: repeat.days.length ? repeat.days : date ? [WEEKDAYS[(new Date(`${date}T12:00`).getDay() + 6) % 7]!] : [] })} />
          )}
          {showRepeat && (
            <Stack gap="xs" p="sm" style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 8 }}>
              <Checkbox.Group label={t('form.repeatDays')} value={repeat.days} onChange={(v) => setRepeat({ ...repeat, days: WEEKDAYS.filter((d) => v.includes(d)) as Weekday[] })} error={submitErrors.includes('series.no-days') ? errorText('series.no-days') : undefined}>
                <Group mt={4}>
                  {WEEKDAYS.map((d) => (
                    <Checkbox key={d} value={d} label={t(`weekdays.${d}`)} aria-label={t(`weekdaysLong.${d}`)} />
                  ))}
                </Group>
              </Checkbox.Group>
              <Group align="flex-end">
                <NumberInput w={160} label={t('form.interval')} min={1} max={52} value={repeat.interval} onChange={(v) => setRepeat({ ...repeat, interval: Number(v) || 1 })} error={submitErrors.includes('series.bad-interval') ? errorText('series.bad-interval') : undefined} />
                <Radio.Group label={t('form.repeatEnd')} value={repeat.endKind} onChange={(v) => setRepeat({ ...repeat, endKind: v as 'until' | 'count' })}>
                  <Group mt={4}>
                    <Radio value="until" label={t('form.until')} />
                    <Radio value="count" label={t('form.count')} />
                  </Group>
                </Radio.Group>
                {repeat.endKind === 'until' ? (
                  <DateField clearable label={t('form.untilDate')} value={repeat.until} onChange={(until) => setRepeat({ ...repeat, until })} error={['series.no-end', 'series.until-before-start'].find((c) => submitErrors.includes(c)) ? errorText(['series.no-end', 'series.until-before-start'].find((c) => submitErrors.includes(c))!) : undefined} />
                ) : (
                  <NumberInput w={160} label={t('form.countValue')} min={1} max={1000} value={repeat.count || ''} onChange={(v) => setRepeat({ ...repeat, count: Number(v) || 0 })} error={['series.no-end', 'series.bad-count'].find((c) => submitErrors.includes(c)) ? errorText(['series.no-end', 'series.bad-count'].find((c) => submitErrors.includes(c))!) : undefined} />
                )}
              </Group>
            </Stack>
          )}

          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              clearable
              searchable
              label={t('form.organiserFromDirectory')}
              data={organiserOptions}
              value={f.organiser.kind === 'free' || !f.organiser.refId ? null : `${f.organiser.kind}:${f.organiser.refId}`}
              onChange={(v) => {
                if (!v) return set('organiser', { ...f.organiser, kind: 'free', refId: '' });
                const [kind, id] = v.split(':') as ['person' | 'group', string];
                const g = directory.groups.find((x) => x.id === id);
                const p = directory.people.find((x) => x.id === id);
                setF((old) => ({
                  ...old,
                  organiser: { kind, refId: id, name: g?.name ?? p?.name ?? '', phone: g?.contactPhone ?? p?.phone ?? '' },
                  local: kind === 'group' ? (g?.local ?? old.local) : (p?.resident ?? old.local),
                }));
              }}
            />
            <Select label={t('form.status')} data={(['confirmed', 'tentative'] as const).map((s) => ({ value: s, label: t(`statuses.${s}`) }))} value={f.status === 'cancelled' ? 'confirmed' : f.status} allowDeselect={false} onChange={(v) => v && set('status', v as BookingFields['status'])} />
            <TextInput label={t('form.organiserName')} value={f.organiser.name} onChange={(e) => set('organiser', { ...f.organiser, name: e.currentTarget.value })} />
            <TextInput type="tel" label={t('form.organiserPhone')} value={f.organiser.phone} onChange={(e) => set('organiser', { ...f.organiser, phone: e.currentTarget.value })} />
          </SimpleGrid>
          <Radio.Group label={t('form.payer')} value={f.local ? 'local' : 'outside'} onChange={(v) => set('local', v === 'local')}>
            <Group mt={4}>
              <Radio value="local" label={t('form.local')} />
              <Radio value="outside" label={t('form.outside')} />
            </Group>
          </Radio.Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select label={t('form.layout')} data={LAYOUTS.map((l) => ({ value: l, label: t(`layouts.${l}`) }))} value={f.layout || 'none'} allowDeselect={false} onChange={(v) => set('layout', !v || v === 'none' ? '' : v)} />
            <Checkbox mt="xl" label={t('form.public')} checked={f.public} onChange={(e) => set('public', e.currentTarget.checked)} />
          </SimpleGrid>
          {f.public && <Textarea label={t('form.publicDescription')} autosize minRows={2} value={f.publicDescription} onChange={(e) => set('publicDescription', e.currentTarget.value)} />}
          <Textarea label={t('form.notes')} autosize minRows={2} value={f.notes} onChange={(e) => set('notes', e.currentTarget.value)} />
          {!showRepeat && <EquipmentFields lines={f.equipment} items={catalogue} onChange={(lines) => set('equipment', lines)} />}
          {equipmentProblems.length > 0 && (
            <Alert color="red" title={t('equipment.refusedTitle')} role="alert">
              <List>
                {equipmentProblems.map((p, i) => (
                  <List.Item key={i}>{words.equipment(p)}</List.Item>
                ))}
              </List>
            </Alert>
          )}

          <Group align="flex-end" gap="lg">
            <div>
              <Text size="sm" fw={600}>{t('form.price')}</Text>
              <Text aria-live="polite" data-testid="price">
                {!quote
                  ? '—'
                  : quote.free
                    ? t('form.priceFree')
                    : quote.share
                      ? t('form.priceSections', { hours: fmt.number(quote.hours), rate: fmt.money(quote.hourly), sections: quote.share.sections, of: quote.share.of, amount: fmt.money(quote.amount) })
                      : t('form.priceComputed', { hours: fmt.number(quote.hours), rate: fmt.money(quote.rate), amount: fmt.money(quote.amount) })}
              </Text>
            </div>
            <Checkbox label={t('form.overridePrice')} checked={override} onChange={(e) => setOverride(e.currentTarget.checked)} />
            <Checkbox label={t('form.paid')} checked={f.paid} onChange={(e) => set('paid', e.currentTarget.checked)} />
          </Group>
          {quote?.noRate && !override && (
            <Alert color="yellow" role="alert" p="xs">
              {t('form.noRate', { room: room?.name ?? '' })}
            </Alert>
          )}
          {override && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NumberInput label={t('form.priceOverride')} min={0} value={overrideAmount} onChange={setOverrideAmount} error={submitErrors.includes('price.invalid') ? errorText('price.invalid') : undefined} />
              <TextInput label={t('form.priceReason')} value={overrideReason} onChange={(e) => setOverrideReason(e.currentTarget.value)} error={submitErrors.includes('price.override-needs-reason') ? errorText('price.override-needs-reason') : undefined} />
            </SimpleGrid>
          )}

          {live && live.clashes.length > 0 && (
            <Alert color="red" title={t('form.clashTitle')} role="alert">
              <List>
                {live.clashes.map((c) => (
                  <List.Item key={c.other.id}>{words.clash(c)}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          {seriesClashes.length > 0 && (
            <Alert color="red" title={t('form.seriesClashTitle')} role="alert">
              <List>
                {seriesClashes.map((sc) => (
                  <List.Item key={sc.occurrenceStart}>
                    {t('seriesClash', { date: fmt.date(sc.occurrenceStart), clashes: sc.clashes.map((c) => words.clash(c)).join('; ') })}
                  </List.Item>
                ))}
              </List>
              {!original && (
                <Button mt="sm" color="red" variant="light" loading={busy} onClick={(e) => void submit(e as unknown as FormEvent, seriesClashes.map((c) => c.occurrenceStart))}>
                  {t('form.saveSkipping', { count: seriesClashes.length })}
                </Button>
              )}
            </Alert>
          )}
          {live && live.warnings.length > 0 && (
            <Alert color="yellow" title={t('form.warnings')}>
              <List>
                {live.warnings.map((w, i) => (
                  <List.Item key={i}>{words.warning(w)}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          {live && !live.clashes.length && !live.errors.length && !writeFailure && (
            <Text c="green.9" aria-live="polite">
              {t('form.free')}
            </Text>
          )}
          {submitErrors.filter((c) => c.startsWith('booking.')).length > 0 && (
            <Alert color="red" role="alert">
              {submitErrors.map((c) => errorText(c)).join(' ')}
            </Alert>
          )}
          {writeFailure && (
            <Alert color="red" role="alert" title={writeFailure.title}>
              {writeFailure.message}
            </Alert>
          )}
          <FormActions onCancel={onClose} cancelLabel={t('form.cancel')} submitLabel={t('form.save')} busy={busy} />
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * A check run 200 ms after its inputs (`deps`) settle; its answer goes to `apply` unless the inputs changed
 * meanwhile. No check (incomplete inputs): `apply(idle)` at once.
 */
function useLiveCheck<T>(check: (() => Promise<T>) | null, apply: (result: T) => void, idle: T, deps: unknown[]): void {
  useEffect(() => {
    if (!check) {
      apply(idle);
      return;
    }
    let alive = true;
    const timer = setTimeout(() => void check().then((r) => alive && apply(r)), 200);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, deps); // eslint-disable-line react-hooks/exhaustive-deps
}
