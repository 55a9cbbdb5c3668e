import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Alert, Anchor, Button, Group, Loader, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { INDICATORS, formatValue } from '@shared/reports';
import { NETWORK_KEYS, networkPeriod, networkPeriods, networkSection, periodOfKey, type NetworkKey } from '@shared/network/figures';
import { periodLabel } from '../reports/period';
import { useNetwork, useNetworkExport } from './useNetwork';

const kindOf = (key: NetworkKey) => INDICATORS.find((i) => i.key === key)?.kind ?? 'count';

/** A network coordinator's page: each centre's figures for a month, quarter or year and the network's total (counts only), XLSX. */
export default function NetworkPage() {
  const { t, i18n } = useTranslation('network');
  const { t: tr } = useTranslation('reports');
  const { network, state, reload } = useNetwork();
  const { busy, save } = useNetworkExport();
  const periods = useMemo(() => (state.step === 'ready' ? networkPeriods(state.data.docs) : { month: [], quarter: [], year: [] }), [state]);
  const all = [...periods.month, ...periods.quarter, ...periods.year];
  const [picked, setPicked] = useState<string | null>(null);
  const month = picked && all.includes(picked) ? picked : (periods.month[0] ?? all[0] ?? null);
  const label = (key: string) => {
    const p = periodOfKey(key);
    return p ? periodLabel(p, tr) : key;
  };
  const options = (['month', 'quarter', 'year'] as const).filter((k) => periods[k].length > 0).map((k) => ({ group: t(`kinds.${k}`), items: periods[k].map((m) => ({ value: m, label: label(m) })) }));
  const table = useMemo(() => (state.step === 'ready' && month ? networkPeriod(state.data.centres, state.data.docs, month) : null), [state, month]);
  const fmt = (v: number | null, key: NetworkKey) => (v === null ? t('notPublished') : formatValue(v, kindOf(key), i18n.language));

  return (
    <Stack gap="lg">
      <Title order={2}>{network ? t('titleNamed', { network }) : t('title')}</Title>
      <Text size="lg">{t('intro')}</Text>
      {state.step === 'loading' && <Loader aria-label={t('loading')} />}
      {state.step === 'error' && (
        <Alert color={state.code === 'notNetwork' ? 'blue' : 'red'} role="alert" title={t(`errors.${state.code}Title`)}>
          <Text>{t(`errors.${state.code}`)}</Text>
          {state.code === 'notNetwork' ? (
            <Anchor component={Link} to="/settings/sync">
              {t('toSettings')}
            </Anchor>
          ) : (
            <Button mt="sm" variant="default" onClick={reload}>
              {t('retry')}
            </Button>
          )}
        </Alert>
      )}
      {state.step === 'ready' && all.length === 0 && <Alert role="status">{t('empty', { count: state.data.centres.length })}</Alert>}
      {state.step === 'ready' && month && table && (
        <>
          <Group align="flex-end">
            <Select size="md" label={t('month')} data={options} value={month} onChange={setPicked} allowDeselect={false} w={260} />
            <Button
              size="md"
              loading={busy}
              onClick={() => void save(networkSection(table, { title: t('file.title', { network, period: label(month) }), centre: t('centre'), total: t('total'), indicator: (k) => tr(`indicator.${k}`) }), month)}
            >
              {t('xlsx')}
            </Button>
            <Button size="md" variant="default" onClick={reload}>
              {t('refresh')}
            </Button>
          </Group>
          <Table.ScrollContainer minWidth={900}>
            <Table striped withTableBorder aria-label={t('tableLabel', { period: label(month) })}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('centre')}</Table.Th>
                  {NETWORK_KEYS.map((k) => (
                    <Table.Th key={k} scope="col" ta="right">
                      {tr(`indicator.${k}`)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {table.rows.map((r) => (
                  <Table.Tr key={r.centre}>
                    <Table.Th scope="row" style={{ whiteSpace: 'nowrap' }}>
                      {r.centre}
                    </Table.Th>
                    {NETWORK_KEYS.map((k) => (
                      <Table.Td key={k} ta="right" c={r.figures ? undefined : 'dimmed'}>
                        {fmt(r.figures?.[k] ?? null, k)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr fw={700}>
                  <Table.Th scope="row" style={{ whiteSpace: 'nowrap' }}>
                    {t('total')}
                  </Table.Th>
                  {NETWORK_KEYS.map((k) => (
                    <Table.Td key={k} ta="right">
                      {fmt(table.total[k], k)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
          <Text c="dimmed">{t('privacy')}</Text>
        </>
      )}
    </Stack>
  );
}
