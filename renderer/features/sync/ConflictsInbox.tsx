import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Badge, Button, Card, Group, List, Radio, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BookingDoc, ConflictDoc } from '@shared/db';
import { changedFields } from '@shared/sync';
import type { BookingClash, LoanClash } from '@shared/sync/clashes';
import { deskId } from '../../app/db';
import { deskOfId } from '@shared/network/accounts';
import { useFormat } from '../../app/format';
import { useRooms } from '../settings/hooks';
import { useInbox } from './useInbox';
import { UpdateAction } from '../../app/UpdateBanner';
import { useConflictCommands, useConflictedDocument } from './hooks';

type Json = Record<string, unknown>;
type Choice = 'kept' | 'other';

function parse(text: string): Json {
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' ? (v as Json) : {};
  } catch {
    return {};
  }
}

function useValueText() {
  const { t } = useTranslation('sync');
  return (v: unknown): string => {
    if (v === undefined || v === null || v === '') return t('inbox.empty');
    if (typeof v === 'boolean') return v ? t('inbox.yes') : t('inbox.no');
    if (typeof v === 'string' || typeof v === 'number') return String(v);
    return JSON.stringify(v);
  };
}

function Who({ doc }: { doc: Json }) {
  const { t } = useTranslation('sync');
  const fmt = useFormat();
  const by = (doc.updatedBy ?? {}) as { desk?: string; volunteer?: string };
  const at = typeof doc.updatedAt === 'string' ? fmt.dateTime(doc.updatedAt) : t('inbox.empty');
  // desk ids are long random strings: "this desk" or the last characters, which tell two desks apart
  // a desk with its own account is named as the centre knows it (server:setup --desk); others by their id's end
  const named = deskOfId(by.desk ?? '');
  const desk = by.desk === deskId() ? t('inbox.thisDesk') : named ? t('inbox.deskNamed', { name: named }) : t('inbox.desk', { id: (by.desk ?? '?').slice(-4) });
  const who = by.volunteer ? `${by.volunteer} (${desk})` : desk;
  return <Text size="sm">{doc._deleted ? t('inbox.deletedBy', { who, at }) : t('inbox.by', { who, at })}</Text>;
}

function ConflictCard({ conflict }: { conflict: ConflictDoc }) {
  const { t } = useTranslation('sync');
  const commands = useConflictCommands();
  const text = useValueText();
  const kept = useMemo(() => parse(conflict.kept), [conflict.kept]);
  const other = useMemo(() => parse(conflict.other), [conflict.other]);
  const now = useConflictedDocument(conflict) ?? kept;
  const rows = useMemo(() => [...new Set([...conflict.fields.filter((f) => f in now || f in other), ...changedFields(now as never, other as never)])], [conflict.fields, now, other]);
  const [combining, setCombining] = useState(false);
  const [choice, setChoice] = useState<Record<string, Choice>>({});
  const [busy, setBusy] = useState(false);
  const title = String(now.name ?? now.title ?? other.name ?? other.title ?? conflict.docId);

  const act = async (resolution: string, patch: Json | 'delete' | null) => {
    setBusy(true);
    try {
      await commands.resolve(conflict, resolution, patch); // a failure is said in words
    } finally {
      setBusy(false);
    }
  };
  const pick = (which: (f: string) => Choice): Json => Object.fromEntries(rows.filter((f) => which(f) === 'other').map((f) => [f, other[f]]));

  return (
    <Card withBorder padding="md" component="article" aria-label={t('inbox.conflictOf', { title })}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4">
            {t(`collections.${conflict.docCollection}`, { defaultValue: conflict.docCollection })}: {title}
          </Title>
          <Badge color="red" variant="light" size="lg">
            {t(`kinds.${conflict.kind}`)}
          </Badge>
        </Group>
        <Text>{t(`kindHelp.${conflict.kind}`)}</Text>
        <Table withTableBorder withColumnBorders fz="md" aria-label={t('inbox.versions')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('inbox.field')}</Table.Th>
              <Table.Th scope="col">
                {t('inbox.inUse')}
                <Who doc={now} />
              </Table.Th>
              <Table.Th scope="col">
                {t('inbox.other')}
                <Who doc={other} />
              </Table.Th>
              {combining && <Table.Th scope="col">{t('inbox.choose')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((f) => {
              const clash = conflict.fields.includes(f);
              const label = t(`fieldNames.${f}`, { defaultValue: f });
              return (
                <Table.Tr key={f} bg={clash ? 'yellow.1' : undefined}>
                  <Table.Th scope="row">
                    {label}
                    {clash && (
                      <Badge ml="xs" color="yellow.9" variant="outline">
                        {t('inbox.changedOnBoth')}
                      </Badge>
                    )}
                  </Table.Th>
                  <Table.Td fw={clash ? 700 : undefined}>{text(now[f])}</Table.Td>
                  <Table.Td fw={clash ? 700 : undefined}>{text(other[f])}</Table.Td>
                  {combining && (
                    <Table.Td>
                      <Radio.Group
                        value={choice[f] ?? 'kept'}
                        onChange={(v) => setChoice((c) => ({ ...c, [f]: v as Choice }))}
                        label={t('inbox.chooseFor', { field: label })}
                        styles={{ label: { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' } }}
                      >
                        <Group gap="sm">
                          <Radio value="kept" label={t('inbox.useInUse')} />
                          <Radio value="other" label={t('inbox.useOther')} />
                        </Group>
                      </Radio.Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        <Group>
          {conflict.kind === 'field' && !combining && (
            <>
              <Button onClick={() => void act('kept', null)} loading={busy}>
                {t('inbox.keepInUse')}
              </Button>
              <Button variant="default" onClick={() => void act('other', pick(() => 'other'))} loading={busy}>
                {t('inbox.keepOther')}
              </Button>
              <Button variant="default" onClick={() => setCombining(true)}>
                {t('inbox.combine')}
              </Button>
            </>
          )}
          {combining && (
            <>
              <Button onClick={() => void act('combined', pick((f) => choice[f] ?? 'kept'))} loading={busy}>
                {t('inbox.saveCombined')}
              </Button>
              <Button variant="default" onClick={() => setCombining(false)}>
                {t('inbox.cancel')}
              </Button>
            </>
          )}
          {conflict.kind === 'deleted-edited' && (
            <>
              <Button onClick={() => void act('kept', null)} loading={busy}>
                {t('inbox.keepEdited')}
              </Button>
              <Button color="red" variant="light" onClick={() => void act('other', 'delete')} loading={busy}>
                {t('inbox.deleteAnyway')}
              </Button>
            </>
          )}
          {conflict.kind === 'cancelled-edited' && (
            <Button onClick={() => void act('kept', null)} loading={busy}>
              {t('inbox.keepCancelled')}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

function BookingClashCard({ clash }: { clash: BookingClash }) {
  const { t } = useTranslation('sync');
  const commands = useConflictCommands();
  const fmt = useFormat();
  const navigate = useNavigate();
  const { rooms } = useRooms(true);
  const roomName = (id: string) => rooms.find((r) => r.id === id)?.name ?? id;
  const when = (b: { start: string; end: string }) => `${fmt.dateTime(b.start)}–${fmt.time(b.end)}`;
  const one = (b: BookingDoc) => (
    <Card withBorder padding="sm" key={b.id} style={{ flex: 1, minWidth: 260 }}>
      <Stack gap={4}>
        <Text fw={700}>{b.title || t('inbox.untitled')}</Text>
        <Text>{t('clash.where', { room: roomName(b.roomId), when: when(b) })}</Text>
        <Text>{t('clash.organiser', { name: b.organiser.name || t('inbox.empty'), phone: b.organiser.phone || t('inbox.empty') })}</Text>
        <Who doc={b as unknown as Json} />
        <Button variant="default" mt="xs" onClick={() => void navigate(`/calendar?view=day&date=${b.start.slice(0, 10)}`)}>
          {t('clash.move', { title: b.title || t('inbox.untitled') })}
        </Button>
      </Stack>
    </Card>
  );
  return (
    <Card withBorder padding="md" component="article" aria-label={t('clash.bookingTitle')}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4">
            {t('clash.bookingTitle')}
          </Title>
          <Badge color="red" variant="light" size="lg">
            {t('kinds.booking-overlap')}
          </Badge>
        </Group>
        <Text>{t('kindHelp.booking-overlap')}</Text>
        <Group align="stretch">{clash.bookings.map(one)}</Group>
        <Text fw={700}>{t('clash.alternatives')}</Text>
        {clash.alternatives.length === 0 ? (
          <Text c="dimmed">{t('clash.noAlternatives')}</Text>
        ) : (
          <List>
            {clash.alternatives.map((s) => (
              <List.Item key={`${s.roomId}|${s.sections.join(',')}|${s.start}`}>
                {t('clash.slot', { room: roomName(s.roomId), sections: s.sections.length ? s.sections.join(', ') : t('clash.wholeRoom'), from: fmt.dateTime(s.start), to: fmt.time(s.end) })}
              </List.Item>
            ))}
          </List>
        )}
        <Group>
          <Button onClick={() => void commands.dismissClash(clash.key, 'bookings')}>{t('clash.resolved')}</Button>
        </Group>
      </Stack>
    </Card>
  );
}

function LoanClashCard({ clash }: { clash: LoanClash }) {
  const { t } = useTranslation('sync');
  const commands = useConflictCommands();
  const fmt = useFormat();
  const navigate = useNavigate();
  return (
    <Card withBorder padding="md" component="article" aria-label={t('clash.loanTitle', { item: clash.item.name })}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4">
            {t('clash.loanTitle', { item: clash.item.name })}
          </Title>
          <Badge color="red" variant="light" size="lg">
            {t('kinds.over-lent')}
          </Badge>
        </Group>
        <Text>{t('clash.overLent', { owned: clash.owned, out: clash.out })}</Text>
        <List>
          {clash.loans.map((l) => (
            <List.Item key={l.id}>
              {t('clash.loan', { name: l.borrower.name || t('inbox.empty'), phone: l.borrower.phone || t('inbox.empty'), at: fmt.dateTime(l.outAt) })}
            </List.Item>
          ))}
        </List>
        <Group>
          <Button variant="default" onClick={() => void navigate('/loans')}>
            {t('clash.openLoans')}
          </Button>
          <Button onClick={() => void commands.dismissClash(clash.key, 'loans')}>{t('clash.resolved')}</Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** /conflicts: everything sync asks a person to decide, with both sides shown. */
export default function ConflictsInbox() {
  const { t } = useTranslation('sync');
  const inbox = useInbox();
  return (
    <Stack gap="lg" maw={1100}>
      <Title order={2}>{t('inbox.title')}</Title>
      <Text role="status">{inbox.loading ? t('inbox.loading') : inbox.count === 0 ? t('inbox.none') : t('inbox.count', { count: inbox.count })}</Text>
      {inbox.held.length > 0 && (
        <Alert color="orange" title={t('held.title')}>
          {t('held.body', { count: inbox.held.length })}
          <UpdateAction />
        </Alert>
      )}
      {inbox.conflicts.map((c) => (
        <ConflictCard key={c.id} conflict={c} />
      ))}
      {inbox.bookingClashes.map((c) => (
        <BookingClashCard key={c.key} clash={c} />
      ))}
      {inbox.loanClashes.map((c) => (
        <LoanClashCard key={c.key} clash={c} />
      ))}
    </Stack>
  );
}
