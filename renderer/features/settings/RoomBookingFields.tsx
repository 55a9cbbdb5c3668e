import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Checkbox, Fieldset, Group, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { WEEKDAYS, type RoomSection, type WeekHours } from '@shared/db';
import type { RoomFields } from './hooks';

const DEFAULT_DAY = { open: '10:00', close: '21:00' };

/** "A, B, C" → sections, keeping the ids of sections whose names did not change. */
export function parseSections(text: string, previous: readonly RoomSection[]): RoomSection[] {
  const names = [...new Set(text.split(',').map((s) => s.trim()).filter(Boolean))].slice(0, 12);
  const used = new Set<string>();
  return names.map((name) => {
    const old = previous.find((s) => s.name === name);
    let id = old?.id ?? name.replace(/\s+/g, '').slice(0, 16);
    for (let i = 2; used.has(id) && i < 50; i++) id = `${id.slice(0, 13)}${i}`;
    used.add(id);
    return { id, name: name.slice(0, 200) };
  });
}

/** The booking side of a room (issue 3): sections, setup/clean-up, capacity by layout, rate, bookable, own hours. */
export function RoomBookingFields({ form }: { form: UseFormReturnType<RoomFields> }) {
  const { t } = useTranslation('calendar');
  const v = form.values;
  const [sectionsText, setSectionsText] = useState(v.sections.map((s) => s.name).join(', '));
  const num = (key: string, value: number | string) => form.setFieldValue(key as never, (typeof value === 'number' ? value : 0) as never);
  const hours: WeekHours | null = v.openingHours;
  return (
    <Stack gap="sm">
      <TextInput
        label={t('room.sections')}
        description={t('room.sectionsHint')}
        value={sectionsText}
        onChange={(e) => {
          setSectionsText(e.currentTarget.value);
          form.setFieldValue('sections', parseSections(e.currentTarget.value, v.sections));
        }}
      />
      <SimpleGrid cols={3}>
        <NumberInput label={t('room.setup')} min={0} max={600} step={15} value={v.setupMinutes} onChange={(x) => num('setupMinutes', x)} />
        <NumberInput label={t('room.cleanup')} min={0} max={600} step={15} value={v.cleanupMinutes} onChange={(x) => num('cleanupMinutes', x)} />
        <NumberInput label={t('room.hourlyRate')} min={0} max={1000000} value={v.hourlyRate} onChange={(x) => num('hourlyRate', x)} />
        <NumberInput label={t('room.capTheatre')} min={0} max={10000} value={v.capacityByLayout.theatre} onChange={(x) => num('capacityByLayout.theatre', x)} />
        <NumberInput label={t('room.capTables')} min={0} max={10000} value={v.capacityByLayout.tables} onChange={(x) => num('capacityByLayout.tables', x)} />
        <NumberInput label={t('room.capOpen')} min={0} max={10000} value={v.capacityByLayout.open} onChange={(x) => num('capacityByLayout.open', x)} />
      </SimpleGrid>
      <Checkbox label={t('room.bookable')} checked={v.bookable} onChange={(e) => form.setFieldValue('bookable', e.currentTarget.checked)} />
      <Checkbox
        label={t('room.ownHours')}
        checked={!!hours}
        onChange={(e) => form.setFieldValue('openingHours', e.currentTarget.checked ? (Object.fromEntries(WEEKDAYS.map((d) => [d, DEFAULT_DAY])) as WeekHours) : null)}
      />
      {hours && (
        <Fieldset legend={t('room.ownHours')}>
          {WEEKDAYS.map((d) => {
            const day = hours[d];
            const setDay = (value: WeekHours[typeof d]) => form.setFieldValue('openingHours', { ...hours, [d]: value });
            return (
              <Group key={d} gap="sm" align="center" mb={4}>
                <Text w={110}>{t(`weekdaysLong.${d}`)}</Text>
                <Checkbox label={t('room.closed')} aria-label={`${t(`weekdaysLong.${d}`)}: ${t('room.closed')}`} checked={!day} onChange={(e) => setDay(e.currentTarget.checked ? null : DEFAULT_DAY)} />
                {day && (
                  <>
                    <TextInput inputMode="numeric" placeholder="21:00" w={100} aria-label={`${t(`weekdaysLong.${d}`)}: ${t('room.opens')}`} value={day.open} onChange={(e) => setDay({ ...day, open: e.currentTarget.value })} />
                    <TextInput inputMode="numeric" placeholder="21:00" w={100} aria-label={`${t(`weekdaysLong.${d}`)}: ${t('room.closes')}`} value={day.close} onChange={(e) => setDay({ ...day, close: e.currentTarget.value })} />
                  </>
                )}
              </Group>
            );
          })}
        </Fieldset>
      )}
    </Stack>
  );
}
