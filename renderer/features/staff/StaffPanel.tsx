import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { Modal } from '../../app/dialogs';
import { TableHead } from '../../app/TableHead';
import { useTranslation } from 'react-i18next';
import type { StaffDoc, StaffRole } from '@shared/db';
import { useFormat } from '../../app/format';
import { useAuditLog, useShift, useStaff, useStaffActions } from './hooks';
import { PinInput } from './PinInput';
import { RecoveryCodeNotice } from './RecoveryCodeNotice';
import { IDLE_CHOICES, idleMinutes } from './session';
import { FormError, useFormRun } from './parts';

/**
 * Settings → Staff: on a desk without staff, the first coordinator is set up here; after that a coordinator on shift
 * manages the list, this desk's idle lock, and reads the log of sensitive actions. A volunteer sees neither.
 */
export function StaffPanel() {
  const { t } = useTranslation('staff');
  const { staff, active, loading } = useStaff();
  const { onShift } = useShift();
  const [shown, setShown] = useState<{ name: string; code: string } | null>(null);
  if (loading) return null;
  if (shown) return <RecoveryCodeNotice name={shown.name} code={shown.code} onDone={() => setShown(null)} />;
  if (active.length === 0) {
    return (
      <Stack maw={560}>
        <Text>{t('panel.none')}</Text>
        <Title order={3}>{t('panel.firstTitle')}</Title>
        <NewStaffForm first onCreated={setShown} />
      </Stack>
    );
  }
  if (onShift?.role !== 'coordinator') return <Text>{t('panel.coordinatorOnly', { name: onShift?.name ?? '' })}</Text>;
  return (
    <Stack gap="xl">
      <StaffList staff={staff} onCode={setShown} />
      <Stack maw={560}>
        <Title order={3}>{t('panel.addTitle')}</Title>
        <NewStaffForm onCreated={setShown} />
      </Stack>
      <IdleSetting />
      <Text size="sm">{t('panel.hashNote')}</Text>
      <AuditLog />
    </Stack>
  );
}

function NewStaffForm({ first = false, onCreated }: { first?: boolean; onCreated: (shown: { name: string; code: string }) => void }) {
  const { t } = useTranslation('staff');
  const actions = useStaffActions();
  const [name, setName] = useState('');
  const [role, setRole] = useState<StaffRole>(first ? 'coordinator' : 'volunteer');
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const { busy, error, setError, run } = useFormRun();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (pin !== again) return setError(t('errors.pin.mismatch'));
    await run(async () => {
      const { recoveryCode } = await actions.add({ name, role, pin });
      const added = name.trim();
      setName('');
      setPin('');
      setAgain('');
      if (recoveryCode) onCreated({ name: added, code: recoveryCode });
    });
  };
  return (
    <form onSubmit={(e) => void submit(e)}>
      <Stack>
        <TextInput label={t('panel.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required autoComplete="off" />
        {!first && (
          <NativeSelect
            label={t('panel.role')}
            value={role}
            onChange={(e) => setRole(e.currentTarget.value as StaffRole)}
            data={(['volunteer', 'coordinator'] as const).map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          />
        )}
        <PinInput label={t('panel.pin')} value={pin} onChange={setPin} required />
        <PinInput label={t('panel.pinRepeat')} value={again} onChange={setAgain} required />
        <FormError text={error} />
        <Group>
          <Button type="submit" loading={busy} disabled={!name.trim() || pin.length < 4}>
            {first ? t('panel.create') : t('panel.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function StaffList({ staff, onCode }: { staff: StaffDoc[]; onCode: (shown: { name: string; code: string }) => void }) {
  const { t } = useTranslation('staff');
  const [editing, setEditing] = useState<StaffDoc | null>(null);
  return (
    <Stack>
      <Title order={3}>{t('panel.list')}</Title>
      <Table striped maw={720}>
        <TableHead columns={[t('panel.name'), t('panel.role'), { hidden: t('panel.actions') }]} />
        <Table.Tbody>
          {staff.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>
                {s.name}
                {s.archived && ` (${t('panel.archived')})`}
              </Table.Td>
              <Table.Td>{t(`roles.${s.role}`)}</Table.Td>
              <Table.Td>
                <Button size="xs" variant="default" onClick={() => setEditing(s)} aria-label={`${t('panel.edit')}: ${s.name}`}>
                  {t('panel.edit')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing ? t('panel.editTitle', { name: editing.name }) : ''}>
        {editing && (
          <EditStaff
            key={editing.id}
            member={editing}
            onDone={(code) => {
              setEditing(null);
              if (code) onCode({ name: editing.name, code });
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}

function EditStaff({ member, onDone }: { member: StaffDoc; onDone: (recoveryCode: string | null) => void }) {
  const { t } = useTranslation('staff');
  const actions = useStaffActions();
  const [name, setName] = useState(member.name);
  const [role, setRole] = useState<StaffRole>(member.role);
  const [archived, setArchived] = useState(member.archived);
  const [pin, setPin] = useState('');
  const { busy, error, run } = useFormRun();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      const { recoveryCode } = await actions.change(member.id, { name, role, archived, ...(pin ? { pin } : {}) });
      onDone(recoveryCode);
    });
  };
  return (
    <form onSubmit={(e) => void submit(e)}>
      <Stack>
        <TextInput label={t('panel.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required data-autofocus />
        <NativeSelect
          label={t('panel.role')}
          value={role}
          onChange={(e) => setRole(e.currentTarget.value as StaffRole)}
          data={(['volunteer', 'coordinator'] as const).map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        />
        <PinInput label={t('panel.newPin')} value={pin} onChange={setPin} />
        <Checkbox label={t('panel.archive')} checked={archived} onChange={(e) => setArchived(e.currentTarget.checked)} />
        <FormError text={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onDone(null)}>
            {t('panel.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('panel.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function IdleSetting() {
  const { t } = useTranslation('staff');
  const actions = useStaffActions();
  const [value, setValue] = useState(String(idleMinutes()));
  return (
    <Stack maw={560} gap="xs">
      <NativeSelect
        label={t('panel.idle')}
        value={value}
        onChange={(e) => {
          const next = e.currentTarget.value;
          setValue(next);
          void actions.setIdleMinutes(Number(next));
        }}
        data={IDLE_CHOICES.map((m) => ({ value: String(m), label: t('panel.idleMinutes', { count: m }) }))}
      />
      <Text size="sm">{t('panel.idleNote')}</Text>
    </Stack>
  );
}

function AuditLog() {
  const { t } = useTranslation('staff');
  const format = useFormat();
  const entries = useAuditLog();
  return (
    <Stack>
      <Title order={3}>{t('log.title')}</Title>
      {entries.length === 0 ? (
        <Text>{t('log.empty')}</Text>
      ) : (
        <Table striped aria-label={t('log.title')}>
          <TableHead columns={[t('log.when'), t('log.who'), t('log.what'), t('log.subject')]} />
          <Table.Tbody>
            {entries.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{format.dateTime(e.at)}</Table.Td>
                <Table.Td>{e.approvedByName ? t('log.approved', { by: e.byName, coordinator: e.approvedByName }) : e.byName}</Table.Td>
                <Table.Td>{t(`actions.${e.action}`)}</Table.Td>
                <Table.Td>{e.subject}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
