import { useMemo } from 'react';
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { buildPeopleIndex, searchPeople } from '@shared/people/search';
import type { Borrower } from './domain';
import { usePeople } from './hooks';

export const NO_BORROWER: Borrower = { personId: '', groupId: '', name: '', phone: '' };

/** Borrower: picked from the people directory (find-as-you-type by name or phone) or typed in as name + phone. */
export function BorrowerPicker({ value, onChange, idPrefix }: { value: Borrower; onChange: (b: Borrower) => void; idPrefix: string }) {
  const { t } = useTranslation('loans');
  const people = usePeople();
  const index = useMemo(() => buildPeopleIndex(people, []), [people]);
  const query = `${value.name} ${value.phone}`.trim();
  const hits = useMemo(
    () => (value.personId || query.length < 2 ? [] : searchPeople(index, query, { limit: 5, kind: 'person' })),
    [index, query, value.personId],
  );
  return (
    <Stack gap="xs">
      <Group grow align="flex-start">
        <TextInput
          id={`${idPrefix}-name`}
          label={t('borrower.name')}
          description={value.personId ? t('borrower.fromDirectory') : t('borrower.hint')}
          value={value.name}
          onChange={(e) => onChange({ ...value, personId: '', groupId: '', name: e.currentTarget.value })}
          autoComplete="off"
        />
        <TextInput
          id={`${idPrefix}-phone`}
          label={t('borrower.phone')}
          type="tel"
          value={value.phone}
          onChange={(e) => onChange({ ...value, personId: '', groupId: '', phone: e.currentTarget.value })}
          autoComplete="off"
        />
      </Group>
      {hits.length > 0 && (
        <Group gap="xs" role="group" aria-label={t('borrower.matches')}>
          <Text size="sm">{t('borrower.matches')}:</Text>
          {hits.map((h) => (
            <Button key={h.id} size="sm" variant="light" onClick={() => onChange({ personId: h.id, groupId: '', name: h.name, phone: h.phone })}>
              {h.phone ? `${h.name}, ${h.phone}` : h.name}
            </Button>
          ))}
        </Group>
      )}
    </Stack>
  );
}
