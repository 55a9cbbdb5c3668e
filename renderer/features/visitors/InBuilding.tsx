import { useState } from 'react';
import { Alert, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { Panel } from '../../app/Panel';
import { TableHead } from '../../app/TableHead';
import { Modal } from '../../app/dialogs';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { PersonDoc, VisitDoc } from '@shared/db';
import { daysSince } from '@shared/visits/time';
import { escapeHtml, printDocument } from '@shared/print/document';
import { PT_SANS } from '@shared/print/ptSans';
import { getDesk } from '../../app/desk';
import { useFormat } from '../../app/format';
import { useInBuilding, useVisitActions } from './hooks';

/** The name to show for a visit: the directory name, the typed name, or "anonymous". */
export function useVisitorName(peopleById: Map<string, PersonDoc>) {
  const { t } = useTranslation('visitors');
  return (v: VisitDoc) => {
    const p = v.personId ? peopleById.get(v.personId) : undefined;
    if (p && !p.erased) return p.name;
    return v.name || t('anonymous');
  };
}

/** "In the building now": sign out one by one or everyone at closing time; print the evacuation list. */
export function InBuilding({ peopleById }: { peopleById: Map<string, PersonDoc> }) {
  const { t, i18n } = useTranslation('visitors');
  const fmt = useFormat();
  const visits = useInBuilding();
  const { signOut, signOutEveryone } = useVisitActions();
  const nameOf = useVisitorName(peopleById);
  const [confirmAll, setConfirmAll] = useState(false);
  const [error, setError] = useState('');
  const total = visits.reduce((n, v) => n + 1 + v.adults + v.children, 0);

  const out = async (v: VisitDoc) => {
    const code = await signOut(v.id).catch(() => 'saveFailed');
    setError(code ? t(`errors.${code}`) : '');
  };

  const print = async () => {
    const rows = visits
      .map((v) => `<tr><td>${escapeHtml(nameOf(v))}</td><td>${fmt.time(v.timeIn)}</td><td>${v.adults}</td><td>${v.children}</td></tr>`)
      .join('');
    const html = printDocument({
      title: t('evacuation.title'),
      lang: i18n.language,
      fonts: PT_SANS,
      page: { size: 'A4', orientation: 'portrait' },
      body:
        `<h1>${escapeHtml(t('evacuation.title'))}</h1>` +
        `<p>${escapeHtml(t('evacuation.at', { time: fmt.dateTime(new Date()), count: total }))}</p>` +
        `<table class="print-table"><thead><tr><th>${escapeHtml(t('columns.name'))}</th><th>${escapeHtml(t('columns.in'))}</th><th>${escapeHtml(t('columns.adults'))}</th><th>${escapeHtml(t('columns.children'))}</th></tr></thead><tbody>${rows}</tbody></table>`,
    });
    await getDesk().printHtml({ html });
  };

  return (
    <Panel
      title={t('inBuilding.title', { count: total })}
      actions={
        <>
          <Button variant="default" onClick={() => void print()} disabled={visits.length === 0}>
            {t('inBuilding.print')}
          </Button>
          <Button color="orange" onClick={() => setConfirmAll(true)} disabled={visits.length === 0}>
            {t('inBuilding.signOutAll')}
          </Button>
        </>
      }
    >
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {visits.length === 0 ? (
        <Text c="dimmed">{t('inBuilding.empty')}</Text>
      ) : (
        <Table fz="lg" verticalSpacing="xs" aria-label={t('inBuilding.list')}>
          <TableHead columns={[t('columns.name'), t('columns.in'), t('columns.companions'), { hidden: t('columns.actions') }]} />
          <Table.Tbody>
            {visits.map((v) => (
              <Table.Tr key={v.id}>
                <Table.Td>{nameOf(v)}</Table.Td>
                <Table.Td>
                  <SinceCell timeIn={v.timeIn} />
                </Table.Td>
                <Table.Td>{v.adults + v.children > 0 ? `+${v.adults + v.children}` : ''}</Table.Td>
                <Table.Td>
                  <Button size="sm" variant="light" onClick={() => void out(v)} aria-label={t('inBuilding.signOutOne', { name: nameOf(v) })}>
                    {t('inBuilding.signOut')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={confirmAll} onClose={() => setConfirmAll(false)} title={t('inBuilding.confirmTitle')}>
      <Stack>
        <Text>{t('inBuilding.confirmText', { count: visits.length })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setConfirmAll(false)}>
            {t('cancel')}
          </Button>
          <Button
            color="orange"
            onClick={() => {
              setConfirmAll(false);
              void signOutEveryone().then(
                (n) => notifications.show({ color: 'green', message: t('inBuilding.signedOutAll', { count: n }) }),
                () => setError(t('errors.saveFailed')),
              );
            }}
          >
            {t('inBuilding.confirm')}
          </Button>
        </Group>
      </Stack>
      </Modal>
    </Panel>
  );
}

/** Sign-in time; a visitor still listed from an earlier day is flagged ("since yesterday") so the desk checks. */
function SinceCell({ timeIn }: { timeIn: string }) {
  const { t } = useTranslation('visitors');
  const fmt = useFormat();
  const days = daysSince(timeIn, Date.now());
  if (days <= 0) return <>{fmt.time(timeIn)}</>;
  return (
    <Group gap={6} wrap="nowrap">
      <Badge color="orange" variant="light" c="dark.9" size="lg" style={{ textTransform: 'none' }}>
        {days === 1 ? t('inBuilding.sinceYesterday') : t('inBuilding.sinceDate', { date: fmt.shortDate(timeIn) })}
      </Badge>
      <span>{fmt.time(timeIn)}</span>
    </Group>
  );
}
