import { useState, type FormEvent } from 'react';
import { Group, Stack, TextInput, Textarea } from '@mantine/core';
import { Modal } from '../../app/dialogs';
import { useTranslation } from 'react-i18next';
import type { ItemDoc, ItemInput } from './domain';
import { useLoanActions } from './hooks';
import { attemptWrite } from '../../app/writeFailure';
import { FormActions } from '../../app/FormActions';
import { SegmentedChoice } from '../../app/Choice';

const TRACKING: readonly ItemInput['tracking'][] = ['single', 'counted'];

export function inputOf(item?: ItemDoc): ItemInput {
  return {
    name: item?.name ?? '',
    category: item?.category ?? '',
    code: item?.code ?? '',
    tracking: item?.tracking ?? 'single',
    quantity: String(item?.quantity ?? 1),
    location: item?.location ?? '',
    condition: item?.condition ?? '',
    deposit: item?.deposit ? String(item.deposit) : '',
    loanDays: String(item?.loanDays ?? 7),
    notes: item?.notes ?? '',
  };
}

/** Add or edit a catalogue item in a dialog. */
export function ItemForm({ item, onClose }: { item: ItemDoc | undefined; onClose: () => void }) {
  const { t } = useTranslation('loans');
  const { saveItem } = useLoanActions();
  const [v, setV] = useState<ItemInput>(() => inputOf(item));
  const [errors, setErrors] = useState<Partial<Record<keyof ItemInput, string>>>({});
  const field = (k: keyof ItemInput) => ({
    label: t(`item.${k}`),
    value: String(v[k]),
    error: errors[k] ? t(`errors.${errors[k]}`) : undefined,
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setV((old) => ({ ...old, [k]: value }));
    },
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const attempt = await attemptWrite(() => saveItem(v, item?.id));
    if (!attempt.ok) return; // said in words; the form stays open as typed
    const r = attempt.value;
    if (!r.ok) return setErrors(r.errors);
    onClose();
  };
  return (
    <Modal opened onClose={onClose} title={t(item ? 'catalogue.edit' : 'catalogue.add')} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <TextInput {...field('name')} data-autofocus required />
          <Group grow>
            <TextInput {...field('category')} />
            <TextInput {...field('code')} description={t('item.codeHint')} />
          </Group>
          <SegmentedChoice
            label={t('item.tracking')}
            values={TRACKING}
            labelOf={(x) => t(`item.${x}`)}
            value={v.tracking}
            onChange={(tracking) => setV((o) => ({ ...o, tracking }))}
          />
          <Group grow>
            {v.tracking === 'counted' && <TextInput {...field('quantity')} inputMode="numeric" />}
            <TextInput {...field('loanDays')} inputMode="numeric" />
            <TextInput {...field('deposit')} inputMode="decimal" />
          </Group>
          <Group grow>
            <TextInput {...field('location')} />
            <TextInput {...field('condition')} />
          </Group>
          <Textarea {...field('notes')} autosize minRows={2} />
          <FormActions onCancel={onClose} cancelLabel={t('cancel')} submitLabel={t('save')} />
        </Stack>
      </form>
    </Modal>
  );
}
