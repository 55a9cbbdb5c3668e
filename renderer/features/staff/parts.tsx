import { useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Radio, Stack } from '@mantine/core';
import type { StaffDoc } from '@shared/db';
import { staffErrorText } from './words';

/** Pick one person of a list by name (the lock screen, the recovery form, the coordinator prompt). */
export function StaffRadios({ label, staff, value, onChange, describe, firstRef }: { label: string; staff: StaffDoc[]; value: string; onChange: (id: string) => void; describe?: (s: StaffDoc) => string; firstRef?: Ref<HTMLInputElement> }) {
  return (
    <Radio.Group label={label} value={value} onChange={onChange} size="md">
      <Stack gap="xs" mt="xs">
        {staff.map((s, i) => (
          <Radio key={s.id} value={s.id} ref={i === 0 ? firstRef : undefined} label={describe ? describe(s) : s.name} />
        ))}
      </Stack>
    </Radio.Group>
  );
}

/** A refusal said next to the form (a wrong PIN, a name taken …); nothing when empty. */
export function FormError({ text }: { text: string }) {
  if (!text) return null;
  return (
    <Alert color="red" role="alert">
      {text}
    </Alert>
  );
}

/** A staff form's submit: busy while it runs, and a refusal in words (`onError` after it, e.g. clear the PIN). */
export function useFormRun() {
  const { t } = useTranslation('staff');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const run = async (work: () => Promise<void>, onError?: () => void) => {
    setBusy(true);
    setError('');
    try {
      await work();
    } catch (err) {
      setError(staffErrorText(t, err));
      onError?.();
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}
