import { useMemo, useState } from 'react';
import { Alert, Button, Group, NativeSelect, ScrollArea, Stack, Table, Text, Textarea } from '@mantine/core';
import { Modal } from '../../app/dialogs';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { getDesk } from '../../app/desk';
import { guessMapping, importItems, ITEM_FIELDS, parseCsv, type ColumnMapping, type ImportError, type ItemDoc } from './domain';
import { useLoanActions } from './hooks';
import { attemptWrite } from '../../app/writeFailure';

const PREVIEW_ROWS = 8;

/** CSV import: paste or open a file, map columns, preview, then import all rows or none. */
export function ImportModal({ items, onClose }: { items: ItemDoc[]; onClose: () => void }) {
  const { t } = useTranslation('loans');
  const actions = useLoanActions();
  const [text, setText] = useState('');
  const parsed = useMemo(() => (text.trim() ? parseCsv(text) : null), [text]);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [errors, setErrors] = useState<ImportError[]>([]);
  const headers = parsed?.headers ?? [];

  const load = (csv: string) => {
    setText(csv);
    const p = csv.trim() ? parseCsv(csv) : null;
    // Keep what the person chose for columns that are still there; guess the new ones.
    setMapping((prev) => (p ? Object.fromEntries(Object.entries(guessMapping(p.headers)).map(([h, f]) => [h, h in prev ? prev[h]! : f])) : {}));
    setErrors([]);
  };
  const openFile = async () => {
    const r = await getDesk().openFile({ filters: [{ name: 'CSV', extensions: ['csv', 'txt'] }] });
    if (r.ok) load(new TextDecoder().decode(r.bytes));
  };
  const run = async () => {
    if (!parsed) return;
    const r = importItems(parsed.rows, mapping, items.map((i) => i.code));
    if (!r.ok) return setErrors(r.errors);
    const attempt = await attemptWrite(() => actions.importItems(r.items));
    if (!attempt.ok) return; // a storage error, said in words; nothing went in and the file stays loaded
    if (!attempt.value) return setErrors([{ row: 0, field: '', code: 'import.parse' }]);
    notifications.show({ color: 'green', message: t('import.done', { n: r.items.length }) });
    onClose();
  };
  const fieldName = (f: string) => (f ? t(`item.${f}`) : t('import.fieldNone'));

  return (
    <Modal opened onClose={onClose} title={t('import.title')} size="90%">
      <Stack>
        <Text>{t('import.intro')}</Text>
        <Group>
          <Button variant="light" onClick={() => void openFile()}>
            {t('import.openFile')}
          </Button>
        </Group>
        <Textarea label={t('import.paste')} value={text} onChange={(e) => load(e.currentTarget.value)} autosize minRows={4} maxRows={10} styles={{ input: { fontFamily: 'monospace' } }} />
        {parsed && headers.length > 0 && (
          <>
            <Text fw={700}>{t('import.mapping')}</Text>
            <Group>
              {headers.map((h) => (
                <NativeSelect
                  key={h}
                  w={200}
                  label={t('import.column', { name: h })}
                  value={mapping[h] ?? ''}
                  onChange={(e) => {
                    const value = e.currentTarget.value as ColumnMapping[string];
                    setMapping((m) => ({ ...m, [h]: value }));
                  }}
                  data={['', ...ITEM_FIELDS].map((f) => ({ value: f, label: fieldName(f) }))}
                />
              ))}
            </Group>
            <Text fw={700}>{t('import.preview', { n: parsed.rows.length })}</Text>
            <ScrollArea>
              <Table aria-label={t('import.previewLabel')} fz="sm" withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('import.row')}</Table.Th>
                    {headers.map((h) => (
                      <Table.Th key={h}>
                        {h} → {fieldName(mapping[h] ?? '')}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {parsed.rows.slice(0, PREVIEW_ROWS).map((row, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>{i + 1}</Table.Td>
                      {headers.map((h) => (
                        <Table.Td key={h}>{row[h]}</Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
          </>
        )}
        {errors.length > 0 && (
          <Alert color="red" role="alert" title={t('import.failed')}>
            <ul>
              {errors.map((e, i) => (
                <li key={i}>
                  {t('import.errorLine', { row: e.row, field: fieldName(e.field), message: t(`errors.${e.code}`), value: e.value ?? '' })}
                </li>
              ))}
            </ul>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button onClick={() => void run()} disabled={!parsed || parsed.rows.length === 0}>
            {t('import.run', { n: parsed?.rows.length ?? 0 })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
