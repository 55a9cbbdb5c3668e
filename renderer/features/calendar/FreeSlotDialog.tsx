import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Group, List, NumberInput, Select, Stack, Text } from '@mantine/core';
import { Modal } from '../../app/dialogs';
import { findFreeSlots, type FreeSlot } from '@shared/bookings';
import { addDays } from '@shared/time';
import type { RoomDoc, SettingsDoc } from '@shared/db';
import { useFormat } from '../../app/format';
import { useSlotSearch } from './hooks/useSlotSearch';
import { todayLocal } from './dates';
import { DateField } from './DateField';

interface Props {
  rooms: RoomDoc[];
  settings: SettingsDoc | null;
  onClose: () => void;
  onPick: (slot: FreeSlot, durationMinutes: number) => void;
}

/** "Find a free slot": a room (or any), a duration and a day range → free windows to book from. */
export function FreeSlotDialog({ rooms, settings, onClose, onPick }: Props) {
  const { t } = useTranslation('calendar');
  const fmt = useFormat();
  const load = useSlotSearch();
  const [roomId, setRoomId] = useState<string>('any');
  const [duration, setDuration] = useState<number | string>(120);
  const [from, setFrom] = useState(todayLocal());
  const [to, setTo] = useState(addDays(todayLocal(), 6));
  const [slots, setSlots] = useState<FreeSlot[] | null>(null);
  const roomName = (id: string) => rooms.find((r) => r.id === id)?.name ?? id;
  return (
    <Modal opened onClose={onClose} size="lg" title={t('slots.title')} closeButtonProps={{ 'aria-label': t('form.cancel') }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void load(from, to).then((booked) =>
            setSlots(findFreeSlots({ roomId, durationMinutes: Number(duration) || 60, from, to, limit: 50 }, rooms, booked, settings ?? undefined)),
          );
        }}
      >
        <Stack>
          <Select label={t('slots.room')} data={[{ value: 'any', label: t('slots.anyRoom') }, ...rooms.filter((r) => r.bookable !== false).map((r) => ({ value: r.id, label: r.name }))]} value={roomId} allowDeselect={false} onChange={(v) => setRoomId(v ?? 'any')} />
          <Group grow>
            <NumberInput label={t('slots.duration')} min={15} max={1440} step={15} value={duration} onChange={setDuration} />
            <DateField label={t('slots.from')} value={from} onChange={setFrom} />
            <DateField label={t('slots.to')} value={to} onChange={setTo} />
          </Group>
          <Group justify="flex-end">
            <Button type="submit">{t('slots.search')}</Button>
          </Group>
        </Stack>
      </form>
      {slots && (
        <section aria-label={t('slots.results')}>
          {slots.length === 0 ? (
            <Text mt="md">{t('slots.none')}</Text>
          ) : (
            <List mt="md" spacing="xs" listStyleType="none">
              {slots.map((s) => (
                <List.Item key={`${s.roomId}-${s.start}`}>
                  <Group justify="space-between">
                    <Text>{t('slots.result', { room: roomName(s.roomId), date: fmt.shortDate(s.start), from: s.start.slice(11), to: s.end.slice(11) })}</Text>
                    <Button size="xs" variant="light" onClick={() => onPick(s, Number(duration) || 60)} aria-label={`${t('slots.book')}: ${t('slots.result', { room: roomName(s.roomId), date: fmt.shortDate(s.start), from: s.start.slice(11), to: s.end.slice(11) })}`}>
                      {t('slots.book')}
                    </Button>
                  </Group>
                </List.Item>
              ))}
            </List>
          )}
        </section>
      )}
    </Modal>
  );
}
