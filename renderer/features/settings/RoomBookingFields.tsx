import { useTranslation } from 'react-i18next';
import { Button, Checkbox, Fieldset, Group, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { MAX_SECTIONS, nextSection } from '@shared/bookings';
import { WEEKDAYS, type WeekHours } from '@shared/db';
import type { RoomFields } from './hooks';

const DEFAULT_DAY = { open: '10:00', close: '21:00' };

/** The booking side of a room (issue 3): sections, setup/clean-up, capacity by layout, rate, bookable, own hours. */
export function RoomBookingFields({ form }: { form: UseFormReturnType<RoomFields> }) {
  const { t } = useTranslation('calendar');
  const v = form.values;
  const num = (key: string, value: number | string) => form.setFieldValue(key as never, (typeof value === 'number' ? value : 0) as never);
  const hours: WeekHours | null = v.openingHours;
  return (
    <Stack gap="sm">
      <SectionsEditor form={form} />
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

/**
 * The sections of a divisible hall, one row each: a short key (what bookings refer to) and a label.
 * Keys of sections already saved stay fixed, so existing bookings keep pointing at the right part.
 */
function SectionsEditor({ form }: { form: UseFormReturnType<RoomFields> }) {
  const { t } = useTranslation('calendar');
  const sections = form.values.sections;
  const saved = new Set(form.getInitialValues().sections.map((s) => s.id));
  return (
    <Fieldset legend={t('room.sections')}>
      <Text size="sm" mb="xs">
        {t('room.sectionsHint')}
      </Text>
      <Stack gap="xs">
        {sections.map((s, i) => {
          const n = i + 1;
          const fixed = saved.has(s.id);
          return (
            <Group key={i} align="flex-start" gap="sm" wrap="nowrap">
              <TextInput
                w={170}
                label={t('room.sectionId', { n })}
                readOnly={fixed}
                description={fixed ? t('room.sectionIdFixed') : undefined}
                {...form.getInputProps(`sections.${i}.id`)}
              />
              <TextInput style={{ flex: 1 }} label={t('room.sectionName', { n })} {...form.getInputProps(`sections.${i}.name`)} />
              <Button mt={28} variant="default" aria-label={t('room.sectionRemoveNamed', { n, name: s.name || s.id })} onClick={() => form.removeListItem('sections', i)}>
                {t('room.sectionRemove')}
              </Button>
            </Group>
          );
        })}
        <Group>
          <Button variant="light" disabled={sections.length >= MAX_SECTIONS} onClick={() => form.insertListItem('sections', nextSection(sections))}>
            {t('room.sectionAdd')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
