import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Alert, Button, Checkbox, Group, NumberInput, Paper, Radio, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { VISIT_PURPOSES, type BookingDoc, type PersonDoc, type VisitPurpose } from '@shared/db';
import { isCloseHit, type SearchHit, type SearchOptions } from '@shared/people/search';
import type { SignInInput } from '@shared/visits';
import { useFormat } from '../../app/format';
import { useVisitActions } from './hooks';

interface Props {
  search: (query: string, options?: SearchOptions) => SearchHit[];
  peopleById: Map<string, PersonDoc>;
  bookings: BookingDoc[];
}

const MAX_SUGGESTIONS = 6;

type Status = { kind: 'ok' | 'warn'; text: string } | null;

const toCount = (v: number | string): number => (v === '' ? 0 : typeof v === 'number' ? v : Number(v));

/**
 * The door: type a name (or phone digits), Enter signs in the top match; arrows pick another match or
 * "new visitor" for a free name. Purpose, today's booking and companions apply to the next sign-in.
 */
export function SignInPanel({ search, peopleById, bookings }: Props) {
  const { t } = useTranslation('visitors');
  const fmt = useFormat();
  const { signIn } = useVisitActions();
  const listId = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  const [name, setName] = useState('');
  const [active, setActive] = useState(0);
  const [purpose, setPurpose] = useState<VisitPurpose>('visit');
  const [bookingId, setBookingId] = useState('');
  const [adults, setAdults] = useState<number | string>(0);
  const [children, setChildren] = useState<number | string>(0);
  const [resident, setResident] = useState(true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<Status>(null);
  const busy = useRef(false);
  /** False from a successful sign-in until something is typed again: a repeated Enter/click is ignored. */
  const typedSinceSignIn = useRef(true);

  const hits = useMemo(() => (name.trim() ? search(name, { kind: 'person', limit: MAX_SUGGESTIONS }) : []), [name, search]);
  // Options: the close matches (the name as typed or its beginning), then "new visitor: <typed name>" (only
  // when letters were typed), then matches found only with a typo allowed. The first option is pre-selected,
  // so Enter never signs in a typo-tolerant match: with no close match it makes a new visitor.
  const freeName = /\p{L}/u.test(name) ? name.trim() : '';
  const options = useMemo<(SearchHit | null)[]>(
    () => [...hits.filter(isCloseHit), ...(freeName ? [null] : []), ...hits.filter((h) => !isCloseHit(h))],
    [hits, freeName],
  );
  const optionCount = options.length;
  const activeIndex = Math.min(active, Math.max(0, optionCount - 1));

  const submit = async (index: number) => {
    if (busy.current) return;
    if (!typedSinceSignIn.current) return;
    const hit = options[index] ?? undefined;
    const person = hit ? peopleById.get(hit.id) : undefined;
    const input: SignInInput = {
      personId: person?.id ?? '',
      name: person ? '' : freeName || name,
      resident: person ? person.resident : resident,
      purpose,
      bookingId: purpose === 'club' || purpose === 'event' ? bookingId : '',
      adults: toCount(adults),
      children: toCount(children),
    };
    busy.current = true;
    try {
      const result = await signIn(input);
      if (result.ok) {
        const who = person?.name ?? input.name;
        setStatus({ kind: 'ok', text: t('signedIn', { name: who, time: fmt.time(result.visit.timeIn) }) });
        setErrors({});
        setName('');
        setActive(0);
        setAdults(0);
        setChildren(0);
        setResident(true);
        typedSinceSignIn.current = false;
      } else if ('duplicate' in result) {
        const who = person?.name ?? input.name;
        setStatus({ kind: 'warn', text: t('alreadyIn', { name: who, time: fmt.time(result.duplicate.timeIn) }) });
      } else {
        setErrors(Object.fromEntries(result.errors.map((e) => [e.field, t(`errors.${e.code}`)])));
        setStatus(null);
      }
    } catch {
      setStatus({ kind: 'warn', text: t('errors.saveFailed') });
    } finally {
      busy.current = false;
      nameRef.current?.focus();
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' && optionCount > 0) {
      e.preventDefault();
      setActive((activeIndex + 1) % optionCount);
    } else if (e.key === 'ArrowUp' && optionCount > 0) {
      e.preventDefault();
      setActive((activeIndex - 1 + optionCount) % optionCount);
    } else if (e.key === 'Escape') {
      setName('');
      setActive(0);
    }
  };

  const optionId = (i: number) => `${listId}-opt-${i}`;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`${listId}-title`}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit(activeIndex);
        }}
      >
        <Stack>
          <Title order={3} id={`${listId}-title`}>
            {t('door.title')}
          </Title>
          <TextInput
            ref={nameRef}
            size="xl"
            label={t('door.name')}
            description={t('door.nameHint')}
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value);
              typedSinceSignIn.current = true;
              setActive(0);
              setErrors((prev) => ({ ...prev, name: '' }));
            }}
            onKeyDown={onKeyDown}
            error={errors.name || undefined}
            autoFocus
            autoComplete="off"
            role="combobox"
            aria-expanded={optionCount > 0}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={optionCount > 0 ? optionId(activeIndex) : undefined}
          />
          <ul id={listId} role="listbox" aria-label={t('door.matches')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {options.map((h, i) =>
              h ? (
                <li
                  key={h.id}
                  id={optionId(i)}
                  role="option"
                  aria-selected={i === activeIndex}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => void submit(i)}
                  style={optionStyle(i === activeIndex)}
                >
                  <Text fz="lg" fw={600} span>
                    {h.name}
                  </Text>{' '}
                  <Text span c="dimmed">
                    {[h.phone, peopleById.get(h.id)?.resident ? t('door.resident') : '', isCloseHit(h) ? '' : t('door.similar')].filter(Boolean).join(' · ')}
                  </Text>
                </li>
              ) : (
                <li
                  key="new"
                  id={optionId(i)}
                  role="option"
                  aria-selected={activeIndex === i}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => void submit(i)}
                  style={optionStyle(activeIndex === i)}
                >
                  <Text fz="lg" span>
                    {t('door.newVisitor', { name: freeName })}
                  </Text>
                </li>
              ),
            )}
          </ul>
          {optionCount > 0 && (
            <Text size="sm" c="dimmed">
              {t('door.keysHint')}
            </Text>
          )}
          <Radio.Group label={t('door.purpose')} value={purpose} onChange={(v) => setPurpose(v as VisitPurpose)}>
            <Group mt="xs" gap="lg">
              {VISIT_PURPOSES.map((p) => (
                <Radio key={p} value={p} label={t(`purposes.${p}`)} size="md" />
              ))}
            </Group>
          </Radio.Group>
          {(purpose === 'club' || purpose === 'event') && (
            <Select
              label={t('door.booking')}
              placeholder={bookings.length ? t('door.bookingPick') : t('door.noBookings')}
              data={bookings.map((b) => ({ value: b.id, label: `${fmt.time(b.start)} ${b.title}` }))}
              value={bookingId || null}
              onChange={(v) => setBookingId(v ?? '')}
              clearable
            />
          )}
          <Group grow align="flex-start">
            <NumberInput label={t('door.adults')} value={adults} onChange={setAdults} allowDecimal={false} error={errors.adults || undefined} />
            <NumberInput label={t('door.children')} value={children} onChange={setChildren} allowDecimal={false} error={errors.children || undefined} />
          </Group>
          <Checkbox label={t('door.freeResident')} checked={resident} onChange={(e) => setResident(e.currentTarget.checked)} />
          <Group>
            <Button type="submit" size="lg">
              {t('door.signIn')}
            </Button>
          </Group>
          <div aria-live="polite" role="status">
            {status && (
              <Alert color={status.kind === 'ok' ? 'green' : 'yellow'} p="sm">
                <Text fz="lg">{status.text}</Text>
              </Alert>
            )}
          </div>
        </Stack>
      </form>
    </Paper>
  );
}

function optionStyle(active: boolean) {
  return {
    padding: '8px 12px',
    borderRadius: 6,
    cursor: 'pointer',
    background: active ? 'var(--mantine-color-blue-1)' : undefined,
    outline: active ? '2px solid var(--mantine-color-blue-6)' : undefined,
  };
}
