import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Group, List, MultiSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { BOOKING_CATEGORIES, type BookingCategory } from '@shared/db';
import { eventCount, nextWeek, weekOf, type PosterChange, type PosterSelection } from '@shared/posters/model';
import { markChangedEvents, renderPoster, posterPlainText } from '@shared/posters/render';
import { pageBoxFor, POSTER_PAPERS, POSTER_TEMPLATES, SOCIAL_PX, type PosterFormat, type PosterPaper, type PosterTemplate } from '@shared/posters/layout';
import { formatTimeRange, type PosterLang } from '@shared/posters/typography';
import { PT_SANS } from '@shared/print/ptSans';
import { SegmentedChoice, SelectChoice } from '../../app/Choice';
import { getDesk, isElectron } from '../../app/desk';
import { useFormat } from '../../app/format';
import { useRooms } from '../settings/hooks';
import { usePoster, usePrintRecord } from './hooks';
import { sheetToPng } from './png';

const ORIENTATIONS = ['portrait', 'landscape'] as const;
const LANGUAGES: readonly PosterLang[] = ['ru', 'en'];
const PX_PER_MM = 96 / 25.4;
const PREVIEW_WIDTH = 560;

export default function Page() {
  const { t, i18n } = useTranslation('posters');
  const fmt = useFormat();
  const [week, setWeek] = useState(() => nextWeek(dayjs().format('YYYY-MM-DD')));
  const [roomIds, setRoomIds] = useState<string[]>([]);
  const [categories, setCategories] = useState<BookingCategory[]>([]);
  const [template, setTemplate] = useState<PosterTemplate>('list');
  const [paper, setPaper] = useState<PosterPaper>('A4');
  const [orientation, setOrientation] = useState<'portrait' | 'landscape'>('portrait');
  const [lang, setLang] = useState<PosterLang>(i18n.language === 'en' ? 'en' : 'ru');
  const [maxScale, setMaxScale] = useState(1);
  const [busy, setBusy] = useState(false);
  const browser = !isElectron();
  const { rooms } = useRooms();

  const selection = useMemo<PosterSelection>(() => ({ ...week, roomIds, categories }), [week, roomIds, categories]);
  const format = useMemo<PosterFormat>(() => ({ template, paper, orientation: paper === 'social' ? 'portrait' : orientation }), [template, paper, orientation]);
  useEffect(() => setMaxScale(1), [selection, format, lang]);
  const poster = usePoster(selection, format, lang, maxScale);
  const { record, changes, remember } = usePrintRecord(week.from, poster.days);
  const rendered = poster.rendered;
  const previewHtml = useMemo(
    () => (rendered ? markChangedEvents(rendered.html, changes.flatMap((c) => (c.after ? [c.key] : []))) : ''),
    [rendered, changes],
  );
  const box = pageBoxFor(format);
  const pageW = box.widthMm * PX_PER_MM;
  const pageH = box.heightMm * PX_PER_MM;
  const sheets = rendered?.layout.pages.length ?? 1;
  const scale = PREVIEW_WIDTH / pageW;
  const frame = useRef<HTMLIFrameElement>(null);
  const [overflowed, setOverflowed] = useState(false);
  const previewStacked = usePreviewStacked();

  // The fit is computed in shared/; the preview double-checks it on the real layout and steps the type down if a sheet overflowed.
  const onFrameLoad = () => {
    const doc = frame.current?.contentDocument;
    if (!doc || !rendered) return;
    const over = [...doc.querySelectorAll<HTMLElement>('.sheet')].some((s) => s.offsetHeight > pageH + 2);
    setOverflowed(over);
    if (over && rendered.layout.sizes.s > 0.5) setMaxScale(Math.max(0.5, rendered.layout.sizes.s - 0.05));
  };

  const fail = (error: unknown) => notifications.show({ color: 'red', message: t('page.printFailed', { error: String(error) }) });
  const fileBase = t('page.fileName', { from: week.from });

  async function print() {
    if (!rendered) return;
    setBusy(true);
    try {
      const result = await getDesk().printHtml({ html: rendered.html });
      if (result.ok) await remember();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  }

  async function savePdf() {
    if (!rendered || paper === 'social') return;
    setBusy(true);
    try {
      const result = await getDesk().printToPdf({ html: rendered.html, pageSize: paper, landscape: format.orientation === 'landscape' });
      if (result.ok) {
        const saved = await getDesk().saveFile({ suggestedName: `${fileBase}.pdf`, data: new Uint8Array(result.bytes), filters: [{ name: t('page.pdfFilter'), extensions: ['pdf'] }] });
        if (saved.ok) notifications.show({ message: t('page.saved') });
        await remember();
      } else if (result.reason === 'browser-print-dialog') {
        // The browser has no silent PDF writer: its print dialog did the saving (or the person cancelled it).
        notifications.show({ message: t('page.browserPdfDone') });
        await remember();
      }
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  }

  async function savePng() {
    setBusy(true);
    try {
      // The image always uses the social size; the grid reads badly that small, so it becomes the list.
      const social = renderPoster({
        days: poster.days, from: week.from, to: week.to, centre: poster.centre, labels: poster.labels, lang, fonts: PT_SANS,
        qrSvg: rendered?.body.match(/<div class="qr">([\s\S]*?)<\/div><\/footer>/)?.[1] ?? '',
        format: { template: template === 'grid' ? 'list' : template, paper: 'social', orientation: 'portrait' },
      });
      for (const [i, sheet] of social.sheets.entries()) {
        const bytes = await sheetToPng(social.css, sheet, SOCIAL_PX.width, SOCIAL_PX.height);
        const suffix = social.sheets.length > 1 ? `-${i + 1}` : '';
        const saved = await getDesk().saveFile({ suggestedName: `${fileBase}${suffix}.png`, data: bytes, filters: [{ name: t('page.pngFilter'), extensions: ['png'] }] });
        if (saved.ok) notifications.show({ message: t('page.saved') });
      }
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  }

  async function copyText() {
    try {
      await navigator.clipboard.writeText(posterPlainText({ days: poster.days, from: week.from, to: week.to, centre: poster.centre, labels: poster.labels, lang }));
      notifications.show({ message: t('page.copied') });
    } catch {
      notifications.show({ color: 'red', message: t('page.copyFailed') });
    }
  }

  const count = eventCount(poster.days);
  const bodyPt = rendered ? Math.round(rendered.layout.sizes.meta * 10) / 10 : 0;
  const moveText = (c: PosterChange) => {
    const when = (e: NonNullable<PosterChange['before']>) => `${fmt.shortDate(e.start)} ${formatTimeRange(e.start, e.end)}${e.roomName ? `, ${e.roomName}` : ''}`;
    if (c.kind === 'moved') return t('page.changeMoved', { before: when(c.before!), after: when(c.after!) });
    const e = (c.after ?? c.before)!;
    return when(e);
  };

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('page.title')}</Title>
        <Text c="dimmed">{t('page.intro')}</Text>
        {/* On a small screen the preview is under the settings, below the fold: this says it is there and takes the focus to it. */}
        {previewStacked.stacked && (
          <Button
            mt="sm"
            size="md"
            variant="light"
            onClick={() => {
              previewStacked.heading.current?.scrollIntoView({ block: 'start' });
              previewStacked.heading.current?.focus();
            }}
          >
            {t('page.toPreview')}
          </Button>
        )}
      </div>
      <Group align="flex-start" gap="xl" wrap="wrap">
        <Stack gap="md" w={360} maw="100%" ref={previewStacked.settings}>
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <Button variant="default" onClick={() => setWeek(weekOf(dayjs(week.from).subtract(7, 'day').format('YYYY-MM-DD')))} aria-label={t('page.prevWeek')}>
              ‹
            </Button>
            <DatePickerInput
              label={t('page.week')}
              description={t('page.weekHint')}
              value={week.from}
              valueFormat="D MMMM YYYY"
              firstDayOfWeek={1}
              onChange={(d) => d && setWeek(weekOf(dayjs(d).format('YYYY-MM-DD')))}
              style={{ flex: 1 }}
            />
            <Button variant="default" onClick={() => setWeek(weekOf(dayjs(week.from).add(7, 'day').format('YYYY-MM-DD')))} aria-label={t('page.nextWeek')}>
              ›
            </Button>
          </Group>
          <MultiSelect
            label={t('page.rooms')}
            placeholder={roomIds.length ? undefined : t('page.roomsAll')}
            data={rooms.map((r) => ({ value: r.id, label: r.name }))}
            value={roomIds}
            onChange={setRoomIds}
            clearable
          />
          <MultiSelect
            label={t('page.categories')}
            placeholder={categories.length ? undefined : t('page.categoriesAll')}
            data={BOOKING_CATEGORIES.map((c) => ({ value: c, label: poster.labels.categories[c] ?? c }))}
            value={categories}
            onChange={(v) => setCategories(v as BookingCategory[])}
            clearable
          />
          <SelectChoice label={t('page.template')} values={POSTER_TEMPLATES} labelOf={(v) => t(`page.templates.${v}`)} value={template} onChange={setTemplate} />
          <SelectChoice label={t('page.paper')} values={POSTER_PAPERS} labelOf={(v) => t(`page.papers.${v}`)} value={paper} onChange={setPaper} />
          <SegmentedChoice
            fullWidth
            label={t('page.orientation')}
            disabled={paper === 'social'}
            values={ORIENTATIONS}
            labelOf={(v) => t(`page.orientations.${v}`)}
            value={format.orientation}
            onChange={setOrientation}
          />
          <SegmentedChoice fullWidth label={t('page.language')} values={LANGUAGES} labelOf={(v) => t(`page.languages.${v}`)} value={lang} onChange={setLang} />
          <Group gap="sm">
            <Button size="md" onClick={print} loading={busy} disabled={!rendered || paper === 'social'}>
              {t('page.print')}
            </Button>
            <Button size="md" variant="light" onClick={savePdf} disabled={busy || !rendered || paper === 'social'} aria-describedby={browser ? 'poster-pdf-hint' : undefined}>
              {t('page.savePdf')}
            </Button>
            <Button size="md" variant="light" onClick={savePng} disabled={busy || !rendered}>
              {t('page.savePng')}
            </Button>
            <Button size="md" variant="default" onClick={copyText}>
              {t('page.copyText')}
            </Button>
          </Group>
          {browser && (
            <Text id="poster-pdf-hint" size="sm">
              {t('page.browserPdfHint')}
            </Text>
          )}
        </Stack>

        {/* As wide as the preview (or the whole column): on a narrow screen it goes under the settings, not past the window. */}
        <Stack gap="sm" style={{ flex: 1, minWidth: `min(${PREVIEW_WIDTH}px, 100%)` }} ref={previewStacked.preview}>
          <Title order={2} size="h3" ref={previewStacked.heading} tabIndex={-1}>
            {t('page.previewHeading')}
          </Title>
          {record && changes.length > 0 && (
            <Alert color="orange" variant="light" title={t('page.changedTitle')} role="status" styles={{ title: { color: 'var(--mantine-color-text)', fontSize: 'var(--mantine-font-size-lg)' } }}>
              <Text>{t('page.printedAt', { when: fmt.dateTime(record.printedAt) })} {t('page.changedBody', { count: changes.length })}{changes.some((c) => c.after) ? ` ${t('page.changedMarked')}` : ''}</Text>
              <List mt="xs" aria-label={t('page.changedTitle')}>
                {changes.map((c) => (
                  <List.Item key={`${c.kind}-${c.key}`}>
                    <Text span fw={700}>{t(`page.change.${c.kind}`)}:</Text> {(c.after ?? c.before)!.title} — {moveText(c)}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          {record && changes.length === 0 && (
            <Text role="status" c="dimmed">
              {t('page.printedAt', { when: fmt.dateTime(record.printedAt) })} {t('page.unchanged')}
            </Text>
          )}
          <Text role="status">
            {t('page.summary', { count, pages: sheets, size: fmt.number(bodyPt) })}
            {rendered?.layout.atMinimum ? ` ${t('page.atMinimum')}` : ''}
            {overflowed ? ` ${t('page.overflowed')}` : ''}
          </Text>
          <Paper withBorder p={0} style={{ width: PREVIEW_WIDTH, height: sheets * (pageH + 6 * PX_PER_MM) * scale, overflow: 'hidden', background: '#d9d9de' }}>
            {rendered && (
              <iframe
                ref={frame}
                title={t('page.preview')}
                srcDoc={previewHtml}
                sandbox="allow-same-origin"
                onLoad={onFrameLoad}
                style={{ width: pageW, height: sheets * (pageH + 6 * PX_PER_MM), border: 0, transform: `scale(${scale})`, transformOrigin: '0 0' }}
              />
            )}
          </Paper>
        </Stack>
      </Group>
    </Stack>
  );
}

/** Whether the preview column went under the settings (a window too narrow for both side by side), kept up to date on resize. */
function usePreviewStacked() {
  const settings = useRef<HTMLDivElement>(null);
  const preview = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [stacked, setStacked] = useState(false);
  useLayoutEffect(() => {
    const a = settings.current;
    const b = preview.current;
    if (!a || !b) return;
    const check = () => setStacked(b.getBoundingClientRect().top >= a.getBoundingClientRect().bottom);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(a.parentElement ?? a);
    return () => observer.disconnect();
  }, []);
  return { settings, preview, heading, stacked };
}
