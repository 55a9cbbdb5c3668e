import { useState, useSyncExternalStore, type FormEvent } from 'react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { FormError, StaffRadios } from './parts';
import { Modal } from '../../app/dialogs';
import { useTranslation } from 'react-i18next';
import { approvalRequests, type ApprovalRequest } from './approvalStore';
import { useStaff } from './hooks';
import { PinInput } from './PinInput';

/** The coordinator-PIN prompt a volunteer gets for a coordinator-only action (opened by useCoordinator). */
export function ApprovalDialog() {
  const request = useSyncExternalStore(approvalRequests.subscribe, approvalRequests.get);
  const { t } = useTranslation('staff');
  const close = () => {
    request?.cancel();
    approvalRequests.close();
  };
  return (
    // over another dialog (the erasure's): no fade, which was seen to stop half-way over an open dialog
    <Modal opened={request !== null} onClose={close} title={t('approval.title')} centered size="md" zIndex={400} transitionProps={{ duration: 0 }}>
      {request && <ApprovalForm request={request} onCancel={close} />}
    </Modal>
  );
}

function ApprovalForm({ request, onCancel }: { request: ApprovalRequest; onCancel: () => void }) {
  const { t } = useTranslation('staff');
  const { active } = useStaff();
  const coordinators = active.filter((s) => s.role === 'coordinator');
  const [who, setWho] = useState(coordinators.length === 1 ? coordinators[0]!.id : '');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const chosen = who || (coordinators.length === 1 ? coordinators[0]!.id : '');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!chosen || busy) return;
    setBusy(true);
    setError('');
    const refused = await request.attempt(chosen, pin);
    setBusy(false);
    if (!refused) {
      approvalRequests.close();
      return;
    }
    setPin('');
    setError(t(`errors.${refused.code}`, { minutes: Math.max(1, Math.ceil(refused.waitMs / 60000)) }));
  };
  return (
    <form onSubmit={(e) => void submit(e)}>
      <Stack>
        <Text>{t('approval.intro', { action: request.actions.map((a) => t(`actions.${a}`)).join(', ') })}</Text>
        {coordinators.length > 1 && (
          <StaffRadios label={t('approval.coordinator')} staff={coordinators} value={who} onChange={setWho} />
        )}
        {coordinators.length === 1 && <Text fw={700}>{t('approval.coordinator')}: {coordinators[0]!.name}</Text>}
        <PinInput label={t('approval.pin')} value={pin} onChange={setPin} data-autofocus />
        <FormError text={error} />
        {busy && <Text size="sm" role="status">{t('lock.checking')}</Text>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('approval.cancel')}
          </Button>
          <Button type="submit" loading={busy} disabled={!chosen || pin.length < 4}>
            {t('approval.confirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
