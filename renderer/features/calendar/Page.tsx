import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { Calendar, type SlotInfo, type View } from 'react-big-calendar';
import dndModule, { type EventInteractionArgs } from 'react-big-calendar/lib/addons/dragAndDrop';
import 'react-big-calendar/lib/css/react-big-calendar.css';
import 'react-big-calendar/lib/addons/dragAndDrop/styles.css';
import { Alert, Button, Group, Menu, MultiSelect, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  emptyBooking, publicEventsIcs,
  type BookingFields, type FreeSlot, type Occurrence,
} from '@shared/bookings';
import { addDays, addMinutes } from '@shared/time';
import { BOOKING_CATEGORIES, type RoomDoc } from '@shared/db';
import { getDesk } from '../../app/desk';
import { attemptWrite } from '../../app/writeFailure';
import { useFormat } from '../../app/format';
import { useCentreTimeZone } from '../settings/hooks';
import { useCentre, useRooms } from '../settings/hooks';
import { BookingForm } from './BookingForm';
import { DateField } from './DateField';
import { Toolbar } from './Toolbar';
import { DetailsPanel } from './DetailsPanel';
import { FreeSlotDialog } from './FreeSlotDialog';
import { daySheetHtml } from './daySheet';
import { fastDayjsLocalizer } from './localizer';
import { fromJsDate, jsDateToLocalDate, toJsDate, todayLocal } from './dates';
import { useBookingActions } from './hooks/useBookingActions';
import { useClashMarks, useRangeOccurrences } from './hooks/useCalendarData';
import { FUTURE_DAYS, useOccurrenceReader, useSeries } from './hooks/useCalendarData';
import { useBookingWords } from './words';
import { defaultRoom, lastUsedRoom } from './lastRoom';
import { eventTitle, roomColours, textOn } from './eventLook';
import { weekDayWidths } from './weekLayout';
import { agendaDayLabel, agendaRangeLabel, weekDayLabel, weekRangeLabel } from './formats';
import './calendar.css';

const localizer = fastDayjsLocalizer();
// The add-on is CommonJS with an `__esModule` default; bundlers differ on unwrapping it once or twice.
const withDragAndDrop: typeof dndModule =
  typeof dndModule === 'function' ? dndModule : (dndModule as unknown as { default: typeof dndModule }).default;
const DnDCalendar = withDragAndDrop<CalEvent, Column>(Calendar);
const VIEWS: View[] = ['day', 'week', 'month', 'agenda'];
const COMPONENTS = { toolbar: Toolbar };
const AGENDA_DAYS = 30;
/** The hours column left of the days. */
const GUTTER_PX = 60;

interface Column {
  id: string;
  title: string;
  roomId: string;
  section: string;
}
interface CalEvent {
  id: string;
  title: string;
  start: Date;
  end: Date;
  resourceId: string | string[];
  occurrence: Occurrence;
}

/** Day columns: a room, or one column per section of a divisible hall ("Зал · A"). */
function columnsFor(rooms: RoomDoc[], label: (room: string, section: string) => string): Column[] {
  return rooms.flatMap((r) =>
    r.sections.length ? r.sections.map((s) => ({ id: `${r.id}::${s.id}`, title: label(r.name, s.name), roomId: r.id, section: s.id })) : [{ id: r.id, title: r.name, roomId: r.id, section: '' }],
  );
}

function rangeOf(view: View, date: string): { from: string; to: string } {
  const d = dayjs(date);
  if (view === 'day') return { from: date, to: addDays(date, 1) };
  if (view === 'week') {
    const from = d.subtract((d.day() + 6) % 7, 'day').format('YYYY-MM-DD');
    return { from, to: addDays(from, 7) };
  }
  if (view === 'month') {
    const first = d.startOf('month');
    const from = first.subtract((first.day() + 6) % 7, 'day').format('YYYY-MM-DD');
    return { from, to: addDays(from, 42) };
  }
  return { from: date, to: addDays(date, AGENDA_DAYS) };
}

type Editing = { initial: BookingFields; original?: Occurrence } | null;

const hhmm = ({ start, end }: { start: Date; end: Date }) => `${dayjs(start).format('HH:mm')}–${dayjs(end).format('HH:mm')}`;
type Range = { start: Date; end: Date };
const FORMATS = {
  timeGutterFormat: 'HH:mm',
  eventTimeRangeFormat: hhmm,
  agendaTimeRangeFormat: hhmm,
  selectRangeFormat: hhmm,
  agendaTimeFormat: 'HH:mm',
  dayHeaderFormat: 'dddd, D MMMM YYYY',
  // the locale's own date formats (Intl), see formats.ts
  dayRangeHeaderFormat: (r: Range, culture?: string) => weekRangeLabel(r, culture),
  agendaHeaderFormat: (r: Range, culture?: string) => agendaRangeLabel(r, culture),
  agendaDateFormat: (d: Date, culture?: string) => agendaDayLabel(d, culture),
  dayFormat: (d: Date, culture?: string) => weekDayLabel(d, culture),
};
const movable = (e: CalEvent) => e.occurrence.status !== 'cancelled';

export default function Page() {
  const { t, i18n } = useTranslation('calendar');
  const fmt = useFormat();
  const [params, setParams] = useSearchParams();
  const view = (VIEWS.includes(params.get('view') as View) ? params.get('view') : 'day') as View;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(params.get('date') ?? '') ? params.get('date')! : todayLocal();
  const setNav = useCallback(
    (next: { view?: View; date?: string }) => setParams((p) => {
      const q = new URLSearchParams(p);
      if (next.view) q.set('view', next.view);
      if (next.date) q.set('date', next.date);
      return q;
    }, { replace: true }),
    [setParams],
  );
  const { rooms } = useRooms();
  const centre = useCentre();
  const words = useBookingWords(rooms);
  const actions = useBookingActions();
  const [roomFilter, setRoomFilter] = useState<string[]>([]);
  const [categoryFilter, setCategoryFilter] = useState<string[]>([]);
  const [showCancelled, setShowCancelled] = useState(false);
  const [selected, setSelected] = useState<Occurrence | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [slotDialog, setSlotDialog] = useState(false);
  const selectedSeries = useSeries(editing?.original?.seriesId || undefined);

  const { from, to } = rangeOf(view, date);
  const { occurrences, range } = useRangeOccurrences(from, to, showCancelled);
  // The calendar shows the view and date its loaded occurrences belong to: after a navigation it keeps the
  // previous one until the new range's bookings have arrived, then lays out the new events once.
  const [shown, setShown] = useState({ view, date });
  if (range && range.from === from && range.to === to && (shown.view !== view || shown.date !== date)) setShown({ view, date });
  const clashing = useClashMarks(occurrences);
  const shownRooms = useMemo(() => rooms.filter((r) => !roomFilter.length || roomFilter.includes(r.id)), [rooms, roomFilter]);
  // Stable props, so react-big-calendar does not lay out every event again on each render of the page.
  const shownDate = shown.date;
  const shownView = shown.view;
  const times = useMemo(
    () => ({ date: toJsDate(shownDate), min: toJsDate(`${shownDate}T07:00`), max: toJsDate(`${shownDate}T23:30`), scrollTo: toJsDate(`${shownDate}T09:00`) }),
    [shownDate],
  );
  const columns = useMemo(() => columnsFor(shownRooms, (room, section) => t('sectionColumn', { room, section })), [shownRooms, t]);
  const events = useMemo<CalEvent[]>(
    () =>
      occurrences
        .filter((o) => (!roomFilter.length || roomFilter.includes(o.roomId)) && (!categoryFilter.length || categoryFilter.includes(o.category)))
        .map((o) => {
          const roomColumns = columns.filter((c) => c.roomId === o.roomId);
          const taken = o.sections.length ? roomColumns.filter((c) => o.sections.includes(c.section)) : roomColumns;
          return {
            id: o.id,
            // the day view's columns are the rooms; the other views name the room on each event
            title: eventTitle(o, shownView === 'day' && columns.length ? '' : words.where(o.roomId, o.sections), clashing.has(o.id) ? t('syncClash.mark') : ''),
            start: toJsDate(o.start),
            end: toJsDate(o.end),
            resourceId: taken.length === 1 ? taken[0]!.id : taken.map((c) => c.id),
            occurrence: o,
          };
        }),
    [occurrences, roomFilter, categoryFilter, columns, clashing, t, shownView, words],
  );
  // Week view: each day as wide as its busiest moment's side-by-side events need (they scroll sideways).
  const weekWidths = useMemo(
    () => (shownView === 'week' ? weekDayWidths(toJsDate(rangeOf('week', shownDate).from), events) : []),
    [shownView, shownDate, events],
  );
  const colours = useMemo(() => roomColours(rooms), [rooms]);
  const eventProps = useCallback(
    (e: CalEvent) => {
      const cancelled = e.occurrence.status === 'cancelled';
      const background = cancelled ? '#868e96' : (colours.get(e.occurrence.roomId) ?? '#455a64');
      return {
        style: {
          backgroundColor: background,
          color: textOn(background),
          textDecoration: cancelled ? 'line-through' : undefined,
          borderStyle: e.occurrence.status === 'tentative' ? 'dashed' : undefined,
        },
      };
    },
    [colours],
  );

  const startBooking = useCallback(
    (start: string, end: string, column?: Column) => {
      const room = rooms.find((r) => r.id === column?.roomId) ?? defaultRoom(rooms, lastUsedRoom());
      setEditing({
        initial: emptyBooking({
          start,
          end,
          roomId: room?.id ?? '',
          sections: column?.section ? [column.section] : [],
          setupMinutes: room?.setupMinutes ?? 0,
          cleanupMinutes: room?.cleanupMinutes ?? 0,
        }),
      });
    },
    [rooms],
  );

  const onMove = useCallback(
    async ({ event, start, end, resourceId }: EventInteractionArgs<CalEvent>) => {
      const o = event.occurrence;
      const column = typeof resourceId === 'string' ? columns.find((c) => c.id === resourceId) : undefined;
      const sameRoom = !column || column.roomId === o.roomId;
      const attempt = await attemptWrite(
        () =>
          actions.move(o, {
            start: fromJsDate(new Date(start)),
            end: fromJsDate(new Date(end)),
            roomId: column?.roomId ?? o.roomId,
            sections: sameRoom && (!column || !column.section || o.sections.includes(column.section) || !o.sections.length) ? o.sections : column?.section ? [column.section] : [],
          }),
        'action',
      );
      if (!attempt.ok) return; // said in words; the booking stays where it was
      const result = attempt.value;
      if (result.ok) notifications.show({ message: t('moved'), color: 'green' });
      else
        notifications.show({
          color: 'red',
          title: t('moveRefused'),
          message: [...result.clashes.map((c) => words.clash(c)), ...(result.equipment ?? []).map((p) => words.equipment(p)), ...result.errors.map((c) => words.error(c))].join('\n'),
          autoClose: 10000,
        });
    },
    [actions, columns, t, words],
  );

  const readOccurrences = useOccurrenceReader();
  const { zone: timeZone } = useCentreTimeZone();
  /** A .ics file of the public events of the week or month around the date on screen, or of all future ones. */
  const exportIcs = async (scope: 'week' | 'month' | 'future') => {
    const d = dayjs(shownDate);
    const from =
      scope === 'week' ? d.subtract((d.day() + 6) % 7, 'day').format('YYYY-MM-DD') : scope === 'month' ? d.startOf('month').format('YYYY-MM-DD') : todayLocal();
    const to = scope === 'week' ? addDays(from, 7) : scope === 'month' ? d.startOf('month').add(1, 'month').format('YYYY-MM-DD') : addDays(from, FUTURE_DAYS);
    const ics = publicEventsIcs(await readOccurrences(from, to), {
      from,
      to: addDays(to, -1),
      calendarName: t('ics.calendarName', { centre: centre?.name || '' }),
      roomNames: Object.fromEntries(rooms.map((r) => [r.id, r.name])),
      address: centre?.address,
      categoryNames: Object.fromEntries(BOOKING_CATEGORIES.map((c) => [c, t(`categories.${c}`)])),
      timeZone,
      now: new Date(),
    });
    const suggestedName = scope === 'future' ? 'events-public.ics' : `events-${from}-${addDays(to, -1)}.ics`;
    const result = await getDesk().saveFile({ suggestedName, data: ics, filters: [{ name: 'iCalendar', extensions: ['ics'] }] });
    if (result.ok) notifications.show({ message: t('ics.saved'), color: 'green' });
  };

  const printDay = async () => {
    const day = occurrences.filter((o) => o.start.slice(0, 10) === shownDate);
    await getDesk().printHtml({ html: daySheetHtml({ t, lang: i18n.language, dateLabel: fmt.date(shownDate), occurrences: day, where: (o) => words.where(o.roomId, o.sections) }) });
  };

  const onPickSlot = (slot: FreeSlot, minutes: number) => {
    setSlotDialog(false);
    const room = rooms.find((r) => r.id === slot.roomId);
    startBooking(slot.start, addMinutes(slot.start, minutes), room ? { id: room.id, roomId: room.id, title: room.name, section: slot.sections[0] ?? '' } : undefined);
  };

  const messages = useMemo(() => {
    const m = t('rbc', { returnObjects: true }) as Record<string, string>;
    return { ...m, showMore: (count: number) => t('rbc.showMore', { count }) };
  }, [t]);

  const onView = useCallback((v: View) => setNav({ view: v }), [setNav]);
  const onNavigate = useCallback((d: Date) => setNav({ date: jsDateToLocalDate(d) }), [setNav]);
  const onSelectSlot = useCallback(
    (slot: SlotInfo) => {
      const column = columns.find((c) => c.id === slot.resourceId);
      const start = fromJsDate(slot.start);
      const end = slot.action === 'click' || shownView === 'month' ? addMinutes(start, 120) : fromJsDate(slot.end);
      startBooking(shownView === 'month' ? `${start.slice(0, 10)}T18:00` : start, shownView === 'month' ? `${start.slice(0, 10)}T20:00` : end, column);
    },
    [columns, shownView, startBooking],
  );
  const onSelectEvent = useCallback((e: CalEvent) => setSelected(e.occurrence), []);
  const onKeyPressEvent = useCallback((e: CalEvent, ev: unknown) => {
    const key = (ev as KeyboardEvent).key;
    if (key === 'Enter' || key === ' ') {
      (ev as KeyboardEvent).preventDefault();
      setSelected(e.occurrence);
    }
  }, []);
  const onDropOrResize = useCallback((args: EventInteractionArgs<CalEvent>) => void onMove(args), [onMove]);
  const culture = i18n.language === 'en' ? 'en-gb' : 'ru';
  // The day/week time grid scrolls on its own (06:00–23:00 does not fit): make it a named, focusable region so
  // the arrow keys and Page Up/Down scroll it without a mouse (react-big-calendar renders a bare div).
  const gridRef = useRef<HTMLDivElement>(null);
  // the calendar's width: a week wider than it says that its days scroll sideways
  const [gridWidth, setGridWidth] = useState(Infinity);
  useEffect(() => {
    const grid = gridRef.current;
    if (!grid) return;
    const observer = new ResizeObserver(() => setGridWidth(grid.clientWidth));
    observer.observe(grid);
    return () => observer.disconnect();
  }, []);
  const gridLabel = t('timeGrid');
  useEffect(() => {
    // The week/day headers are spans with role="columnheader" outside any row (an ARIA error screen readers
    // stumble on): plain text inside their date buttons is what they are.
    gridRef.current?.querySelectorAll('[role="columnheader"]').forEach((h) => {
      if (h.closest('[role="row"]')) return;
      h.removeAttribute('role');
      h.removeAttribute('aria-sort');
    });
    const content = gridRef.current?.querySelector<HTMLElement>('.rbc-time-content');
    if (!content) return;
    content.tabIndex = 0;
    content.setAttribute('role', 'region');
    content.setAttribute('aria-label', gridLabel);
  });
  // One element per set of props: a render of the page for anything else (a form, the details panel, a
  // navigation whose bookings are still loading) does not make react-big-calendar lay out its events again.
  const calendar = useMemo(
    () => (
      <DnDCalendar
        localizer={localizer}
        culture={culture}
        messages={messages}
        events={events}
        view={shownView}
        views={VIEWS}
        onView={onView}
        date={times.date}
        onNavigate={onNavigate}
        resources={shownView === 'day' && columns.length ? columns : undefined}
        resourceIdAccessor="id"
        resourceTitleAccessor="title"
        length={AGENDA_DAYS}
        step={30}
        timeslots={2}
        min={times.min}
        max={times.max}
        scrollToTime={times.scrollTo}
        formats={FORMATS}
        selectable
        onSelectSlot={onSelectSlot}
        onSelectEvent={onSelectEvent}
        onKeyPressEvent={onKeyPressEvent}
        draggableAccessor={movable}
        resizableAccessor={movable}
        onEventDrop={onDropOrResize}
        onEventResize={onDropOrResize}
        eventPropGetter={eventProps}
        components={COMPONENTS}
        dayLayoutAlgorithm="no-overlap"
        popup
      />
    ),
    [culture, messages, events, shownView, onView, times, onNavigate, columns, onSelectSlot, onSelectEvent, onKeyPressEvent, onDropOrResize, eventProps],
  );

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('title')}</Title>
        <Group>
          <Button onClick={() => startBooking(`${date}T18:00`, `${date}T20:00`)}>{t('newBooking')}</Button>
          <Button variant="light" onClick={() => setSlotDialog(true)}>{t('findSlot')}</Button>
          <Menu position="bottom-end">
            <Menu.Target>
              <Button variant="default">{t('exportIcs')}</Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => void exportIcs('week')}>{t('ics.week')}</Menu.Item>
              <Menu.Item onClick={() => void exportIcs('month')}>{t('ics.month')}</Menu.Item>
              <Menu.Item onClick={() => void exportIcs('future')}>{t('ics.future')}</Menu.Item>
            </Menu.Dropdown>
          </Menu>
          <Button variant="default" onClick={() => void printDay()}>{t('printDay')}</Button>
        </Group>
      </Group>
      <Group align="flex-end">
        <DateField label={t('goToDate')} value={date} onChange={(d) => d && setNav({ date: d })} />
        <MultiSelect w={260} label={t('filterRooms')} placeholder={roomFilter.length ? undefined : t('allRooms')} data={rooms.map((r) => ({ value: r.id, label: r.name }))} value={roomFilter} onChange={setRoomFilter} clearable />
        <MultiSelect w={260} label={t('filterCategories')} placeholder={categoryFilter.length ? undefined : t('allCategories')} data={BOOKING_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))} value={categoryFilter} onChange={setCategoryFilter} clearable />
        <Switch mb={8} label={t('showCancelled')} checked={showCancelled} onChange={(e) => setShowCancelled(e.currentTarget.checked)} />
      </Group>
      {rooms.length === 0 && <Alert color="blue">{t('noRooms')}</Alert>}
      {weekWidths.reduce((a, b) => a + b, GUTTER_PX) > gridWidth && <Text size="lg">{t('wideWeek')}</Text>}
      <div ref={gridRef} className={`desk-calendar desk-calendar-${shownView}`} style={{ height: shownView === 'agenda' ? 'auto' : 760, ...Object.fromEntries(weekWidths.map((w, i) => [`--day-${i}`, `${w}px`])) }}>
        {calendar}
      </div>
      {selected && (
        <DetailsPanel
          occurrence={selected}
          clash={clashing.has(selected.id)}
          rooms={rooms}
          onClose={() => setSelected(null)}
          onEdit={() => {
            const { id: _i, source: _s, updatedAt: _u, ...fields } = selected;
            setEditing({ initial: fields, original: selected });
            setSelected(null);
          }}
          onDuplicate={() => {
            const { id: _i, source: _s, updatedAt: _u, ...fields } = selected;
            setEditing({ initial: { ...fields, status: 'confirmed', cancelledBy: '', cancelReason: '', seriesId: '', occurrenceStart: '', paid: false } });
            setSelected(null);
          }}
        />
      )}
      {editing && (!editing.original?.seriesId || selectedSeries) && (
        <BookingForm key={editing.original?.id ?? 'new'} initial={editing.initial} original={editing.original} series={selectedSeries} rooms={rooms} settings={centre} onClose={() => setEditing(null)} />
      )}
      {slotDialog && <FreeSlotDialog rooms={rooms} settings={centre} onClose={() => setSlotDialog(false)} onPick={onPickSlot} />}
    </Stack>
  );
}
