import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Alert, Anchor, Button, Group, Loader, Select, Stack, Table, Text, Title } from '@mantine/core';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { INDICATORS, formatValue } from '@shared/reports';
import { NETWORK_KEYS, networkMonth, networkMonths, networkSection, type NetworkKey } from '@shared/network/figures';
import { useNetwork, useNetworkExport } from './useNetwork';

const kindOf = (key: NetworkKey) => INDICATORS.find((i) => i.key === key)?.kind ?? 'count';

/** A network coordinator's page: each centre's figures for a month and the network's total (counts only), XLSX. */
export default function NetworkPage() {
  const { t, i18n } = useTranslation('network');
  const { t: tr } = useTranslation('reports');
  const { network, state, reload } = useNetwork();
  const { busy, save } = useNetworkExport();
  const months = useMemo(() => (state.step === 'ready' ? networkMonths(state.data.docs) : []), [state]);
  const [picked, setPicked] = useState<string | null>(null);
  const month = picked && months.includes(picked) ? picked : (months[0] ?? null);
  const label = (m: string) => dayjs(`${m}-01`).format('MMMM YYYY');
  const table = useMemo(() => (state.step === 'ready' && month ? networkMonth(state.data.centres, state.data.docs, month) : null), [state, month]);
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
      {state.step === 'ready' && months.length === 0 && <Alert role="status">{t('empty', { count: state.data.centres.length })}</Alert>}
      {state.step === 'ready' && month && table && (
        <>
          <Group align="flex-end">
            <Select size="md" label={t('month')} data={months.map((m) => ({ value: m, label: label(m) }))} value={month} onChange={setPicked} allowDeselect={false} w={260} />
            <Button
              size="md"
              loading={busy}
              onClick={() => void save(networkSection(table, { title: t('file.title', { network, month: label(month) }), centre: t('centre'), total: t('total'), indicator: (k) => tr(`indicator.${k}`) }), month)}
            >
              {t('xlsx')}
            </Button>
            <Button size="md" variant="default" onClick={reload}>
              {t('refresh')}
            </Button>
          </Group>
          <Table.ScrollContainer minWidth={900}>
            <Table striped withTableBorder aria-label={t('tableLabel', { month: label(month) })}>
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
