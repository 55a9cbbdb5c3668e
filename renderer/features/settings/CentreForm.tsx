import { useEffect, useRef } from 'react';
import { Button, Checkbox, Group, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { TimePicker } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { WEEKDAYS, type WeekHours } from '@shared/db';
import { defaultCentre, validateCentre, validateDayHours } from '@shared/centre/validate';
import { useCentre, useSaveCentre } from './hooks';
import { attemptWrite } from '../../app/writeFailure';

interface CentreValues {
  name: string;
  address: string;
  phone: string;
  email: string;
  website: string;
  posterUrl: string;
  retentionDays: number;
  openingHours: WeekHours;
}

function toValues(src: Partial<CentreValues>): CentreValues {
  const d = defaultCentre();
  return {
    name: src.name ?? d.name,
    address: src.address ?? d.address,
    phone: src.phone ?? d.phone,
    email: src.email ?? d.email,
    website: src.website ?? d.website,
    posterUrl: src.posterUrl ?? d.posterUrl,
    retentionDays: src.retentionDays ?? d.retentionDays,
    openingHours: src.openingHours ?? d.openingHours,
  };
}

/** Settings → Centre: name, contacts, opening hours, data retention. */
export function CentreForm() {
  const { t } = useTranslation('settings');
  const centre = useCentre();
  const save = useSaveCentre();
  const loadedId = useRef<string | null>(null);
  const form = useForm<CentreValues>({
    mode: 'controlled',
    initialValues: toValues({}),
    validate: (values) => {
      const errors = validateCentre(values);
      const out: Record<string, string> = {};
      for (const [field, code] of Object.entries(errors)) {
        if (field === 'hours') continue;
        out[field] = t(`validation.${code as string}`);
      }
      for (const [day, code] of Object.entries(errors.hours ?? {})) out[`openingHours.${day}`] = t(`validation.${code}`);
      if (values.retentionDays < 0 || !Number.isInteger(values.retentionDays)) out.retentionDays = t('validation.wholeNumber');
      return out;
    },
  });

  // Load the stored centre once it arrives (keep what the user is typing afterwards).
  useEffect(() => {
    if (centre && loadedId.current !== centre.updatedAt && !form.isDirty()) {
      loadedId.current = centre.updatedAt;
      form.setValues(toValues(centre));
      form.resetDirty(toValues(centre));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [centre]);

  const submit = form.onSubmit(async (values) => {
    const attempt = await attemptWrite(() => save({ ...values, name: values.name.trim() }));
    if (!attempt.ok) return; // said in words; the form keeps what was typed (and stays "dirty")
    form.resetDirty(values);
    notifications.show({ color: 'green', message: t('centre.saved') });
  });

  return (
    <form onSubmit={submit} noValidate aria-label={t('centre.title')}>
      <Stack maw={900}>
        {!centre && (
          <Text size="lg" role="note">
            {t('centre.welcome')}
          </Text>
        )}
        <Paper withBorder p="md">
          <Stack>
            <TextInput required label={t('centre.name')} {...form.getInputProps('name')} />
            <TextInput label={t('centre.address')} {...form.getInputProps('address')} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('centre.phone')} type="tel" {...form.getInputProps('phone')} />
              <TextInput label={t('centre.email')} type="email" {...form.getInputProps('email')} />
              <TextInput label={t('centre.website')} {...form.getInputProps('website')} />
              <TextInput label={t('centre.posterUrl')} description={t('centre.posterUrlHint')} {...form.getInputProps('posterUrl')} />
            </SimpleGrid>
            <NumberInput
              label={t('centre.retentionDays')}
              description={t('centre.retentionHint')}
              min={0}
              max={3650}
              allowDecimal={false}
              w={320}
              {...form.getInputProps('retentionDays')}
            />
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Title order={3} size="h4" mb="sm" id="hours-title">
            {t('centre.openingHours')}
          </Title>
          <Stack gap="xs" role="group" aria-labelledby="hours-title">
            {WEEKDAYS.map((day) => {
              const hours = form.values.openingHours[day];
              const dayName = t(`weekdays.${day}`);
              const error = form.errors[`openingHours.${day}`];
              return (
                <Group key={day} align="flex-end" wrap="wrap">
                  <Text w={140} fw={600}>
                    {dayName}
                  </Text>
                  <Checkbox
                    label={t('centre.closed')}
                    aria-label={t('centre.closedOn', { day: dayName })}
                    checked={hours === null}
                    onChange={(e) =>
                      form.setFieldValue(`openingHours.${day}`, e.currentTarget.checked ? null : { open: '10:00', close: '21:00' })
                    }
                  />
                  {hours && (
                    <>
                      <TimePicker
                        label={t('centre.opens')}
                        aria-label={t('centre.opensOn', { day: dayName })}
                        hoursInputLabel={t('centre.hours')}
                        minutesInputLabel={t('centre.minutes')}
                        format="24h"
                        value={hours.open}
                        onChange={(v) => form.setFieldValue(`openingHours.${day}.open`, v.slice(0, 5))}
                      />
                      <TimePicker
                        label={t('centre.closes')}
                        aria-label={t('centre.closesOn', { day: dayName })}
                        hoursInputLabel={t('centre.hours')}
                        minutesInputLabel={t('centre.minutes')}
                        format="24h"
                        value={hours.close}
                        onChange={(v) => form.setFieldValue(`openingHours.${day}.close`, v.slice(0, 5))}
                        error={error ?? (validateDayHours(hours) ? t(`validation.${validateDayHours(hours)}`) : undefined)}
                      />
                    </>
                  )}
                </Group>
              );
            })}
          </Stack>
        </Paper>
        <Group>
          <Button type="submit">{t('save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
