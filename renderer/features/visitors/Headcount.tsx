import { useState } from 'react';
import { Button, Group, Paper, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BookingDoc } from '@shared/db';
import { attendanceOf, emptyHeadcount, HEADCOUNT_FIELDS, type HeadcountField } from '@shared/visits/headcount';
import { Panel } from '../../app/Panel';
import { useFormat } from '../../app/format';
import { useRooms } from '../settings/hooks';
import { useVisitActions } from './hooks';
import { attemptWrite } from '../../app/writeFailure';

/** The clicker for events where names are not taken: one click per person, saved on the booking. */
export function Headcount({ bookings }: { bookings: BookingDoc[] }) {
  const { t } = useTranslation('visitors');
  const fmt = useFormat();
  const { bump, startAdHocEvent } = useVisitActions();
  const { rooms } = useRooms();
  const bookable = rooms.filter((r) => r.bookable !== false);
  const [bookingId, setBookingId] = useState<string | null>(null);
  const [adHocTitle, setAdHocTitle] = useState('');
  // The divisible hall by default: an event named on the spot is most often held there.
  const [adHocRoom, setAdHocRoom] = useState<string | null>(null);
  const roomId = adHocRoom ?? (bookable.find((r) => r.sections.length > 0) ?? bookable[0])?.id ?? null;
  const booking = bookings.find((b) => b.id === bookingId);
  const counts = { ...emptyHeadcount(), ...booking?.headcount };

  const click = (field: HeadcountField, delta: number) => {
    if (booking) void attemptWrite(() => bump(booking.id, field, delta), 'action');
  };

  return (
    <Panel title={t('headcount.title')}>
      <Select
        size="lg"
        label={t('headcount.booking')}
        placeholder={bookings.length ? t('door.bookingPick') : t('door.noBookings')}
        data={bookings.map((b) => ({ value: b.id, label: `${fmt.time(b.start)}–${fmt.time(b.end)} ${b.title}` }))}
        value={bookingId}
        onChange={setBookingId}
      />
      <form
        noValidate
        aria-label={t('headcount.adHoc')}
        onSubmit={(e) => {
          e.preventDefault();
          if (!roomId) return;
          void startAdHocEvent(adHocTitle, roomId).then((id) => {
            if (!id) return;
            setBookingId(id);
            setAdHocTitle('');
          });
        }}
      >
        <Group align="flex-end">
          <TextInput label={t('headcount.adHoc')} description={t('headcount.adHocHint')} value={adHocTitle} onChange={(e) => setAdHocTitle(e.currentTarget.value)} style={{ flex: 1, minWidth: 220 }} />
          <Select label={t('headcount.room')} data={bookable.map((r) => ({ value: r.id, label: r.name }))} value={roomId} onChange={setAdHocRoom} allowDeselect={false} />
          <Button type="submit" variant="light" disabled={!adHocTitle.trim() || !roomId}>
            {t('headcount.adHocStart')}
          </Button>
        </Group>
      </form>
      {booking && (
        <>
          <Text fz={28} fw={700} aria-live="polite">
            {t('headcount.total', { count: attendanceOf(counts) })}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {HEADCOUNT_FIELDS.map((field) => (
              <Paper key={field} withBorder p="md" role="group" aria-label={t(`headcount.${field}`)}>
                <Text fz="xl" fw={600}>
                  {t(`headcount.${field}`)}
                </Text>
                <Group justify="space-between" mt="sm" wrap="nowrap">
                  <Button size="xl" h={80} miw={100} variant="default" onClick={() => click(field, -1)} aria-label={t('headcount.minus', { what: t(`headcount.${field}`) })} disabled={counts[field] === 0}>
                    −1
                  </Button>
                  <Text fz={44} fw={700} data-testid={`headcount-${field}`} aria-label={t('headcount.value', { what: t(`headcount.${field}`), count: counts[field] })}>
                    {counts[field]}
                  </Text>
                  <Button size="xl" h={80} miw={140} onClick={() => click(field, 1)} aria-label={t('headcount.plus', { what: t(`headcount.${field}`) })}>
                    +1
                  </Button>
                </Group>
              </Paper>
            ))}
          </SimpleGrid>
          <Text c="dimmed">{t('headcount.hint')}</Text>
        </>
      )}
    </Panel>
  );
}
