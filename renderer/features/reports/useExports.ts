import { useState } from 'react';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { getDesk } from '../../app/desk';
import { reportTables, type Report } from '@shared/reports';

/** The page's export buttons: XLSX, CSV (through saveFile: save dialog or download) and print (shared print pipeline). */
export function useReportExports(report: Report | null, subtitle: string) {
  const { t, i18n } = useTranslation('reports');
  const [busy, setBusy] = useState<null | 'xlsx' | 'csv' | 'print'>(null);
  const tr = (key: string, options?: Record<string, unknown>) => t(key, options ?? {});

  const run = async (kind: 'xlsx' | 'csv' | 'print') => {
    if (!report) return;
    setBusy(kind);
    try {
      const exportsModule = await import('@shared/reports/exports');
      const sections = reportTables(report, tr);
      const name = t('file.name', { from: report.period.from, to: report.period.to });
      if (kind === 'print') {
        const [{ PT_SANS }, { escapeHtml }] = await Promise.all([import('@shared/print/ptSans'), import('@shared/print/document')]);
        // The charts as drawn on the page (SVG), each with its title and a text legend (the SVG has none).
        const legend = `<p class="small">■ ${escapeHtml(t('chart.current'))} &#160; ▨ ${escapeHtml(t('chart.previous'))}</p>`;
        const charts: Record<string, string[]> = {};
        document.querySelectorAll<HTMLElement>('[data-report-chart]').forEach((fig) => {
          const svg = fig.querySelector('.recharts-wrapper > svg');
          if (!svg) return;
          const title = `<p><b>${escapeHtml(fig.getAttribute('aria-label') ?? '')}</b></p>`;
          const key = fig.dataset.reportChart!;
          (charts[key] ??= []).push(title + svg.outerHTML + (fig.dataset.compare === 'yes' ? legend : ''));
        });
        const html = exportsModule.reportHtml(sections, { title: t('file.title'), subtitle, locale: i18n.language, fonts: PT_SANS, charts });
        const r = await getDesk().printHtml({ html });
        if (!r.ok && r.reason === 'failed') notifications.show({ color: 'red', message: t('actions.printFailed') });
        return;
      }
      const data =
        kind === 'xlsx'
          ? await exportsModule.reportXlsx(sections, { title: t('file.title'), creator: t('file.creator'), created: new Date().toISOString() })
          : exportsModule.reportCsv(sections, i18n.language === 'ru' ? 'ru' : 'en'); // Russian Excel: `;` and decimal commas
      const r = await getDesk().saveFile({
        suggestedName: `${name}.${kind}`,
        data,
        filters: [kind === 'xlsx' ? { name: 'Excel', extensions: ['xlsx'] } : { name: 'CSV', extensions: ['csv'] }],
      });
      if (r.ok) notifications.show({ message: t('actions.saved') });
      else if (r.reason === 'failed') notifications.show({ color: 'red', message: t('actions.saveFailed') });
    } catch {
      notifications.show({ color: 'red', message: kind === 'print' ? t('actions.printFailed') : t('actions.saveFailed') });
    } finally {
      setBusy(null);
    }
  };
  return { busy, run };
}
