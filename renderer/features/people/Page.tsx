import { memo, useMemo, useState } from 'react';
import { Badge, Button, Grid, Group, Paper, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SectionTabs } from '../../app/SectionTabs';
import type { GroupDoc, PersonDoc } from '@shared/db';
import type { SearchHit, SearchOptions } from '@shared/people/search';
import { isSearchablePerson } from '@shared/people/search';
import { useDirectory, usePeopleActions, type GroupFields } from './hooks';
import { VirtualList } from './VirtualList';
import './people.css';
import { PersonForm } from './PersonForm';
import { GroupForm } from './GroupForm';
import { PersonDetails } from './PersonDetails';

type Tab = 'people' | 'groups';
interface Row {
  id: string;
  name: string;
  detail: string;
}

const collator = new Intl.Collator('ru');

/** The directory of people and groups, with find-as-you-type. */
export default function PeoplePage() {
  const { t } = useTranslation('people');
  const { people, groups, peopleById, search } = useDirectory();
  const actions = usePeopleActions();
  const [tab, setTab] = useState<Tab>('people');
  const [selected, setSelected] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'person' | 'group' | 'editGroup' | null>(null);

  const person = tab === 'people' && selected ? peopleById.get(selected) : undefined;
  const group = tab === 'groups' && selected ? groups.find((g) => g.id === selected) : undefined;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('title')}</Title>
        <Group>
          <Button onClick={() => setDialog('person')}>{t('addPerson')}</Button>
          <Button variant="default" onClick={() => setDialog('group')}>
            {t('addGroup')}
          </Button>
        </Group>
      </Group>
      <Tabs
        value={tab}
        onChange={(v) => {
          setTab((v as Tab) ?? 'people');
          setSelected(null);
        }}
      >
        <SectionTabs values={['people', 'groups']} labelOf={(v) => t(`tabs.${v}`)} />
        {/* Both panels exist (the tabs' aria-controls point at them); the list and details show in the active one. */}
        {(['people', 'groups'] as const).map((value) => (
          <Tabs.Panel key={value} value={value} pt="md">
            {tab === value && (
            <Grid>
              <Grid.Col span={{ base: 12, md: 5 }}>
                <SearchColumn tab={tab} people={people} groups={groups} search={search} selected={selected} onSelect={setSelected} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 7 }}>
                {person && <PersonDetails key={person.id} person={person} people={people} groups={groups} peopleById={peopleById} search={search} />}
                {group && <GroupDetails group={group} peopleById={peopleById} onEdit={() => setDialog('editGroup')} />}
                {!person && !group && (
                  <Paper withBorder p="md">
                    <Text c="dimmed">{t('pickHint')}</Text>
                  </Paper>
                )}
              </Grid.Col>
            </Grid>
            )}
          </Tabs.Panel>
        ))}
      </Tabs>

      {dialog === 'person' && (
        <PersonForm
          title={t('addPerson')}
          onClose={() => setDialog(null)}
          onSave={async (fields) => {
            const id = await actions.savePerson(fields);
            setTab('people');
            setSelected(id);
          }}
        />
      )}
      {(dialog === 'group' || (dialog === 'editGroup' && group)) && (
        <GroupForm
          title={dialog === 'group' ? t('addGroup') : t('editGroup')}
          initial={dialog === 'editGroup' && group ? groupFields(group) : undefined}
          search={search}
          peopleById={peopleById}
          onClose={() => setDialog(null)}
          onSave={async (fields) => {
            const id = await actions.saveGroup(fields, dialog === 'editGroup' ? group?.id : undefined);
            setTab('groups');
            setSelected(id);
          }}
        />
      )}
    </Stack>
  );
}

interface SearchColumnProps {
  tab: Tab;
  people: PersonDoc[];
  groups: GroupDoc[];
  search: (query: string, options?: SearchOptions) => SearchHit[];
  selected: string | null;
  onSelect: (id: string) => void;
}

/**
 * The search field and the list of what it finds. The typed text lives here, so a keystroke renders this
 * column only (not the page's header, tabs and details), and of the list only the rows that are new.
 */
const SearchColumn = memo(function SearchColumn({ tab, people, groups, search, selected, onSelect }: SearchColumnProps) {
  const { t } = useTranslation('people');
  const [query, setQuery] = useState('');
  // The whole directory in name order, sorted once per change of it (not again each time the field is emptied).
  const everyone: Row[] = useMemo(() => {
    const list =
      tab === 'people'
        ? people.filter(isSearchablePerson).map((p) => ({ id: p.id, name: p.name, detail: p.phone }))
        : groups.filter((g) => !g.archived).map((g) => ({ id: g.id, name: g.name, detail: t(`kinds.${g.kind}`) }));
    return list.sort((a, b) => collator.compare(a.name, b.name));
  }, [tab, people, groups, t]);
  const rows: Row[] = useMemo(
    () => (query.trim() ? search(query, { kind: tab === 'people' ? 'person' : 'group', limit: 500 }).map((h) => ({ id: h.id, name: h.name, detail: h.phone })) : everyone),
    [query, tab, search, everyone],
  );
  return (
    <Stack gap="xs">
      <TextInput size="lg" type="search" label={t('search')} description={t('searchHint')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} autoFocus />
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('found', { count: rows.length })}
      </Text>
      <VirtualList
        items={rows}
        label={tab === 'people' ? t('tabs.people') : t('tabs.groups')}
        getKey={(r) => r.id}
        renderRow={(r) => <PersonRow id={r.id} name={r.name} detail={r.detail} selected={selected === r.id} onSelect={onSelect} />}
      />
    </Stack>
  );
});

/**
 * One row of the list, memoised on its own fields: rows that stay in the results are not rendered again.
 * Plain elements styled by people.css: new rows appear on every keystroke.
 */
const PersonRow = memo(function PersonRow({ id, name, detail, selected, onSelect }: { id: string; name: string; detail: string; selected: boolean; onSelect: (id: string) => void }) {
  return (
    <button type="button" className="desk-person-row mantine-focus-auto" onClick={() => onSelect(id)} aria-current={selected ? 'true' : undefined}>
      <span className="desk-person-name">{name}</span>
      <span className="desk-person-detail">{detail || ' '}</span>
    </button>
  );
});

function groupFields(g: GroupDoc): GroupFields {
  const { id: _i, createdAt: _c, updatedAt: _u, updatedBy: _b, ...fields } = g;
  return fields;
}

function GroupDetails({ group, peopleById, onEdit }: { group: GroupDoc; peopleById: Map<string, PersonDoc>; onEdit: () => void }) {
  const { t } = useTranslation('people');
  const contact = peopleById.get(group.contactPersonId);
  const members = group.memberIds.map((id) => peopleById.get(id)).filter((p): p is PersonDoc => !!p && !p.erased);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="group-title">
      <Stack>
        <Group justify="space-between">
          <div>
            <Title order={3} id="group-title">
              {group.name}
            </Title>
            <Group gap="xs" mt={4}>
              <Badge>{t(`kinds.${group.kind}`)}</Badge>
              {group.local && <Badge color="teal">{t('localBadge')}</Badge>}
            </Group>
          </div>
          <Button onClick={onEdit}>{t('edit')}</Button>
        </Group>
        <Table variant="vertical" fz="md" layout="fixed" aria-label={t('contacts')}>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={220}>{t('fields.contactPerson')}</Table.Th>
              <Table.Td>{[contact?.name ?? group.contactName, contact?.phone || group.contactPhone].filter(Boolean).join(' · ') || '—'}</Table.Td>
            </Table.Tr>
            {group.notes && (
              <Table.Tr>
                <Table.Th>{t('fields.notes')}</Table.Th>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{group.notes}</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
        <Title order={4}>{t('membersTitle', { count: members.length })}</Title>
        {members.length === 0 ? <Text c="dimmed">{t('none')}</Text> : <Text>{members.map((m) => m.name).join(', ')}</Text>}
      </Stack>
    </Paper>
  );
}
