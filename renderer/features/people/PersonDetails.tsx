import { useState } from 'react';
import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Modal } from '../../app/dialogs';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { GroupDoc, PersonDoc } from '@shared/db';
import type { SearchHit, SearchOptions } from '@shared/people/search';
import { useFormat } from '../../app/format';
import { usePeopleActions, usePersonLinks, type PersonFields } from './hooks';
import { PersonForm } from './PersonForm';
import { PersonPicker } from './PersonPicker';
import { EraseDialog } from './EraseDialog';

interface Props {
  person: PersonDoc;
  people: PersonDoc[];
  groups: GroupDoc[];
  peopleById: Map<string, PersonDoc>;
  search: (query: string, options?: SearchOptions) => SearchHit[];
}

function fieldsOf(p: PersonDoc): PersonFields {
  const { id: _i, createdAt: _c, updatedAt: _u, updatedBy: _b, ...fields } = p;
  return fields;
}

/** A person's page: data, consent, groups, and their visits, bookings and loans; edit, merge, export, erase. */
export function PersonDetails({ person, people, groups, peopleById, search }: Props) {
  const { t } = useTranslation('people');
  const fmt = useFormat();
  const actions = usePeopleActions();
  const links = usePersonLinks(person.id, people);
  const [dialog, setDialog] = useState<'edit' | 'merge' | 'erase' | null>(null);
  const memberOf = groups.filter((g) => g.memberIds.includes(person.id) || g.contactPersonId === person.id);

  const exportData = async () => {
    const ok = await actions.exportData(person.id);
    if (ok) notifications.show({ color: 'green', message: t('export.done') });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="person-title">
      <Stack>
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={3} id="person-title">
              {person.erased ? t('erasedPerson') : person.name}
            </Title>
            <Group gap="xs" mt={4}>
              {person.resident && <Badge>{t('resident')}</Badge>}
              {person.erased && <Badge color="gray">{t('erasedBadge')}</Badge>}
              {person.tags.map((tag) => (
                <Badge key={tag} variant="light" color="teal">
                  {tag}
                </Badge>
              ))}
            </Group>
          </div>
          {!person.erased && (
            <Group gap="xs">
              <Button onClick={() => setDialog('edit')}>{t('edit')}</Button>
              <Button variant="default" onClick={() => setDialog('merge')}>
                {t('merge.open')}
              </Button>
              <Button variant="default" onClick={() => void exportData()}>
                {t('export.open')}
              </Button>
              <Button variant="light" color="red" onClick={() => setDialog('erase')}>
                {t('erase.open')}
              </Button>
            </Group>
          )}
        </Group>
        {/* A long e-mail or group name wraps inside the card instead of running past it (at 1024 px the card is ~430 px). */}
        {!person.erased && (
          <Table variant="vertical" fz="md" layout="fixed" aria-label={t('contacts')} style={{ overflowWrap: 'anywhere' }}>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w="40%">{t('fields.phone')}</Table.Th>
                <Table.Td>{person.phone || '—'}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('fields.email')}</Table.Th>
                <Table.Td>{person.email || '—'}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('consent')}</Table.Th>
                <Table.Td>
                  {person.consent?.given
                    ? t('consentGiven', { date: person.consent.date ? fmt.date(person.consent.date) : '—', by: person.consent.recordedBy || '—' })
                    : t('consentMissing')}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('groupsTitle')}</Table.Th>
                <Table.Td>{memberOf.map((g) => g.name).join(', ') || '—'}</Table.Td>
              </Table.Tr>
              {person.notes && (
                <Table.Tr>
                  <Table.Th>{t('fields.notes')}</Table.Th>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{person.notes}</Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        )}

        <Title order={4}>{t('visitsTitle', { count: links.visits.length })}</Title>
        {links.visits.length === 0 ? (
          <Text c="dimmed">{t('none')}</Text>
        ) : (
          <Table fz="md" aria-label={t('visitsTitle', { count: links.visits.length })}>
            <Table.Tbody>
              {links.visits.slice(0, 50).map((v) => (
                <Table.Tr key={v.id}>
                  <Table.Td>{fmt.dateTime(v.timeIn)}</Table.Td>
                  <Table.Td>{t(`purposes.${v.purpose}`)}</Table.Td>
                  <Table.Td>{v.adults + v.children > 0 ? t('companions', { adults: v.adults, children: v.children }) : ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Title order={4}>{t('bookingsTitle', { count: links.bookings.length })}</Title>
        {links.bookings.length === 0 ? (
          <Text c="dimmed">{t('none')}</Text>
        ) : (
          <Table fz="md" aria-label={t('bookingsTitle', { count: links.bookings.length })}>
            <Table.Tbody>
              {links.bookings.slice(0, 50).map((b) => (
                <Table.Tr key={b.id}>
                  <Table.Td>{fmt.dateTime(b.start)}</Table.Td>
                  <Table.Td>{b.title}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Title order={4}>{t('loansTitle', { count: links.loans.length })}</Title>
        {links.loans.length === 0 ? (
          <Text c="dimmed">{t('none')}</Text>
        ) : (
          <Table fz="md" aria-label={t('loansTitle', { count: links.loans.length })}>
            <Table.Tbody>
              {links.loans.slice(0, 50).map((l) => (
                <Table.Tr key={l.id}>
                  <Table.Td>{fmt.dateTime(l.outAt)}</Table.Td>
                  <Table.Td>{t(`loanStatus.${l.status}`)}</Table.Td>
                  <Table.Td>{t('loanItems', { count: l.lines.reduce((n, line) => n + line.quantity, 0) })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>

      {dialog === 'edit' && (
        <PersonForm
          title={t('editPerson')}
          initial={fieldsOf(person)}
          onClose={() => setDialog(null)}
          onSave={async (fields) => {
            await actions.savePerson(fields, person.id);
          }}
        />
      )}
      {dialog === 'merge' && <MergeDialog person={person} peopleById={peopleById} search={search} onClose={() => setDialog(null)} />}
      {dialog === 'erase' && <EraseDialog person={person} onClose={() => setDialog(null)} />}
    </Paper>
  );
}

function MergeDialog({ person, peopleById, search, onClose }: { person: PersonDoc; peopleById: Map<string, PersonDoc>; search: Props['search']; onClose: () => void }) {
  const { t } = useTranslation('people');
  const actions = usePeopleActions();
  const [duplicateId, setDuplicateId] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const duplicate = peopleById.get(duplicateId);

  const confirm = async () => {
    if (!duplicateId || busy) return;
    setBusy(true);
    try {
      const code = await actions.merge(person.id, duplicateId);
      if (code) setError(t(`errors.${code}`));
      else {
        notifications.show({ color: 'green', message: t('merge.done', { name: person.name }) });
        onClose();
      }
    } catch {
      setError(t('errors.saveFailed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('merge.title', { name: person.name })} size="lg">
      <Stack>
        <Text>{t('merge.explain', { name: person.name })}</Text>
        <PersonPicker label={t('merge.duplicate')} search={search} peopleById={peopleById} value={duplicateId} onChange={setDuplicateId} exclude={[person.id]} />
        {duplicate && (
          <Alert color="yellow" role="status">
            {t('merge.confirmText', { duplicate: duplicate.name, survivor: person.name })}
          </Alert>
        )}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button disabled={!duplicate} loading={busy} onClick={() => void confirm()}>
            {t('merge.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
