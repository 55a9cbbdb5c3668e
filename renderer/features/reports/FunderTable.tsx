import { Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { formatValue, funderTableTsv, type FunderRow, type ValueKind } from '@shared/reports';

/** "▲ +12 (+8 %)" / "▼ −3" / "= no change": direction in a symbol and words, never in colour alone. */
export function ChangeText({ row }: { row: Pick<FunderRow, 'change' | 'changeRatio' | 'previous' | 'kind'> }) {
  const { t, i18n } = useTranslation('reports');
  if (row.change === null || row.previous === null) return <Text span c="dimmed">{t('change.none')}</Text>;
  const abs = formatValue(Math.abs(row.change), row.kind, i18n.language);
  const pct = row.changeRatio !== null ? ` (${formatValue(row.changeRatio, 'share', i18n.language, true)})` : '';
  if (row.change === 0) return <Text span>{t('change.same')}</Text>;
  return <Text span fw={600}>{row.change > 0 ? t('change.up', { value: abs + pct }) : t('change.down', { value: `−${abs}${pct}` })}</Text>;
}

const KEY_FIGURES = ['visitEntries', 'uniquePeople', 'eventsHeld', 'attendanceTotal', 'hoursUsed', 'occupancy', 'loansMade', 'partnerOrganisations'];

export function KeyFigures({ rows }: { rows: FunderRow[] }) {
  const { t, i18n } = useTranslation('reports');
  const fmt = (v: number | null, kind: ValueKind) => formatValue(v, kind, i18n.language) || '—';
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md" role="list" aria-label={t('section.summary')}>
      {KEY_FIGURES.map((key) => rows.find((r) => r.key === key)!).map((r) => (
        <Paper key={r.key} withBorder p="md" role="listitem" data-testid={`figure-${r.key}`}>
          <Text size="md">{t(`indicator.${r.key}`)}</Text>
          <Text fz={34} fw={700} lh={1.2}>
            {fmt(r.current, r.kind)}
          </Text>
          <Text size="sm">
            <ChangeText row={r} />
          </Text>
          {r.previous !== null && (
            <Text size="sm" c="dimmed">
              {t('change.previous', { value: fmt(r.previous, r.kind) })}
            </Text>
          )}
        </Paper>
      ))}
    </SimpleGrid>
  );
}

export function FunderTable({
  rows,
  periodLabel,
  previousLabel,
  headingRef,
}: {
  rows: FunderRow[];
  periodLabel: string;
  previousLabel: string;
  /** The page's "Funder figures" button brings the focus here. */
  headingRef?: React.Ref<HTMLHeadingElement>;
}) {
  const { t, i18n } = useTranslation('reports');
  const locale = i18n.language;
  const copy = async () => {
    const text = funderTableTsv(rows, {
      header: [t('column.indicator'), periodLabel, previousLabel, t('column.change'), t('column.changePercent')],
      label: (k) => t(`indicator.${k}`),
      locale,
    });
    try {
      await navigator.clipboard.writeText(text);
      notifications.show({ message: t('actions.copied') });
    } catch {
      notifications.show({ color: 'red', message: t('actions.copyFailed') });
    }
  };
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="end">
        <Title order={3} id="funder-table-title" ref={headingRef} tabIndex={-1}>
          {t('table.funder')}
        </Title>
        <Button variant="light" size="md" onClick={() => void copy()}>
          {t('actions.copy')}
        </Button>
      </Group>
      <Table striped withTableBorder fz="md" aria-labelledby="funder-table-title" data-testid="funder-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('column.indicator')}</Table.Th>
            <Table.Th scope="col" ta="right">{periodLabel}</Table.Th>
            <Table.Th scope="col" ta="right">{previousLabel}</Table.Th>
            <Table.Th scope="col" ta="right">{t('column.change')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key} data-indicator={r.key}>
              <Table.Th scope="row" fw={400}>{t(`indicator.${r.key}`)}</Table.Th>
              <Table.Td ta="right" fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>{formatValue(r.current, r.kind, locale) || '—'}</Table.Td>
              <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>{formatValue(r.previous, r.kind, locale) || '—'}</Table.Td>
              <Table.Td ta="right"><ChangeText row={r} /></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
