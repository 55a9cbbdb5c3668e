import { useEffect, useRef, useState } from 'react';
import { Alert, ColorInput, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ROOM_KINDS, type RoomDoc } from '@shared/db';
import { validateRoom } from '@shared/centre/validate';
import { cleanSections, validateSections } from '@shared/bookings';
import type { RoomFields } from './hooks';
import { RoomBookingFields } from './RoomBookingFields';
import { FormActions } from '../../app/FormActions';

interface Props {
  initial: RoomFields;
  /** Names of the other rooms (duplicate check). */
  otherNames: string[];
  /** Saves; a returned message means the save was refused (shown in the form, everything typed kept). */
  onSubmit: (fields: RoomFields) => Promise<string | void>;
  onCancel: () => void;
}

/** Add/edit a room. A rejected form keeps everything typed and says what is wrong, field by field. */
export function RoomForm({ initial, otherNames, onSubmit, onCancel }: Props) {
  const { t } = useTranslation('settings');
  const { t: tCal } = useTranslation('calendar');
  const [refused, setRefused] = useState<string | null>(null);
  const refusedRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (refused) refusedRef.current?.scrollIntoView({ block: 'nearest' }); // below the fold of a long form
  }, [refused]);
  const form = useForm<RoomFields>({
    mode: 'controlled',
    initialValues: initial,
    validate: (values) => {
      const errors = validateRoom(values, otherNames);
      const sectionErrors = validateSections(values.sections).flatMap((row, i) =>
        Object.entries(row).map(([field, code]) => [`sections.${i}.${field}`, tCal(`errors.${code}`)]),
      );
      return { ...Object.fromEntries(Object.entries(errors).map(([k, code]) => [k, t(`validation.${code}`)])), ...Object.fromEntries(sectionErrors) };
    },
  });

  return (
    <form
      noValidate
      aria-label={t('rooms.formTitle')}
      onSubmit={form.onSubmit(async (values) => {
        setRefused((await onSubmit({ ...values, name: values.name.trim(), sections: cleanSections(values.sections) })) || null);
      })}
    >
      <Stack>
        <TextInput data-autofocus required label={t('rooms.name')} {...form.getInputProps('name')} />
        <Select
          label={t('rooms.kind')}
          data={ROOM_KINDS.map((k) => ({ value: k, label: t(`rooms.kinds.${k}`) }))}
          allowDeselect={false}
          {...form.getInputProps('kind')}
          onChange={(v) => v && form.setFieldValue('kind', v as RoomDoc['kind'])}
        />
        <NumberInput
          label={t('rooms.capacity')}
          allowDecimal
          allowNegative
          clampBehavior="none"
          {...form.getInputProps('capacity')}
          onChange={(v) => form.setFieldValue('capacity', typeof v === 'number' ? v : Number.NaN)}
          value={Number.isNaN(form.values.capacity) ? '' : form.values.capacity}
        />
        <ColorInput label={t('rooms.colour')} format="hex" {...form.getInputProps('colour')} />
        <RoomBookingFields form={form} />
        {refused && (
          <Alert ref={refusedRef} color="red" role="alert" title={t('rooms.notSaved')}>
            {refused}
          </Alert>
        )}
        <FormActions onCancel={onCancel} cancelLabel={t('cancel')} submitLabel={t('save')} />
      </Stack>
    </form>
  );
}
