/**
 * How an event looks in the calendar: the room's colour (so the hall and the studio can be told apart at a
 * glance), text that stays readable on it, and a title that names the room outside the day view (whose columns
 * are the rooms) and does not repeat itself ("Танцы 55+ — Танцы 55+" when the organiser is named like the event).
 */
import type { Occurrence } from '@shared/bookings';

/** Distinct, dark enough for white text; for rooms without a colour of their own, in room order. */
export const ROOM_PALETTE = ['#1565c0', '#2e7d32', '#ad1457', '#6a1b9a', '#a84300', '#00695c', '#4e342e', '#37474f', '#c62828', '#283593'];

export function roomColours(rooms: readonly { id: string; colour?: string }[]): Map<string, string> {
  return new Map(rooms.map((r, i) => [r.id, /^#[0-9a-f]{3}([0-9a-f]{3})?$/i.test(r.colour ?? '') ? r.colour! : ROOM_PALETTE[i % ROOM_PALETTE.length]!]));
}

/** Black or white, whichever reads better on the background (WCAG relative luminance). */
export function textOn(background: string): '#000' | '#fff' {
  const hex = background.replace('#', '');
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const lum = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // contrast with white (1.05 / (lum + 0.05)) against contrast with black ((lum + 0.05) / 0.05)
  return 1.05 / (lum + 0.05) >= (lum + 0.05) / 0.05 ? '#fff' : '#000';
}

const same = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/** "Title — Organiser · Room"; the organiser only when it says something the title does not, the room when given. */
export function eventTitle(o: Pick<Occurrence, 'title' | 'organiser'>, room: string, mark = ''): string {
  const who = o.organiser?.name ?? '';
  const main = who && !same(who, o.title) && !o.title.toLocaleLowerCase().includes(who.trim().toLocaleLowerCase()) ? `${o.title} — ${who}` : o.title;
  return `${mark ? `${mark} · ` : ''}${main}${room ? ` · ${room}` : ''}`;
}

/**
 * A section's label without saying the same word twice: "Section {{name}}" with a section named "A" reads
 * "Section A", with one already named "Секция A" (the demo's hall) just "Секция A", not "Секция Секция A".
 */
export function sectionLabel(filled: string, name: string): string {
  const at = filled.lastIndexOf(name);
  const prefix = at > 0 ? filled.slice(0, at).trim().toLocaleLowerCase() : '';
  return prefix && name.toLocaleLowerCase().startsWith(`${prefix} `) ? name : filled;
}
