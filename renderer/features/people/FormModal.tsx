import { useState, type ReactNode } from 'react';
import { Alert, Stack } from '@mantine/core';
import { Modal } from '../../app/dialogs';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../app/FormActions';

/**
 * Validate → save → close, for the desk's edit forms: field errors by field name (already translated),
 * a failed save keeps the form open with everything typed.
 */
export function useFormSubmit<F>(validate: (fields: F) => { field: string; code: string }[], onSave: (fields: F) => Promise<void>, onClose: () => void, ns: string) {
  const { t } = useTranslation(ns);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async (fields: F) => {
    const found = validate(fields);
    setErrors(Object.fromEntries(found.map((e) => [e.field, t(`errors.${e.code}`)])));
    if (found.length || busy) return;
    setBusy(true);
    setFailed(false);
    try {
      await onSave(fields);
      onClose();
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return { errors, failed, busy, submit };
}

interface Props {
  title: string;
  onClose: () => void;
  onSubmit: () => void;
  busy: boolean;
  failed: boolean;
  children: ReactNode;
}

/** A modal form with the save-failed alert and Cancel / Save buttons (labels from people.json). */
export function FormModal({ title, onClose, onSubmit, busy, failed, children }: Props) {
  const { t } = useTranslation('people');
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <Stack>
          {failed && (
            <Alert color="red" role="alert">
              {t('errors.saveFailed')}
            </Alert>
          )}
          {children}
          <FormActions onCancel={onClose} cancelLabel={t('cancel')} submitLabel={t('save')} busy={busy} />
        </Stack>
      </form>
    </Modal>
  );
}
