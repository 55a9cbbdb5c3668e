import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BookingDoc, PosterPrint, SeriesDoc, SettingsDoc } from '@shared/db';
import { centreHours, occurrencesInRange } from '@shared/bookings';
import { buildPosterDays, diffPoster, snapshotOf, type PosterSelection, type PosterSource } from '@shared/posters/model';
import { posterQrSvg, renderPoster, type PosterCentre, type PosterLabels, type RenderedPoster } from '@shared/posters/render';
import type { PosterFormat } from '@shared/posters/layout';
import type { PosterLang } from '@shared/posters/typography';
import { PT_SANS } from '@shared/print/ptSans';
import { addDays } from '@shared/time';
import { useLiveQuery } from '../../app/db';
import { useCentre, useRooms, useSaveCentre } from '../settings/hooks';

const addDay = (date: string): string => addDays(date, 1);

/** The week's occurrences (one-off bookings and weekly clubs) as poster sources, live. */
export function usePosterSources(from: string, to: string): { sources: PosterSource[]; loading: boolean } {
  const end = `${addDay(to)}T00:00`;
  const bookings = useLiveQuery((db) => db.bookings.find({ selector: { start: { $gte: `${from}T00:00`, $lt: end } } }), [from, end]);
  const series = useLiveQuery((db) => db.series.find({ selector: { status: 'active' } }), []);
  const { rooms } = useRooms(true);
  const sources = useMemo(() => {
    const names = new Map(rooms.map((r) => [r.id, r.name]));
    return occurrencesInRange((bookings.data as BookingDoc[] | undefined) ?? [], (series.data as SeriesDoc[] | undefined) ?? [], `${from}T00:00`, end).map(
      (o): PosterSource => ({
        key: o.id,
        title: o.title,
        start: o.start,
        end: o.end,
        roomId: o.roomId,
        roomName: names.get(o.roomId) ?? '',
        publicDescription: o.publicDescription ?? '',
        category: o.category,
        public: o.public,
        status: o.status,
      }),
    );
  }, [bookings.data, series.data, rooms, from, end]);
  return { sources, loading: bookings.loading || series.loading };
}

export function centreOf(settings: SettingsDoc | null): PosterCentre {
  return {
    name: settings?.name ?? '',
    address: settings?.address ?? '',
    phone: settings?.phone ?? '',
    logo: settings?.logo ?? '',
    openingHours: centreHours(settings),
    posterUrl: settings?.posterUrl ?? '',
  };
}

/** Poster words in the poster's language (independent of the UI language). */
export function usePosterLabels(lang: PosterLang): PosterLabels {
  const { i18n } = useTranslation('posters');
  return useMemo(() => i18n.getResource(lang, 'posters', 'poster') as PosterLabels, [i18n, lang]);
}

export interface PosterState {
  rendered: RenderedPoster | null;
  selection: PosterSelection;
  centre: PosterCentre;
  labels: PosterLabels;
  days: ReturnType<typeof buildPosterDays>;
  loading: boolean;
}

/** Builds and renders the poster; `maxScale` lets the preview step the type down if a sheet overflowed. */
export function usePoster(selection: PosterSelection, format: PosterFormat, lang: PosterLang, maxScale: number): PosterState {
  const { sources, loading } = usePosterSources(selection.from, selection.to);
  const settings = useCentre();
  const centre = useMemo(() => centreOf(settings), [settings]);
  const labels = usePosterLabels(lang);
  const [qrSvg, setQrSvg] = useState('');
  useEffect(() => {
    let live = true;
    void posterQrSvg(centre.posterUrl).then((svg) => live && setQrSvg(svg));
    return () => {
      live = false;
    };
  }, [centre.posterUrl]);
  const days = useMemo(() => buildPosterDays(sources, selection), [sources, selection]);
  const rendered = useMemo(
    () =>
      labels
        ? renderPoster({ days, from: selection.from, to: selection.to, centre, labels, format, lang, fonts: PT_SANS, qrSvg, maxScale })
        : null,
    [days, selection, centre, labels, format, lang, qrSvg, maxScale],
  );
  return { rendered, selection, centre, labels, days, loading };
}

/** The last print of this week and what changed since. */
export function usePrintRecord(week: string, days: PosterState['days']) {
  const settings = useCentre();
  const save = useSaveCentre();
  const record = (settings?.posterPrints ?? []).find((p) => p.week === week) ?? null;
  const changes = useMemo(() => (record ? diffPoster(record.events, snapshotOf(days)) : []), [record, days]);
  const remember = useCallback(async () => {
    const entry: PosterPrint = { week, printedAt: new Date().toISOString(), events: snapshotOf(days) };
    const others = (settings?.posterPrints ?? []).filter((p) => p.week !== week);
    await save({ posterPrints: [entry, ...others].slice(0, 8) });
  }, [week, days, settings, save]);
  return { record, changes, remember };
}
