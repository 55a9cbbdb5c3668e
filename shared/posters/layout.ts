/**
 * Auto-fit of the weekly poster: type size and page breaks, decided before any rendering.
 *
 * Why an estimate here and not a measuring loop in the renderer: the same poster must come out
 * identical in the preview, in Electron's printToPDF, in the browser's print dialog, in the PNG export
 * and in the node-side PDF test, and only the renderer has a DOM to measure with. So the fit is a
 * deterministic computation in shared/ from real font metrics (metrics.ts: PT Sans advance widths
 * measured by Chromium) and the exact sizes the CSS uses (both come from `posterSizes`). The CSS then
 * guarantees the failure mode is harmless: every text wraps (overflow-wrap), nothing has a fixed
 * height or overflow:hidden in the event area, and a sheet only has a minimum height — so if the
 * estimate were ever short the poster gains a page instead of losing a line. The PDF test checks that
 * the predicted page count is the printed one, and the preview reports a sheet that overflowed.
 */
import { pageBox, PT_PER_MM, type PageBox, type Orientation } from '../print/document';
import { textEm, charEm } from './metrics';
import type { PosterDay, PosterEvent } from './model';

export type PosterTemplate = 'list' | 'grid' | 'large';
export const POSTER_TEMPLATES: PosterTemplate[] = ['list', 'grid', 'large'];
export type PosterPaper = 'A4' | 'A3' | 'social';
export const POSTER_PAPERS: PosterPaper[] = ['A4', 'A3', 'social'];

/** 1080 × 1350 CSS px (96 px per inch) for VK / Telegram. */
export const SOCIAL_PX = { width: 1080, height: 1350 } as const;

export interface PosterFormat {
  template: PosterTemplate;
  paper: PosterPaper;
  orientation: Orientation;
}

/** Type sizes in pt at scale 1 on A4 (multiplied by the paper factor k and the fit scale s). */
const BASE: Record<PosterTemplate, { day: number; time: number; title: number; meta: number; desc: number }> = {
  list: { day: 30, time: 22, title: 22, meta: 14, desc: 14 },
  large: { day: 30, time: 28, title: 28, meta: 22, desc: 22 },
  grid: { day: 17, time: 13, title: 14, meta: 11, desc: 0 },
};

/**
 * The readable minimum, as the smallest body text (room, description) on A4, in pt:
 * list 12 pt (titles then 18.9 pt), large 18 pt (titles 22.9 pt), grid 9.5 pt (titles 12 pt).
 */
export const MIN_BODY_PT: Record<PosterTemplate, number> = { list: 12, large: 18, grid: 9.5 };
const STEP = 0.025;

export function pageBoxFor(format: Pick<PosterFormat, 'paper' | 'orientation'>): PageBox {
  if (format.paper === 'social') {
    const mmPerPx = 25.4 / 96;
    return pageBox({
      size: { widthMm: SOCIAL_PX.width * mmPerPx, heightMm: SOCIAL_PX.height * mmPerPx },
      orientation: 'portrait',
      marginMm: 16,
    });
  }
  return pageBox({ size: format.paper, orientation: format.orientation, marginMm: 12 });
}

export interface PosterSizes {
  /** Paper factor: √(content area / A4 content area), ≈1.41 on A3. */
  k: number;
  s: number;
  day: number;
  time: number;
  title: number;
  meta: number;
  desc: number;
  /** Width of the time column (list, large). */
  timeCol: number;
  /** List: width of the day column on the left (weekday, day number, month); 0 = day headings above. */
  dayCol: number;
  /** List: the weekday and month lines of the day column. */
  dayColSmall: number;
  /** List: vertical padding of a day block. */
  dayPad: number;
  /** Gap between the time column and the text. */
  gap: number;
  /** Space after an event. */
  rowGap: number;
  /** Space above a day heading that is not first in its column. */
  dayGap: number;
  columns: number;
  columnGap: number;
  columnWidth: number;
  headerHeight: number;
  footerHeight: number;
  /** Gap between header and body, and body and footer. */
  bandGap: number;
  /** Height available for events on one sheet. */
  bodyHeight: number;
  /** Grid: cell padding. */
  cellPad: number;
}

export const LINE = { day: 1.15, title: 1.12, time: 1.12, meta: 1.3 } as const;
/** Width safety factor on the measured advances (kerning, rounding, fallback glyphs). */
const WIDE = 1.03;

export function posterSizes(format: PosterFormat, s: number): PosterSizes {
  const box = pageBoxFor(format);
  const k = Math.sqrt((box.contentWidthMm * box.contentHeightMm) / (186 * 273));
  const b = BASE[format.template];
  const f = k * s;
  const landscape = box.widthMm > box.heightMm;
  const columns = format.template === 'grid' ? (landscape ? 4 : 2) : landscape ? 2 : 1;
  const contentW = box.contentWidthMm * PT_PER_MM;
  const contentH = (box.contentHeightMm - 1.5) * PT_PER_MM;
  const columnGap = (format.template === 'grid' ? 8 : 28) * k;
  const headerHeight = 74 * k;
  const footerHeight = 64 * k;
  const bandGap = 14 * k;
  const time = b.time * f;
  return {
    k,
    s,
    day: b.day * f,
    time,
    title: b.title * f,
    meta: b.meta * f,
    desc: b.desc * f,
    timeCol: textEm('00:00', 700) * time * WIDE + 2,
    dayCol: format.template === 'list' ? 5.4 * 0.42 * b.day * f : 0,
    dayColSmall: 0.42 * b.day * f,
    dayPad: 0.4 * b.title * f,
    gap: 0.55 * b.title * f,
    rowGap: 0.45 * b.title * f,
    dayGap: 0.45 * b.day * f,
    columns,
    columnGap,
    columnWidth: (contentW - (columns - 1) * columnGap) / columns,
    headerHeight,
    footerHeight,
    bandGap,
    bodyHeight: contentH - headerHeight - footerHeight - 2 * bandGap - 4,
    cellPad: 7 * f,
  };
}

/** Number of lines a text takes at `sizePt` in a box `widthPt` wide (greedy wrapping at spaces, as the browser does). */
export function lineCount(text: string, sizePt: number, weight: 400 | 700, widthPt: number): number {
  if (!text) return 0;
  const space = charEm(32, weight) * sizePt;
  let lines = 1;
  let x = 0;
  for (const word of text.split(' ')) {
    if (!word) continue;
    const w = textEm(word, weight) * sizePt * WIDE;
    if (x > 0 && x + space + w <= widthPt) {
      x += space + w;
      continue;
    }
    if (x > 0) lines++;
    // A word longer than the line breaks inside (overflow-wrap: break-word).
    const extra = Math.max(0, Math.ceil(w / widthPt) - 1);
    lines += extra;
    x = w - extra * widthPt;
  }
  return lines;
}

/** Text lines of one event, as the templates print them (the renderer and the estimate share these). */
export interface EventText {
  time: string;
  endTime: string;
  title: string;
  meta: string;
  desc: string;
}

export function dayHeadingHeight(z: PosterSizes, label: string, width: number): number {
  // heading text + padding-bottom 0.15em + 2pt·k rule + margin-bottom 0.3em
  return lineCount(label, z.day, 700, width) * z.day * LINE.day + 0.45 * z.day + 2 * z.k;
}

/** The day column of the list template: weekday, day number, month (+ "continued") and the block's padding. */
export function dayColumnHeight(z: PosterSizes, continued: boolean): number {
  return (2 + (continued ? 1 : 0)) * z.dayColSmall * LINE.meta + z.day * LINE.day;
}

export function listEventHeight(z: PosterSizes, e: EventText): number {
  const textW = z.columnWidth - z.dayCol - (z.dayCol ? z.gap : 0) - z.timeCol - z.gap;
  const left = z.time * LINE.time + z.meta * LINE.meta;
  let right = lineCount(e.title, z.title, 700, textW) * z.title * LINE.title;
  right += lineCount(e.meta, z.meta, 400, textW) * z.meta * LINE.meta + 0.15 * z.meta;
  if (e.desc && z.desc > 0) right += lineCount(e.desc, z.desc, 400, textW) * z.desc * LINE.meta + 0.1 * z.desc;
  return Math.max(left, right) + z.rowGap;
}

export function gridEventHeight(z: PosterSizes, e: EventText): number {
  const w = z.columnWidth - 2 * z.cellPad - 2 * z.k;
  return (
    z.time * LINE.time +
    lineCount(e.title, z.title, 700, w) * z.title * LINE.title +
    lineCount(e.meta, z.meta, 400, w) * z.meta * LINE.meta +
    0.45 * z.title
  );
}

/** A run of one day's events inside one column. */
export interface ColumnGroup {
  day: PosterDay;
  /** The day began in an earlier column: its heading says "continued". */
  continued: boolean;
  events: PosterEvent[];
}

export type LayoutPage =
  | { kind: 'columns'; columns: ColumnGroup[][] }
  | { kind: 'grid'; rows: PosterDay[][] };

export interface PosterLayout {
  format: PosterFormat;
  sizes: PosterSizes;
  pages: LayoutPage[];
  /** The type had to go down to the readable minimum. */
  atMinimum: boolean;
}

export interface LayoutText {
  dayLabel: (day: PosterDay, continued: boolean) => string;
  eventText: (e: PosterEvent) => EventText;
}

function fillColumns(days: PosterDay[], z: PosterSizes, text: LayoutText): ColumnGroup[][] {
  const columns: ColumnGroup[][] = [[]];
  let used = 0;
  const limit = z.bodyHeight;
  for (const day of days) {
    if (day.events.length === 0) continue;
    let group: ColumnGroup | null = null;
    day.events.forEach((event) => {
      const eh = listEventHeight(z, text.eventText(event));
      const col = columns[columns.length - 1]!;
      // Side day column: a block of padding + max(day column, events); else a heading above the events.
      const heading = (continued: boolean) =>
        z.dayCol
          ? 2 * z.dayPad + z.k + Math.max(0, dayColumnHeight(z, continued) - eh)
          : dayHeadingHeight(z, text.dayLabel(day, continued), z.columnWidth);
      let need = group ? eh : heading(false) + eh + (col.length > 0 && !z.dayCol ? z.dayGap : 0);
      if (used + need > limit && col.length > 0) {
        columns.push([]);
        used = 0;
        const continued = group !== null;
        group = null;
        need = heading(continued) + eh;
        group = { day, continued, events: [] };
        columns[columns.length - 1]!.push(group);
      } else if (!group) {
        group = { day, continued: false, events: [] };
        col.push(group);
      }
      group.events.push(event);
      used += need;
    });
  }
  return columns;
}

function gridRows(days: PosterDay[], z: PosterSizes, text: LayoutText): { rows: PosterDay[][]; heights: number[] } {
  const rows: PosterDay[][] = [];
  for (let i = 0; i < days.length; i += z.columns) rows.push(days.slice(i, i + z.columns));
  const cellW = z.columnWidth - 2 * z.cellPad - 2 * z.k;
  const heights = rows.map((row) =>
    Math.max(
      ...row.map(
        (day) =>
          2 * z.cellPad +
          2 * z.k +
          dayHeadingHeight(z, text.dayLabel(day, false), cellW) +
          Math.max(z.meta * LINE.meta, day.events.reduce((h, e) => h + gridEventHeight(z, text.eventText(e)), 0)),
      ),
    ),
  );
  return { rows, heights };
}

function paginateGrid(rows: PosterDay[][], heights: number[], z: PosterSizes): LayoutPage[] {
  const pages: LayoutPage[] = [];
  let current: PosterDay[][] = [];
  let used = 0;
  rows.forEach((row, i) => {
    const h = heights[i]! + z.columnGap;
    if (used + h > z.bodyHeight + z.columnGap && current.length > 0) {
      pages.push({ kind: 'grid', rows: current });
      current = [];
      used = 0;
    }
    current.push(row);
    used += h;
  });
  pages.push({ kind: 'grid', rows: current });
  return pages;
}

/**
 * Picks the largest type scale (1 down to the readable minimum in steps of 2.5 %) at which the week fits
 * on one sheet; at the minimum it continues onto further sheets.
 */
export function layoutPoster(days: PosterDay[], format: PosterFormat, text: LayoutText, maxScale = 1): PosterLayout {
  const sMin = MIN_BODY_PT[format.template] / (BASE[format.template].meta || 1);
  let s = Math.max(sMin, Math.min(1, maxScale));
  for (let guard = 0; guard < 100; guard++) {
    const z = posterSizes(format, s);
    const last = s <= sMin + 1e-9;
    if (format.template === 'grid') {
      const { rows, heights } = gridRows(days, z, text);
      const total = heights.reduce((a, h) => a + h, 0) + (rows.length - 1) * z.columnGap;
      if (total <= z.bodyHeight || last) {
        const pages = total <= z.bodyHeight ? [{ kind: 'grid', rows } as LayoutPage] : paginateGrid(rows, heights, z);
        return { format, sizes: z, pages, atMinimum: last };
      }
    } else {
      const columns = fillColumns(days, z, text);
      if (columns.length <= z.columns || last) {
        const pages: LayoutPage[] = [];
        for (let i = 0; i < columns.length; i += z.columns) pages.push({ kind: 'columns', columns: columns.slice(i, i + z.columns) });
        return { format, sizes: z, pages, atMinimum: last };
      }
    }
    s = Math.max(sMin, Math.round((s - STEP) * 1000) / 1000);
  }
  throw new Error('layoutPoster: no fit');
}
