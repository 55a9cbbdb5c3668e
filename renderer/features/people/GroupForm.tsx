import { useState } from 'react';
import { Checkbox, Group, Select, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { GROUP_KINDS, type PersonDoc } from '@shared/db';
import type { SearchHit, SearchOptions } from '@shared/people/search';
import { validateGroup } from '@shared/people/validate';
import { FormModal, useFormSubmit } from './FormModal';
import { emptyGroup, type GroupFields } from './hooks';
import { PeoplePicker, PersonPicker } from './PersonPicker';

interface Props {
  initial?: GroupFields;
  title: string;
  search: (query: string, options?: SearchOptions) => SearchHit[];
  peopleById: Map<string, PersonDoc>;
  onSave: (fields: GroupFields) => Promise<void>;
  onClose: () => void;
}

/** Add or edit a club, initiative group or partner organisation. */
export function GroupForm({ initial, title, search, peopleById, onSave, onClose }: Props) {
  const { t } = useTranslation('people');
  const [f, setF] = useState<GroupFields>(() => initial ?? emptyGroup());
  const { errors, failed, busy, submit } = useFormSubmit(validateGroup, onSave, onClose, 'people');
  const set = (patch: Partial<GroupFields>) => setF((prev) => ({ ...prev, ...patch }));

  const pickContact = (id: string) => {
    const p = peopleById.get(id);
    set(p ? { contactPersonId: id, contactName: p.name, contactPhone: p.phone } : { contactPersonId: '' });
  };

  return (
    <FormModal title={title} onClose={onClose} onSubmit={() => void submit(f)} busy={busy} failed={failed}>
      <TextInput label={t('fields.groupName')} required data-autofocus value={f.name} onChange={(e) => set({ name: e.currentTarget.value })} error={errors.name} />
      <Select
        label={t('fields.kind')}
        data={GROUP_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        value={f.kind}
        onChange={(v) => v && set({ kind: v as GroupFields['kind'] })}
        allowDeselect={false}
        error={errors.kind}
      />
      <PersonPicker label={t('fields.contactPerson')} search={search} peopleById={peopleById} value={f.contactPersonId} onChange={pickContact} />
      <Group grow align="flex-start">
        <TextInput label={t('fields.contactName')} value={f.contactName} onChange={(e) => set({ contactName: e.currentTarget.value })} />
        <TextInput
          label={t('fields.contactPhone')}
          type="tel"
          value={f.contactPhone}
          onChange={(e) => set({ contactPhone: e.currentTarget.value })}
          error={errors.contactPhone}
        />
      </Group>
      <Checkbox label={t('fields.local')} description={t('fields.localHint')} checked={f.local} onChange={(e) => set({ local: e.currentTarget.checked })} />
      <PeoplePicker label={t('fields.members')} search={search} peopleById={peopleById} value={f.memberIds} onChange={(memberIds) => set({ memberIds })} />
      <Textarea label={t('fields.notes')} autosize minRows={2} value={f.notes} onChange={(e) => set({ notes: e.currentTarget.value })} />
      <Checkbox label={t('fields.archived')} checked={f.archived} onChange={(e) => set({ archived: e.currentTarget.checked })} />
    </FormModal>
  );
}
