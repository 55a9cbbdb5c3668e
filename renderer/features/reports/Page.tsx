import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { Alert, Button, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BOOKING_CATEGORIES, VISIT_PURPOSES } from '@shared/db';
import { comparisonFor, defaultReportPeriod, formatValue, funderTable, type Period, type PeriodComparison, type Report } from '@shared/reports';
import { ComparisonBars, HeatMap } from './Charts';
import { FunderTable, KeyFigures } from './FunderTable';
import { PeriodPicker } from './PeriodPicker';
import { localNow } from '@shared/time';
import { dateRange, periodLabel } from './period';
import { useReport } from './hooks';
import { useReportExports } from './useExports';

/** Reports for the board and funders: a period, its figures against the previous period, charts, exports. */
export default function ReportsPage() {
  const { t } = useTranslation('reports');
  const [now] = useState(localNow);
  // Like with like: the last complete month by default; a period still running is compared day for day.
  const [period, setPeriod] = useState<Period>(() => defaultReportPeriod(now.slice(0, 10)));
  const comparison = useMemo(() => comparisonFor(period, now.slice(0, 10)), [period, now]);
  const { report, loading } = useReport(comparison.current, now, comparison.previous);
  const label = periodLabel(period, t);
  const prevLabel = report ? periodLabel(report.previousPeriod, t) : '';
  const { busy, run } = useReportExports(report, label);
  const funderHeading = useRef<HTMLHeadingElement>(null);

  return (
    <Stack gap="lg">
      <Title order={2}>{t('title')}</Title>
      <Text size="lg">{t('intro')}</Text>
      <Paper withBorder p="md">
        <Stack gap="md">
          <PeriodPicker value={period} onChange={setPeriod} />
          <Group gap="sm">
            <Button size="md" onClick={() => void run('xlsx')} loading={busy === 'xlsx'} disabled={!report}>
              {t('actions.xlsx')}
            </Button>
            <Button size="md" variant="light" onClick={() => void run('csv')} loading={busy === 'csv'} disabled={!report}>
              {t('actions.csv')}
            </Button>
            <Button size="md" variant="light" onClick={() => void run('print')} loading={busy === 'print'} disabled={!report}>
              {t('actions.print')}
            </Button>
            <Button
              size="md"
              variant="subtle"
              disabled={!report}
              onClick={() => {
                funderHeading.current?.scrollIntoView({ block: 'start' });
                funderHeading.current?.focus();
              }}
            >
              {t('actions.toFunder')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      {loading || !report ? (
        <Group>
          <Loader size="sm" />
          <Text>{t('loading')}</Text>
        </Group>
      ) : (
        <ReportBody report={report} comparison={comparison} periodLabel={label} previousLabel={prevLabel} funderHeading={funderHeading} />
      )}
    </Stack>
  );
}

interface BodyProps {
  report: Report;
  comparison: PeriodComparison;
  periodLabel: string;
  previousLabel: string;
  funderHeading: React.RefObject<HTMLHeadingElement | null>;
}

function ReportBody({ report, comparison, periodLabel: label, previousLabel, funderHeading }: BodyProps) {
  const { t, i18n } = useTranslation('reports');
  const rows = useMemo(() => funderTable(report), [report]);
  const cur = report.current;
  const prev = report.previous;
  const hours = ` ${t('chart.hours')}`;
  // The key figures paint first; the charts and tables (recharts is most of the render) follow in a
  // background render right after, so the month's figures are not held back by drawing every chart.
  const showAll = useDeferredValue(true, false);
  return (
    <Stack gap="xl">
      <Alert variant="light" color="blue" p="sm" role="note" aria-label={t('period.comparison')}>
        <Text size="lg">
          {comparison.basis === 'sameDays'
            ? t('period.comparedSameDays', { current: dateRange(report.period, i18n.language), previous: dateRange(report.previousPeriod, i18n.language) })
            : t('period.comparedWhole', { current: dateRange(report.period, i18n.language), previous: dateRange(report.previousPeriod, i18n.language) })}
        </Text>
      </Alert>
      <KeyFigures rows={rows} />
      {showAll && (
        <>
          <Section title={t('section.visits')} note={t('notes.unique')}>
            <ComparisonBars
              section="visits"
              chartKey="purpose"
              title={t('chart.visitsByPurpose')}
              data={VISIT_PURPOSES.map((p) => ({ label: t(`purpose.${p}`), current: cur.visits.byPurpose[p], previous: prev.visits.byPurpose[p] }))}
            />
            <HeatMap data={cur.visits.heatmap} />
          </Section>

          <Section title={t('section.events')} note={t('notes.held')}>
            <ComparisonBars
              section="events"
              chartKey="events"
              title={t('chart.eventsByCategory')}
              data={BOOKING_CATEGORIES.map((c) => ({ label: t(`category.${c}`), current: cur.events.heldByCategory[c], previous: prev.events.heldByCategory[c] }))}
            />
          </Section>

          <Section title={t('section.rooms')} note={t('notes.occupancy')}>
            <SimpleGrid cols={{ base: 1, lg: 2 }}>
              <ComparisonBars
                section="rooms"
                chartKey="rooms"
                unit={hours}
                title={t('chart.hoursByRoom')}
                data={cur.rooms.rooms.map((r) => ({ label: r.name, current: r.bookedHours, previous: prev.rooms.rooms.find((p) => p.roomId === r.roomId)?.bookedHours ?? 0 }))}
              />
              <ComparisonBars
                section="rooms"
                chartKey="roomCategories"
                unit={hours}
                title={t('chart.hoursByCategory')}
                data={BOOKING_CATEGORIES.map((c) => ({ label: t(`category.${c}`), current: cur.rooms.bookedHoursByCategory[c], previous: prev.rooms.bookedHoursByCategory[c] }))}
              />
            </SimpleGrid>
            <SimpleTable
              caption={t('table.byRoom')}
              head={[t('column.room'), t('column.bookings'), t('column.hoursBooked'), t('column.hoursUsed'), t('column.occupancy')]}
              rows={cur.rooms.rooms.map((r) => [r.name, fmtN(r.bookings, i18n.language), fmtN(r.bookedHours, i18n.language, 'hours'), fmtN(r.usedHours, i18n.language, 'hours'), formatValue(r.occupancy, 'share', i18n.language) || '—'])}
            />
          </Section>

          <Section title={t('section.rentals')}>
            <SimpleTable
              caption={t('table.rentalsByOrganiser')}
              head={[t('column.organiser'), t('column.bookings'), t('column.hoursBooked'), t('column.income')]}
              rows={cur.rentals.byOrganiser.map((o) => [o.name || '—', fmtN(o.count, i18n.language), fmtN(o.hours, i18n.language, 'hours'), fmtN(o.income, i18n.language, 'money')])}
            />
            <SimpleTable
              caption={t('table.rentalsByRoom')}
              head={[t('column.room'), t('column.bookings'), t('column.hoursBooked'), t('column.income')]}
              rows={cur.rentals.byRoom.map((o) => [o.name, fmtN(o.count, i18n.language), fmtN(o.hours, i18n.language, 'hours'), fmtN(o.income, i18n.language, 'money')])}
            />
          </Section>

          <Section title={t('section.loans')}>
            <ComparisonBars section="loans" chartKey="items" title={t('chart.topItems')} data={cur.loans.topItems.map((i) => ({ label: i.name, current: i.loans }))} />
          </Section>

          <Section title={t('section.partners')}>
            <SimpleTable
              caption={t('table.activeGroups')}
              head={[t('column.name'), t('column.kind'), t('column.bookings'), t('column.loans')]}
              rows={cur.partners.active.map((g) => [g.name, t(`groupKind.${g.kind}`), fmtN(g.bookings, i18n.language), fmtN(g.loans, i18n.language)])}
            />
          </Section>

          <FunderTable rows={rows} periodLabel={label} previousLabel={previousLabel} headingRef={funderHeading} />
        </>
      )}
    </Stack>
  );
}

const fmtN = (v: number, locale: string, kind: 'count' | 'hours' | 'money' = 'count') => formatValue(v, kind, locale);

function Section({ title, note, children }: { title: string; note?: string; children: React.ReactNode }) {
  return (
    <Stack gap="md" component="section" aria-label={title}>
      <Title order={3}>{title}</Title>
      {note && (
        <Alert variant="light" color="gray" p="xs">
          <Text size="sm">{note}</Text>
        </Alert>
      )}
      {children}
    </Stack>
  );
}

function SimpleTable({ caption, head, rows }: { caption: string; head: string[]; rows: string[][] }) {
  const { t } = useTranslation('reports');
  return (
    <Table withTableBorder striped fz="md" captionSide="top">
      <Table.Caption style={{ textAlign: 'left', fontWeight: 700 }}>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          {head.map((h, i) => (
            <Table.Th key={h} scope="col" ta={i ? 'right' : 'left'}>
              {h}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.length === 0 ? (
          <Table.Tr>
            <Table.Td colSpan={head.length}>{t('chart.empty')}</Table.Td>
          </Table.Tr>
        ) : (
          rows.map((r, i) => (
            <Table.Tr key={i}>
              {r.map((c, j) => (
                <Table.Td key={j} ta={j ? 'right' : 'left'}>
                  {c}
                </Table.Td>
              ))}
            </Table.Tr>
          ))
        )}
      </Table.Tbody>
    </Table>
  );
}
