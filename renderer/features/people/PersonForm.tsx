import { useState } from 'react';
import { Checkbox, Group, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { validatePerson } from '@shared/people/validate';
import type { LocalDate } from '@shared/db';
import { useAuthor } from '../../app/db';
import { DateField } from '../calendar/DateField';
import { FormModal, useFormSubmit } from './FormModal';
import { emptyPerson, type PersonFields } from './hooks';

interface Props {
  initial?: PersonFields;
  title: string;
  onSave: (fields: PersonFields) => Promise<void>;
  onClose: () => void;
}

/** Add or edit a person. Bad input is shown next to its field; nothing typed is lost. */
export function PersonForm({ initial, title, onSave, onClose }: Props) {
  const { t } = useTranslation('people');
  const author = useAuthor();
  const [f, setF] = useState<PersonFields>(() => initial ?? emptyPerson());
  const { errors, failed, busy, submit } = useFormSubmit(validatePerson, onSave, onClose, 'people');
  const set = (patch: Partial<PersonFields>) => setF((prev) => ({ ...prev, ...patch }));
  const setConsent = (patch: Partial<PersonFields['consent']>) => setF((prev) => ({ ...prev, consent: { ...prev.consent, ...patch } }));

  return (
    <FormModal title={title} onClose={onClose} onSubmit={() => void submit(f)} busy={busy} failed={failed}>
      <TextInput label={t('fields.name')} required data-autofocus value={f.name} onChange={(e) => set({ name: e.currentTarget.value })} error={errors.name} />
      <Group grow align="flex-start">
        <TextInput label={t('fields.phone')} type="tel" value={f.phone} onChange={(e) => set({ phone: e.currentTarget.value })} error={errors.phone} />
        <TextInput label={t('fields.email')} type="email" value={f.email} onChange={(e) => set({ email: e.currentTarget.value })} error={errors.email} />
      </Group>
      <Checkbox label={t('fields.resident')} checked={f.resident} onChange={(e) => set({ resident: e.currentTarget.checked })} />
      <Checkbox
        label={t('fields.consentGiven')}
        checked={f.consent.given}
        onChange={(e) => {
          const given = e.currentTarget.checked;
          setConsent(given ? { given, date: f.consent.date || dayjs().format('YYYY-MM-DD'), recordedBy: f.consent.recordedBy || author.volunteer } : { given });
        }}
      />
      <Group grow align="flex-start">
        {/* the desk's date field (typed or picked, day first in Russian): a browser's own date input follows the
            browser's language, not the desk's */}
        <DateField label={t('fields.consentDate')} value={f.consent.date as LocalDate | ''} onChange={(date) => setConsent({ date })} error={errors['consent.date']} />
        <TextInput label={t('fields.consentRecordedBy')} value={f.consent.recordedBy} onChange={(e) => setConsent({ recordedBy: e.currentTarget.value })} />
      </Group>
      <TagsInput label={t('fields.tags')} description={t('fields.tagsHint')} value={f.tags} onChange={(tags) => set({ tags })} clearable />
      <Textarea label={t('fields.notes')} autosize minRows={2} value={f.notes} onChange={(e) => set({ notes: e.currentTarget.value })} />
    </FormModal>
  );
}
