import { Box, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, XAxis, YAxis } from 'recharts';

export interface ComparisonDatum {
  label: string;
  current: number;
  previous?: number;
}

const INK = '#1d3557';
const SERIES_ORDER: readonly string[] = ['current', 'previous'];
const legendOrder = (item: { dataKey?: unknown }) => SERIES_ORDER.indexOf(String(item.dataKey));
const PAPER = '#ffffff';

/**
 * Horizontal bars, this period vs the previous one. Readable in black-and-white print: the previous
 * period is hatched (not just a lighter colour), every bar carries its value, the legend names both.
 */
export function ComparisonBars({ title, data, unit = '', chartKey, section }: { title: string; data: ComparisonDatum[]; unit?: string; chartKey: string; section: string }) {
  const { t, i18n } = useTranslation('reports');
  const fmt = (v: unknown) => (typeof v === 'number' && v !== 0 ? `${new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(v)}${unit}` : '');
  const withPrevious = data.some((d) => d.previous !== undefined);
  const rowHeight = withPrevious ? 46 : 30;
  const height = Math.max(120, data.length * rowHeight + 70);
  const hatch = `hatch-${chartKey}`;
  return (
    <Box component="figure" m={0} data-report-chart={section} data-compare={withPrevious ? 'yes' : 'no'} aria-label={title}>
      <Title order={4} component="figcaption" mb="xs">
        {title}
      </Title>
      {data.length === 0 ? (
        <Text c="dimmed">{t('chart.empty')}</Text>
      ) : (
        // Laid out at its column's width (at most 640 px), not drawn at 640 and shrunk: the legend, an HTML box, kept the
        // 640 px width and pushed the page sideways on a 1280 or 1366 px screen; the text stays at its size.
        <BarChart responsive width="100%" height={height} data={data} layout="vertical" margin={{ top: 4, right: 56, bottom: 4, left: 8 }} style={{ maxWidth: 640 }}>
          <defs>
            <pattern id={hatch} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
              <rect width="6" height="6" fill={PAPER} />
              <line x1="0" y1="0" x2="0" y2="6" stroke={INK} strokeWidth="2.5" />
            </pattern>
          </defs>
          <CartesianGrid horizontal={false} stroke="#ccc" />
          <XAxis type="number" tick={{ fontSize: 13, fill: '#222' }} allowDecimals={false} />
          <YAxis type="category" dataKey="label" width={170} tick={{ fontSize: 14, fill: '#111' }} interval={0} />
          {/* This period first, as the bars are drawn: recharts sorts the legend by its text unless told, which put
              "Previous period" / «Предыдущий период» first in both languages. */}
          <Legend wrapperStyle={{ fontSize: 14 }} itemSorter={legendOrder} />
          <Bar dataKey="current" name={t('chart.current')} fill={INK} isAnimationActive={false}>
            <LabelList dataKey="current" position="right" formatter={fmt} style={{ fontSize: 14, fill: '#111', fontWeight: 700 }} />
          </Bar>
          {withPrevious && (
            <Bar dataKey="previous" name={t('chart.previous')} fill={`url(#${hatch})`} stroke={INK} isAnimationActive={false}>
              <LabelList dataKey="previous" position="right" formatter={fmt} style={{ fontSize: 13, fill: '#333' }} />
            </Bar>
          )}
        </BarChart>
      )}
    </Box>
  );
}

/** Visits by weekday × hour as a table: every cell shows its number; shading only adds to it. */
export function HeatMap({ data }: { data: number[][] }) {
  const { t } = useTranslation('reports');
  let first = 24;
  let last = -1;
  let max = 0;
  for (const row of data)
    row.forEach((n, h) => {
      if (n > 0) {
        first = Math.min(first, h);
        last = Math.max(last, h);
        max = Math.max(max, n);
      }
    });
  if (last < 0) {
    first = 9;
    last = 20;
  }
  const hours = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  return (
    <Box component="figure" m={0}>
      <Title order={4} component="figcaption" mb={4}>
        {t('chart.heatmap')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('chart.heatmapHint')}
      </Text>
      <Box style={{ overflowX: 'auto' }}>
        <Table withTableBorder withColumnBorders verticalSpacing={4} horizontalSpacing={4} style={{ width: 'auto', fontVariantNumeric: 'tabular-nums' }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('column.weekday')}</Table.Th>
              {hours.map((h) => (
                <Table.Th key={h} scope="col" ta="center" miw={34}>
                  {String(h).padStart(2, '0')}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.map((row, wd) => (
              <Table.Tr key={wd}>
                <Table.Th scope="row">{t(`weekday.${wd}`)}</Table.Th>
                {hours.map((h) => {
                  const n = row[h] ?? 0;
                  const share = max ? n / max : 0;
                  const cell = heatColours(share);
                  return (
                    <Table.Td key={h} ta="center" fw={share > 0.6 ? 700 : 400} style={{ background: cell.background, color: cell.color }}>
                      {n || ''}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
    </Box>
  );
}

/** sRGB relative luminance (WCAG 2). */
function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r / 255) + 0.7152 * lin(g / 255) + 0.0722 * lin(b / 255);
}

/**
 * A heat-map cell's colours: white → deep blue by share, and whichever of black or white text reads better on it
 * (one of the two is always at least 4.58:1, so every figure meets WCAG AA).
 */
export function heatColours(share: number): { background: string; color: string } {
  const to: [number, number, number] = [28, 61, 153];
  const rgb = to.map((c) => Math.round(255 - share * (255 - c))) as [number, number, number];
  const l = luminance(rgb);
  const onWhite = 1.05 / (l + 0.05);
  const onBlack = (l + 0.05) / 0.05;
  return { background: `rgb(${rgb.join(',')})`, color: onWhite >= onBlack ? '#fff' : '#000' };
}
