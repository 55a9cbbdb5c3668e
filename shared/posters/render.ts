/**
 * The weekly poster as a print document (shared/print): list, week grid and large-type templates,
 * A4 / A3 / social image, portrait / landscape. Pure string building; the QR code comes from
 * `qrcode`'s SVG string renderer (no DOM).
 */
import QRCode from 'qrcode';
import type { BookingCategory } from '../db/schemas/bookings';
import { WEEKDAYS, type WeekHours } from '../db/schemas/settings';
import { escapeHtml, printDocument, printStyles, type PrintFont } from '../print/document';
import { layoutPoster, pageBoxFor, LINE, type ColumnGroup, type EventText, type LayoutText, type PosterFormat, type PosterLayout, type PosterSizes } from './layout';
import { addDays } from '../time';
import type { PosterDay, PosterEvent } from './model';
import { formatDateRange, formatDay, formatTime, monthAfterDay, NBSP, typograph, weekdayName, type PosterLang } from './typography';

/** Poster words in the poster's language: the `poster` object of locales/<lang>/posters.json. */
export interface PosterLabels {
  kicker: string;
  hours: string;
  closed: string;
  continued: string;
  /** The same, short enough for the list template's narrow day column ("продолж."). */
  continuedShort?: string;
  empty: string;
  qrCall: string;
  /** "стр. {{n}} из {{total}}" */
  page: string;
  /** "Афиша {{range}}" */
  documentTitle: string;
  categories: Record<BookingCategory, string>;
}

export interface PosterCentre {
  name: string;
  address: string;
  phone: string;
  /** data: URL or ''. */
  logo: string;
  openingHours: WeekHours | null;
  posterUrl: string;
}

export interface PosterInput {
  days: PosterDay[];
  from: string;
  to: string;
  centre: PosterCentre;
  labels: PosterLabels;
  format: PosterFormat;
  lang: PosterLang;
  fonts: PrintFont[];
  /** SVG markup of the QR code (see posterQrSvg) or '' for none. */
  qrSvg: string;
  /** Upper bound of the type scale (the preview lowers it if a sheet overflowed). */
  maxScale?: number;
}

export interface RenderedPoster {
  html: string;
  /** The stylesheet and the body alone (for the PNG export's SVG foreignObject). */
  css: string;
  body: string;
  /** Each sheet's markup (a <section class="sheet">). */
  sheets: string[];
  layout: PosterLayout;
  title: string;
}

export const ACCENT = '#0b5f6e';

export async function posterQrSvg(url: string): Promise<string> {
  if (!url.trim()) return '';
  const svg = await QRCode.toString(url.trim(), { type: 'svg', margin: 0, errorCorrectionLevel: 'M', color: { dark: '#1d1d1fff', light: '#ffffffff' } });
  return svg.replace(/<\?xml[^>]*>/, '').trim();
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? ''));
}

/** "пн–пт 10:00–21:00 · сб 11:00–18:00 · вс закрыто": consecutive days with equal hours are joined. */
export function formatOpeningHours(hours: WeekHours | null, lang: PosterLang, closed: string, monday: string): string {
  if (!hours) return '';
  const dayDate = (i: number) => addDays(monday, i);
  const value = (i: number) => {
    const h = hours[WEEKDAYS[i]!];
    return h ? `${h.open}–${h.close}` : closed;
  };
  const parts: string[] = [];
  for (let i = 0; i < 7; ) {
    let j = i;
    while (j + 1 < 7 && value(j + 1) === value(i)) j++;
    const name = (n: number) => weekdayName(dayDate(n), lang, 'short');
    parts.push(`${i === j ? name(i) : `${name(i)}–${name(j)}`}${NBSP}${value(i)}`);
    i = j + 1;
  }
  return parts.join(' · ');
}

const pt = (n: number) => `${Math.round(n * 100) / 100}pt`;

function posterCss(z: PosterSizes, template: PosterFormat['template']): string {
  const grid = template === 'grid';
  return `
.sheet{color:#1d1d1f;}
.ph{height:${pt(z.headerHeight)};display:flex;align-items:flex-start;gap:${pt(16 * z.k)};
  padding-bottom:${pt(6 * z.k)};border-bottom:${pt(3 * z.k)} solid ${ACCENT};overflow:hidden;flex:none;}
.ph-logo{height:${pt(54 * z.k)};width:auto;max-width:${pt(120 * z.k)};object-fit:contain;flex:none;}
.ph-centre{flex:1;min-width:0;}
.ph-name{font-size:${pt(17 * z.k)};line-height:1.15;font-weight:700;display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden;}
.ph-line{font-size:${pt(10 * z.k)};line-height:1.3;color:#45454d;margin-top:${pt(2 * z.k)};}
.ph-head{flex:none;text-align:right;max-width:45%;}
.ph-kicker{font-size:${pt(30 * z.k)};line-height:1;font-weight:700;color:${ACCENT};}
.ph-week{font-size:${pt(16 * z.k)};line-height:1.2;font-weight:700;margin-top:${pt(4 * z.k)};}
.pb{flex:1;margin:${pt(z.bandGap)} 0;display:grid;grid-template-columns:repeat(${z.columns},minmax(0,1fr));
  column-gap:${pt(z.columnGap)};row-gap:${pt(z.columnGap)};align-items:start;}
.col{min-width:0;}
.day{font-size:${pt(z.day)};line-height:${LINE.day};font-weight:700;color:${ACCENT};
  padding-bottom:${pt(0.15 * z.day)};border-bottom:${pt(2 * z.k)} solid ${ACCENT};margin-bottom:${pt(0.3 * z.day)};}
.side{display:grid;grid-template-columns:${pt(z.dayCol)} minmax(0,1fr);column-gap:${pt(z.gap)};padding:${pt(z.dayPad)} 0;break-inside:avoid;}
.side+.side{border-top:${pt(z.k)} solid #c9c9d1;}
.dcol{color:${ACCENT};}
.dcol-wd,.dcol-mon,.dcol-cont{font-size:${pt(z.dayColSmall)};line-height:${LINE.meta};font-weight:700;}
.dcol-wd{text-transform:uppercase;letter-spacing:0.06em;}
.dcol-num{font-size:${pt(z.day)};line-height:${LINE.day};font-weight:700;}
.dcol-cont{font-weight:400;color:#5b5b63;}
.day-cont{font-weight:400;}
.group:not(.side)+.group{margin-top:${pt(z.dayGap)};}
.ev{display:grid;grid-template-columns:${pt(z.timeCol)} minmax(0,1fr);column-gap:${pt(z.gap)};margin-bottom:${pt(z.rowGap)};break-inside:avoid;}
.ev-time{font-size:${pt(z.time)};line-height:${LINE.time};font-weight:700;font-variant-numeric:tabular-nums;}
.ev-end{font-size:${pt(z.meta)};line-height:${LINE.meta};color:#5b5b63;font-variant-numeric:tabular-nums;}
.ev-title{font-size:${pt(z.title)};line-height:${LINE.title};font-weight:700;}
.ev-meta{font-size:${pt(z.meta)};line-height:${LINE.meta};color:#45454d;margin-top:${pt(0.15 * z.meta)};}
.ev-desc{font-size:${pt(z.desc)};line-height:${LINE.meta};margin-top:${pt(0.1 * z.desc)};}
.empty{font-size:${pt(z.title)};line-height:1.3;color:#45454d;grid-column:1/-1;padding-top:${pt(20 * z.k)};}
${grid ? `.pb{align-content:stretch;align-items:stretch;}
.cell{border:${pt(z.k)} solid #c9c9d1;border-radius:${pt(4 * z.k)};padding:${pt(z.cellPad)};min-width:0;}
.cell .day{font-size:${pt(z.day)};}
.gev{margin-bottom:${pt(0.45 * z.title)};break-inside:avoid;}
.gev-time{font-size:${pt(z.time)};line-height:${LINE.time};font-weight:700;color:${ACCENT};font-variant-numeric:tabular-nums;}
.gev-title{font-size:${pt(z.title)};line-height:${LINE.title};font-weight:700;}
.gev-meta{font-size:${pt(z.meta)};line-height:${LINE.meta};color:#45454d;}` : ''}
.pf{height:${pt(z.footerHeight)};display:flex;align-items:flex-end;gap:${pt(14 * z.k)};border-top:${pt(z.k)} solid #c9c9d1;
  padding-top:${pt(6 * z.k)};flex:none;margin-top:auto;overflow:hidden;}
.pf-text{flex:1;min-width:0;}
.pf-call{font-size:${pt(13 * z.k)};line-height:1.2;font-weight:700;}
.pf-url{font-size:${pt(11 * z.k)};line-height:1.3;color:${ACCENT};overflow-wrap:anywhere;}
.pf-page{font-size:${pt(9 * z.k)};line-height:1.3;color:#5b5b63;margin-top:${pt(2 * z.k)};}
.qr{width:${pt(52 * z.k)};height:${pt(52 * z.k)};flex:none;}
.qr svg{width:100%;height:100%;display:block;}
`;
}

/** Typographed texts of an event; used by the layout estimate and the markup alike. */
function eventTexts(input: PosterInput): LayoutText['eventText'] {
  const { lang, labels, format } = input;
  return (e: PosterEvent): EventText => ({
    time: formatTime(e.start),
    endTime: `–${formatTime(e.end)}`,
    title: typograph(e.title, lang),
    meta:
      format.template === 'grid'
        ? typograph(e.roomName, lang)
        : typograph(`${e.roomName} · ${labels.categories[e.category] ?? ''}`.replace(/ · $/, ''), lang),
    desc: format.template === 'grid' ? '' : typograph(e.description, lang),
  });
}

function dayLabelFn(input: PosterInput): LayoutText['dayLabel'] {
  return (day, continued) => {
    const label = formatDay(day.date, input.lang, 'long');
    return continued ? `${label} (${input.labels.continued})` : label;
  };
}

function sideLabelHtml(g: ColumnGroup, input: PosterInput): string {
  const d = g.day.date;
  return `<div class="dcol"><div class="dcol-wd">${escapeHtml(weekdayName(d, input.lang, 'short'))}</div><div class="dcol-num">${Number(d.slice(8, 10))}</div><div class="dcol-mon">${escapeHtml(monthAfterDay(d, input.lang))}</div>${g.continued ? `<div class="dcol-cont">${escapeHtml(input.labels.continuedShort ?? input.labels.continued)}</div>` : ''}</div>`;
}

function groupHtml(g: ColumnGroup, text: LayoutText, input: PosterInput): string {
  const events = g.events
    .map((e) => {
      const t = text.eventText(e);
      return `<div class="ev" data-key="${escapeHtml(e.key)}"><div><div class="ev-time">${t.time}</div><div class="ev-end">${t.endTime}</div></div>
<div><div class="ev-title">${escapeHtml(t.title)}</div><div class="ev-meta">${escapeHtml(t.meta)}</div>${t.desc ? `<div class="ev-desc">${escapeHtml(t.desc)}</div>` : ''}</div></div>`;
    })
    .join('\n');
  if (input.format.template === 'list') return `<div class="group side">${sideLabelHtml(g, input)}<div class="devs">${events}</div></div>`;
  return `<div class="group"><div class="day${g.continued ? ' day-cont' : ''}">${escapeHtml(text.dayLabel(g.day, g.continued))}</div>\n${events}</div>`;
}

function cellHtml(day: PosterDay, text: LayoutText): string {
  const events = day.events
    .map((e) => {
      const t = text.eventText(e);
      return `<div class="gev" data-key="${escapeHtml(e.key)}"><div class="gev-time">${formatTime(e.start)}–${formatTime(e.end)}</div><div class="gev-title">${escapeHtml(t.title)}</div><div class="gev-meta">${escapeHtml(t.meta)}</div></div>`;
    })
    .join('');
  return `<div class="cell"><div class="day">${escapeHtml(text.dayLabel(day, false))}</div>${events}</div>`;
}

/** Lays out and renders the poster. */
export function renderPoster(input: PosterInput): RenderedPoster {
  const { centre, labels, lang, format } = input;
  const text: LayoutText = { dayLabel: dayLabelFn(input), eventText: eventTexts(input) };
  const layout = layoutPoster(input.days, format, text, input.maxScale ?? 1);
  const z = layout.sizes;
  const range = formatDateRange(input.from, input.to, lang);
  const hours = formatOpeningHours(centre.openingHours, lang, labels.closed, input.from);
  const contacts = [centre.address, centre.phone].filter((s) => s.trim()).map((s) => typograph(s, lang)).join(' · ');
  const header = `<header class="ph">${centre.logo ? `<img class="ph-logo" src="${escapeHtml(centre.logo)}" alt="" />` : ''}
<div class="ph-centre"><div class="ph-name">${escapeHtml(typograph(centre.name, lang))}</div>${contacts ? `<div class="ph-line">${escapeHtml(contacts)}</div>` : ''}${hours ? `<div class="ph-line">${escapeHtml(`${labels.hours}: ${hours}`)}</div>` : ''}</div>
<div class="ph-head"><div class="ph-kicker">${escapeHtml(labels.kicker)}</div><div class="ph-week">${escapeHtml(range)}</div></div></header>`;
  const total = layout.pages.length;
  const footer = (n: number) =>
    `<footer class="pf"><div class="pf-text">${centre.posterUrl.trim() ? `<div class="pf-call">${escapeHtml(labels.qrCall)}</div><div class="pf-url">${escapeHtml(centre.posterUrl.trim())}</div>` : ''}${total > 1 ? `<div class="pf-page">${escapeHtml(fill(labels.page, { n, total }))}</div>` : ''}</div>${input.qrSvg ? `<div class="qr">${input.qrSvg}</div>` : ''}</footer>`;
  const empty = input.days.every((d) => d.events.length === 0);
  const sheets = layout.pages.map((page, i) => {
    let body: string;
    if (empty) body = `<div class="empty">${escapeHtml(labels.empty)}</div>`;
    else if (page.kind === 'grid') body = page.rows.flat().map((d) => cellHtml(d, text)).join('\n');
    else body = page.columns.map((col) => `<div class="col">${col.map((g) => groupHtml(g, text, input)).join('\n')}</div>`).join('\n');
    return `<section class="sheet poster-${format.template}" data-page="${i + 1}">${header}<main class="pb">${body}</main>${footer(i + 1)}</section>`;
  });
  const title = fill(labels.documentTitle, { range });
  const box = pageBoxFor(format);
  const page = { size: { widthMm: box.widthMm, heightMm: box.heightMm }, marginMm: box.marginMm };
  const css = posterCss(z, format.template);
  const body = sheets.join('\n');
  return {
    html: printDocument({ title, lang, page, fonts: input.fonts, css, body }),
    css: printStyles({ page, fonts: input.fonts, css }),
    body,
    sheets,
    layout,
    title,
  };
}

/** The poster as plain text for a chat post (Telegram, VK, WhatsApp). */
export function posterPlainText(input: Pick<PosterInput, 'days' | 'from' | 'to' | 'centre' | 'labels' | 'lang'>): string {
  const { lang, labels } = input;
  const lines = [`${labels.kicker}: ${formatDateRange(input.from, input.to, lang)}`, typograph(input.centre.name, lang)];
  for (const day of input.days) {
    if (day.events.length === 0) continue;
    lines.push('', formatDay(day.date, lang, 'long'));
    for (const e of day.events) {
      lines.push(`${formatTime(e.start)}–${formatTime(e.end)} ${typograph(e.title, lang)} (${typograph(e.roomName, lang)})`);
    }
  }
  if (input.days.every((d) => d.events.length === 0)) lines.push('', labels.empty);
  if (input.centre.posterUrl.trim()) lines.push('', input.centre.posterUrl.trim());
  return lines.join('\n');
}

/**
 * The preview with the events that changed since the last print highlighted (screen only: the printed
 * document is `rendered.html`, never this one). Keys are the events' `data-key`s.
 */
export function markChangedEvents(html: string, keys: string[]): string {
  if (keys.length === 0) return html;
  const selectors = keys
    .map((k) => k.replace(/["\\]/g, '\\$&'))
    .flatMap((k) => [`.ev[data-key="${k}"]`, `.gev[data-key="${k}"]`])
    .join(',');
  const style = `<style>@media screen{${selectors}{background:#ffe8a3;outline:3pt solid #ffe8a3;}}</style>`;
  return html.replace('</head>', `${style}</head>`);
}
