import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { createPortal } from 'react-dom';
import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { FormError, StaffRadios, useFormRun } from './parts';
import { useTranslation } from 'react-i18next';
import type { StaffDoc } from '@shared/db';
import { useShift, useStaff, useStaffActions } from './hooks';
import { PinInput } from './PinInput';
import { RecoveryCodeNotice } from './RecoveryCodeNotice';
import { useIdleLock } from './useIdleLock';

/**
 * "Who is on shift": covers the app while nobody is on shift or the desk is locked, once the centre has staff.
 * The app stays mounted underneath (inert), so a half-typed form is there after the PIN. A desk without staff never
 * sees it.
 */
export function ShiftLock() {
  const { active, loading } = useStaff();
  const session = useShift();
  useIdleLock(!loading && active.length > 0);
  const shown = !loading && active.length > 0 && (session.locked || !session.onShift);
  useInertBehind(shown);
  if (!shown) return null;
  return createPortal(<LockScreen staff={active} />, document.body);
}

const LOCK_ID = 'shift-lock';

/** Everything else on the page is inert while the lock shows (no focus, no clicks, hidden from screen readers). */
function useInertBehind(on: boolean) {
  useEffect(() => {
    if (!on) return;
    const others = [...document.body.children].filter((el) => el.id !== LOCK_ID && !el.hasAttribute('inert')) as HTMLElement[];
    for (const el of others) el.setAttribute('inert', '');
    return () => {
      for (const el of others) el.removeAttribute('inert');
    };
  }, [on]);
}

function LockScreen({ staff }: { staff: StaffDoc[] }) {
  const { t } = useTranslation('staff');
  const session = useShift();
  const [mode, setMode] = useState<'pin' | 'recover'>('pin');
  const titleId = useId();
  const starting = !session.onShift;
  return (
    <div id={LOCK_ID} role="dialog" aria-modal="true" aria-labelledby={titleId} className="shift-lock">
      <Paper shadow="md" p="xl" radius="md" w={460} maw="95vw">
        <Stack>
          <Title order={2} id={titleId}>
            {starting ? t('lock.startTitle') : t('lock.lockedTitle')}
          </Title>
          <Text>{t(`lock.reason.${session.reason}`)}</Text>
          {mode === 'pin' ? <PinForm staff={staff} starting={starting} onForgot={() => setMode('recover')} /> : <RecoverForm staff={staff} onBack={() => setMode('pin')} />}
        </Stack>
      </Paper>
    </div>
  );
}

function PinForm({ staff, starting, onForgot }: { staff: StaffDoc[]; starting: boolean; onForgot: () => void }) {
  const { t } = useTranslation('staff');
  const session = useShift();
  const actions = useStaffActions();
  const [who, setWho] = useState(session.onShift?.id ?? (staff.length === 1 ? staff[0]!.id : ''));
  const [pin, setPin] = useState('');
  const { busy, error, run } = useFormRun();
  const pinRef = useRef<HTMLInputElement>(null);
  const firstRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    (who ? pinRef : firstRef).current?.focus();
    // only when the screen appears
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!who || busy) return;
    await run(
      () => actions.startShift(who, pin),
      () => {
        setPin('');
        pinRef.current?.focus();
      },
    );
  };
  return (
    <form onSubmit={(e) => void submit(e)}>
      <Stack>
        <StaffRadios label={t('lock.who')} staff={staff} value={who} onChange={setWho} firstRef={firstRef} describe={(s) => `${s.name} · ${t(`roles.${s.role}`)}`} />
        <PinInput ref={pinRef} label={t('lock.pin')} value={pin} onChange={setPin} size="md" />
        <FormError text={error} />
        <Group justify="space-between">
          <Button variant="subtle" onClick={onForgot}>
            {t('lock.forgot')}
          </Button>
          <Button type="submit" size="md" loading={busy} disabled={!who || pin.length < 4}>
            {starting ? t('lock.start') : t('lock.unlock')}
          </Button>
        </Group>
        {busy && <Text size="sm" role="status">{t('lock.checking')}</Text>}
      </Stack>
    </form>
  );
}

function RecoverForm({ staff, onBack }: { staff: StaffDoc[]; onBack: () => void }) {
  const { t } = useTranslation('staff');
  const actions = useStaffActions();
  const coordinators = staff.filter((s) => s.role === 'coordinator');
  const [who, setWho] = useState(coordinators.length === 1 ? coordinators[0]!.id : '');
  const [code, setCode] = useState('');
  const [pin, setPin] = useState('');
  const { busy, error, run } = useFormRun();
  const [shown, setShown] = useState<{ name: string; code: string } | null>(null);
  if (shown) return <RecoveryCodeNotice name={shown.name} code={shown.code} onDone={() => setShown(null)} />;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      const name = coordinators.find((c) => c.id === who)?.name ?? '';
      const { recoveryCode } = await actions.recover(who, code, pin);
      setShown({ name, code: recoveryCode });
    });
  };
  return (
    <form onSubmit={(e) => void submit(e)}>
      <Stack>
        <Title order={3}>{t('recovery.formTitle')}</Title>
        <StaffRadios label={t('recovery.coordinator')} staff={coordinators} value={who} onChange={setWho} />
        <TextInput label={t('recovery.code')} value={code} onChange={(e) => setCode(e.currentTarget.value)} autoComplete="off" spellCheck={false} />
        <PinInput label={t('recovery.newPin')} value={pin} onChange={setPin} />
        <FormError text={error} />
        <Group justify="space-between">
          <Button variant="subtle" onClick={onBack}>
            {t('lock.back')}
          </Button>
          <Button type="submit" loading={busy} disabled={!who || !code || pin.length < 4}>
            {t('recovery.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
