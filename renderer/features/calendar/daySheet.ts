import type { TFunction } from 'i18next';
import type { Occurrence } from '@shared/bookings';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The desk's A4 day sheet: the day's bookings by time, with room, organiser, headcount and notes. */
export function daySheetHtml(opts: {
  t: TFunction<'calendar'>;
  dateLabel: string;
  lang: string;
  occurrences: readonly Occurrence[];
  where: (o: Occurrence) => string;
}): string {
  const { t, occurrences } = opts;
  const rows = occurrences
    .filter((o) => o.status !== 'cancelled')
    .map(
      (o) =>
        `<tr><td>${esc(o.start.slice(11))}–${esc(o.end.slice(11))}</td><td>${esc(opts.where(o))}</td><td>${esc(o.title)}</td><td>${esc(
          [o.organiser.name, o.organiser.phone].filter(Boolean).join(', '),
        )}</td><td>${o.expectedAttendance || ''}</td><td>${esc(o.notes)}</td></tr>`,
    )
    .join('');
  const title = esc(t('daySheet.title', { date: opts.dateLabel }));
  return `<!doctype html><html lang="${esc(opts.lang)}"><head><meta charset="utf-8"><title>${title}</title><style>
@page { size: A4; margin: 15mm; }
body { font-family: 'PT Sans', Arial, sans-serif; font-size: 13pt; }
h1 { font-size: 20pt; margin: 0 0 8mm; }
table { width: 100%; border-collapse: collapse; }
th, td { border: 1px solid #444; padding: 2mm 3mm; text-align: left; vertical-align: top; }
th { background: #eee; }
</style></head><body><h1>${title}</h1>${
    rows
      ? `<table><thead><tr><th>${esc(t('daySheet.time'))}</th><th>${esc(t('daySheet.room'))}</th><th>${esc(t('daySheet.what'))}</th><th>${esc(
          t('daySheet.who'),
        )}</th><th>${esc(t('daySheet.people'))}</th><th>${esc(t('daySheet.notes'))}</th></tr></thead><tbody>${rows}</tbody></table>`
      : `<p>${esc(t('daySheet.none'))}</p>`
  }</body></html>`;
}
