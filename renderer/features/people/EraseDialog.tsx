import { useEffect, useState } from 'react';
import { Alert, Button, Checkbox, Group, Loader, ScrollArea, Stack, Text } from '@mantine/core';
import { Modal } from '../../app/dialogs';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { PersonDoc } from '@shared/db';
import type { ErasureConfirmed, ErasureMatches } from '@shared/visits/privacy';
import { useFormat } from '../../app/format';
import { usePeopleActions } from './hooks';

type Kind = keyof ErasureMatches;
const KINDS: Kind[] = ['visits', 'loans', 'bookings', 'series', 'groups'];
/** More typed-in matches than this are not listed one by one (the volunteer can tick all of them). */
const MAX_LISTED = 200;

/** One line per typed-in record, so the volunteer can tell the person from a namesake. */
function useMatchLabel() {
  const { t } = useTranslation('people');
  const fmt = useFormat();
  return (kind: Kind, m: ErasureMatches, id: string): string => {
    switch (kind) {
      case 'visits': {
        const v = m.visits.find((x) => x.id === id)!;
        return t('erase.match.visit', { date: fmt.dateTime(v.timeIn), name: v.name, purpose: t(`purposes.${v.purpose}`) });
      }
      case 'loans': {
        const l = m.loans.find((x) => x.id === id)!;
        return t('erase.match.loan', { date: fmt.dateTime(l.outAt), name: l.borrower.name || '—', phone: l.borrower.phone || '—' });
      }
      case 'bookings': {
        const b = m.bookings.find((x) => x.id === id)!;
        return t('erase.match.booking', { date: fmt.dateTime(b.start), title: b.title, name: b.organiser.name || '—', phone: b.organiser.phone || '—' });
      }
      case 'series': {
        const s = m.series.find((x) => x.id === id)!;
        return t('erase.match.series', { title: s.template.title, name: s.template.organiser.name || '—', phone: s.template.organiser.phone || '—' });
      }
      case 'groups': {
        const g = m.groups.find((x) => x.id === id)!;
        return t('erase.match.group', { title: g.name, name: g.contactName || '—', phone: g.contactPhone || '—' });
      }
    }
  };
}

/**
 * Erasure on request, with a confirmation step. Records typed in by hand with the same name or phone (not
 * linked to the person: they may be a namesake) are listed unticked; only the ticked ones are cleared too.
 */
export function EraseDialog({ person, onClose }: { person: PersonDoc; onClose: () => void }) {
  const { t } = useTranslation('people');
  const actions = usePeopleActions();
  const label = useMatchLabel();
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const [matches, setMatches] = useState<ErasureMatches | null>(null);
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const { nameMatches } = actions;

  useEffect(() => {
    let live = true;
    nameMatches(person.id).then(
      (m) => live && setMatches(m),
      () => live && setMatches({ visits: [], loans: [], bookings: [], series: [], groups: [] }),
    );
    return () => {
      live = false;
    };
  }, [nameMatches, person.id]);

  const rows = matches ? KINDS.flatMap((kind) => matches[kind].map((d) => ({ kind, id: d.id, key: `${kind}/${d.id}` }))) : [];
  const toggle = (key: string, on: boolean) =>
    setTicked((prev) => {
      const next = new Set(prev);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });

  const confirm = async () => {
    if (!checked || busy || !matches) return;
    setBusy(true);
    try {
      const confirmed: ErasureConfirmed = Object.fromEntries(KINDS.map((kind) => [kind, rows.filter((r) => r.kind === kind && ticked.has(r.key)).map((r) => r.id)]));
      if (!(await actions.erase(person.id, confirmed))) return; // no coordinator approved it: the dialog stays
      notifications.show({ color: 'green', message: t('erase.done') });
      onClose();
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('erase.title', { name: person.name })} size="xl">
      <Stack>
        <Text>{t('erase.explain')}</Text>
        {!matches ? (
          <Group gap="xs">
            <Loader size="sm" />
            <Text>{t('erase.looking')}</Text>
          </Group>
        ) : rows.length > 0 ? (
          <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
            <Text component="legend" fw={600}>
              {t('erase.matchesTitle', { count: rows.length, name: person.name })}
            </Text>
            <Text size="sm">{t('erase.matchesHint')}</Text>
            <Checkbox
              label={t('erase.matchesAll')}
              checked={ticked.size === rows.length}
              indeterminate={ticked.size > 0 && ticked.size < rows.length}
              onChange={(e) => setTicked(e.currentTarget.checked ? new Set(rows.map((r) => r.key)) : new Set())}
            />
            <ScrollArea.Autosize mah={260} type="auto">
              <Stack gap={6} pl="md">
                {rows.slice(0, MAX_LISTED).map((r) => (
                  <Checkbox key={r.key} label={label(r.kind, matches, r.id)} checked={ticked.has(r.key)} onChange={(e) => toggle(r.key, e.currentTarget.checked)} />
                ))}
              </Stack>
            </ScrollArea.Autosize>
            {rows.length > MAX_LISTED && <Text size="sm">{t('erase.matchesMore', { count: rows.length - MAX_LISTED })}</Text>}
          </Stack>
        ) : null}
        <Checkbox label={t('erase.check', { name: person.name })} checked={checked} onChange={(e) => setChecked(e.currentTarget.checked)} />
        {failed && (
          <Alert color="red" role="alert">
            {t('errors.saveFailed')}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button color="red" disabled={!checked || !matches} loading={busy} onClick={() => void confirm()}>
            {t('erase.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
