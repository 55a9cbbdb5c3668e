import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Alert, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { findItemByCode, type ItemDoc, type LoanDoc } from './domain';
import { useNow } from './hooks';
import { LendForm } from './counter/LendForm';
import { ReturnForm } from './counter/ReturnForm';
import type { CounterMessage } from './counter/types';
import { useLend } from './counter/useLend';
import { useQuantityFocus } from './counter/useQuantityFocus';
import { useReturn } from './counter/useReturn';

export type CounterMode = 'lend' | 'return';
export interface CounterApi {
  scan: (code: string) => void;
  openReturn: (loanId: string) => void;
}

const COLORS = { ok: 'green', warn: 'yellow', error: 'red' } as const;

/**
 * The counter: lend (borrower, scanned lines, due date, deposit) and take back (scan or open a loan).
 * This component routes a scan to the form of the current mode and says what happened; each form's state and
 * write live in counter/useLend.ts and counter/useReturn.ts, the quantity-field focus in counter/useQuantityFocus.ts.
 */
export function CounterTab({ items, loans, register }: { items: ItemDoc[]; loans: LoanDoc[]; register: (api: CounterApi) => void }) {
  const { t } = useTranslation('loans');
  const now = useNow();
  const [mode, setMode] = useState<CounterMode>('lend');
  const [message, setMessage] = useState<CounterMessage>(null);
  const [scanValue, setScanValue] = useState('');
  const byId = useMemo(() => new Map(items.map((i) => [i.id, i])), [items]);
  const focus = useQuantityFocus();
  const lend = useLend({ loans, now, byId, focus });
  const ret = useReturn({ loans, byId, focus, onStart: () => setMode('return') });

  const scan = (raw: string) => {
    const code = raw.trim();
    if (!code) return;
    const item = findItemByCode(items, code);
    if (!item) return setMessage({ kind: 'error', text: t('scan.unknown', { code }) });
    setMessage(mode === 'return' ? ret.scan(item) : lend.add(item));
  };

  // The page-wide scanner and the On loan tab talk to the counter through this.
  useEffect(() => {
    register({
      scan,
      openReturn: (loanId) => {
        const loan = loans.find((l) => l.id === loanId);
        if (loan) ret.start(loan);
      },
    });
  });

  /** Runs a form's write; its message replaces the counter's (a failed write keeps the last one). */
  const submit = (write: () => Promise<CounterMessage>) => async (e: FormEvent) => {
    e.preventDefault();
    const said = await write();
    if (said) setMessage(said);
  };

  return (
    <Stack gap="md">
      <Group align="flex-end" wrap="wrap">
        <SegmentedControl
          size="md"
          aria-label={t('counter.mode')}
          value={mode}
          onChange={(v) => {
            setMode(v as CounterMode);
            setMessage(null);
          }}
          data={[
            { value: 'lend', label: t('counter.lend') },
            { value: 'return', label: t('counter.return') },
          ]}
        />
        <TextInput
          w={360}
          label={t('scan.label')}
          description={t('scan.hint')}
          value={scanValue}
          onChange={(e) => setScanValue(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              scan(scanValue);
              setScanValue('');
            }
          }}
          autoComplete="off"
        />
      </Group>
      <div aria-live="polite">
        {message && (
          <Alert color={COLORS[message.kind]} role={message.kind === 'ok' ? 'status' : 'alert'} title={t(`message.${message.kind}`)}>
            <Text size="lg">{message.text}</Text>
          </Alert>
        )}
      </div>

      {mode === 'lend' ? (
        <LendForm lend={lend} byId={byId} focus={focus} onSubmit={submit(lend.submit)} />
      ) : (
        <ReturnForm ret={ret} loans={loans} byId={byId} focus={focus} onChoose={(loan) => setMessage(ret.choose(loan))} onSubmit={submit(ret.submit)} />
      )}
    </Stack>
  );
}
