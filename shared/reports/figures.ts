import type { BookingCategory, BookingDoc } from '../db/schemas/bookings';
import { BOOKING_CATEGORIES } from '../db/schemas/bookings';
import type { GroupDoc, GroupKind } from '../db/schemas/groups';
import type { ItemDoc } from '../db/schemas/items';
import type { LoanDoc } from '../db/schemas/loans';
import type { PersonDoc } from '../db/schemas/people';
import type { RoomDoc } from '../db/schemas/rooms';
import type { DayHours, SettingsDoc, WeekHours } from '../db/schemas/settings';
import { WEEKDAYS } from '../db/schemas/settings';
import type { VisitDoc, VisitPurpose } from '../db/schemas/visits';
import { VISIT_PURPOSES } from '../db/schemas/visits';
import type { LocalDateTime } from '../db/types';
import { visitorKeyCache } from '../visits/visitorKey';
import { addDays, dayNumber, toMinutes } from '../time';
import { periodRange, previousPeriod, type Period, type TimeRange } from './period';
import { addVisit, emptyVisitPart, type VisitPart } from './visitParts';
import { addLoan, emptyLoanPart, type LoanPart } from './loanParts';

/** What a report reads. Plain arrays: the renderer hook queries them, tests build them by hand. */
export type ReportBooking = Pick<
  BookingDoc,
  | 'id'
  | 'roomId'
  | 'sections'
  | 'start'
  | 'end'
  | 'title'
  | 'category'
  | 'organiser'
  | 'local'
  | 'actualAttendance'
  | 'headcount'
  | 'status'
  | 'price'
  | 'paid'
>;
export type ReportVisit = Pick<VisitDoc, 'timeIn' | 'personId' | 'purpose' | 'bookingId' | 'adults' | 'children'> & Partial<Pick<VisitDoc, 'visitorKey'>>;
export type ReportLoan = Pick<LoanDoc, 'status' | 'borrower' | 'lines' | 'outAt' | 'dueAt' | 'returnedAt'>;

export interface ReportInput {
  visits: readonly ReportVisit[];
  /**
   * Visits already summed up per stretch of time (shared/reports/visitParts.ts), counted as well as `visits`: the
   * renderer passes its months here and `visits: []`. Each part lies wholly inside one of the two periods, or neither.
   */
  visitParts?: readonly VisitPart[];
  /** Stored bookings and the series occurrences of the period (already expanded). */
  bookings: readonly ReportBooking[];
  rooms: readonly Pick<RoomDoc, 'id' | 'name' | 'sections' | 'openingHours' | 'bookable' | 'archived' | 'order'>[];
  groups: readonly Pick<GroupDoc, 'id' | 'name' | 'kind'>[];
  items: readonly Pick<ItemDoc, 'id' | 'name' | 'archived'>[];
  loans: readonly ReportLoan[];
  /**
   * Loans already summed up per stretch of their `outAt` (shared/reports/loanParts.ts), counted as well as `loans`:
   * the renderer passes its months here, `loans: []` and the open loans as `openLoans`.
   */
  loanParts?: readonly LoanPart[];
  /** Every open loan, for "overdue now"; without it the open ones among `loans` are counted. */
  openLoans?: readonly ReportLoan[];
  /** Only to follow merges (a visit of a merged duplicate counts for the surviving person). */
  people?: readonly Pick<PersonDoc, 'id' | 'mergedInto'>[];
  settings: Pick<SettingsDoc, 'openingHours' | 'closures'> | null;
  /** The desk's wall-clock "now": decides held vs upcoming events and overdue loans. */
  now: LocalDateTime;
}

export interface VisitFigures {
  /** Visit-log entries (one per visitor who signed in, anonymised ones included). */
  entries: number;
  /** People through the door: each entry's visitor plus their companions. */
  people: number;
  /** Adults: the visitor (recorded as an adult) plus adult companions. */
  adults: number;
  children: number;
  /**
   * Distinct participants: distinct (person, calendar year) pairs, by the one-way visitor key of
   * shared/visits/visitorKey.ts (merged duplicates followed to the survivor). An anonymised visit keeps
   * that key, so retention and erasure change no figure; a period across New Year counts a person once
   * per calendar year. Entries without a person (anonymous walk-ins, free names) cannot be told apart:
   * they are counted in `entries` and `withoutPerson`, never in `unique`.
   */
  unique: number;
  withoutPerson: number;
  byPurpose: Record<VisitPurpose, number>;
  /** Entries by weekday (0 = Monday) × hour of sign-in. */
  heatmap: number[][];
}

export interface EventFigures {
  /** Not cancelled and already ended at `now`. */
  held: number;
  /** Not cancelled, not yet ended. */
  upcoming: number;
  cancelled: number;
  heldByCategory: Record<BookingCategory, number>;
  /** Sum of known attendance of held events (actual attendance, else the headcount, else linked visits). */
  attendanceTotal: number;
  /** Held events whose attendance is known. */
  attendanceCounted: number;
  /** attendanceTotal / attendanceCounted, null when no event was counted. */
  attendanceAverage: number | null;
}

export interface RoomLine {
  roomId: string;
  name: string;
  bookings: number;
  bookedHours: number;
  usedHours: number;
  openHours: number;
  occupancy: number | null;
}

export interface RoomFigures {
  /** Event time (start → end) of every booking not cancelled, held or upcoming. */
  bookedHours: number;
  /** Event time of held bookings. */
  usedHours: number;
  cancelledHours: number;
  bookedHoursByCategory: Record<BookingCategory, number>;
  localHours: number;
  outsideHours: number;
  localBookings: number;
  outsideBookings: number;
  /** Opening hours of the bookable rooms in the period, closures excluded. */
  openHours: number;
  /**
   * Booked time inside opening hours / opening hours, over bookable rooms. A booking of some
   * sections of a divisible hall counts for its share of the sections.
   */
  occupancy: number | null;
  rooms: RoomLine[];
}

export interface RentalFigures {
  /** Outside (non-local) bookings not cancelled. */
  count: number;
  hours: number;
  income: number;
  paid: number;
  unpaid: number;
  byRoom: { roomId: string; name: string; count: number; hours: number; income: number }[];
  byOrganiser: { key: string; name: string; count: number; hours: number; income: number }[];
}

export interface LoanFigures {
  /** Loans handed out in the period (open or since returned; reservations and cancelled ones are not loans). */
  made: number;
  unitsLent: number;
  /** Loans returned in the period (whenever they went out, within what was read). */
  returned: number;
  /** Open loans past their due time at `now` (the same for both periods). */
  overdueNow: number;
  topItems: { itemId: string; name: string; loans: number; units: number }[];
  itemsTotal: number;
  itemsNotBorrowed: number;
  /** Share of (non-archived) items not lent in the period; null without items. */
  notBorrowedShare: number | null;
}

export const PARTNER_KINDS: readonly GroupKind[] = ['ngo', 'tos', 'school', 'library', 'business', 'authority', 'other'];

export interface PartnerFigures {
  /** Groups that organised a booking or borrowed things in the period. */
  active: { groupId: string; name: string; kind: GroupKind; partner: boolean; bookings: number; loans: number }[];
  /** Partner organisations (NGO, TOS, school, library, business, authority, other). */
  partnerCount: number;
  /** Clubs and initiative groups. */
  groupCount: number;
}

export interface Figures {
  visits: VisitFigures;
  events: EventFigures;
  rooms: RoomFigures;
  rentals: RentalFigures;
  loans: LoanFigures;
  partners: PartnerFigures;
}

export interface Report {
  period: Period;
  previousPeriod: Period;
  now: LocalDateTime;
  current: Figures;
  previous: Figures;
}

const zeroBy = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
const round2 = (n: number): number => Math.round(n * 100) / 100;
const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

/** Accumulators for one range; filled in one pass over each array, then frozen into `Figures`. */
class Acc {
  visitors = new Set<string>();
  v = {
    entries: 0,
    people: 0,
    adults: 0,
    children: 0,
    withoutPerson: 0,
    byPurpose: zeroBy(VISIT_PURPOSES),
    heatmap: Array.from({ length: 7 }, () => new Array<number>(24).fill(0)),
  };
  ev = { held: 0, upcoming: 0, cancelled: 0, heldByCategory: zeroBy(BOOKING_CATEGORIES), attendanceTotal: 0, attendanceCounted: 0 };
  rm = {
    bookedMin: 0,
    usedMin: 0,
    cancelledMin: 0,
    byCategoryMin: zeroBy(BOOKING_CATEGORIES),
    localMin: 0,
    outsideMin: 0,
    localBookings: 0,
    outsideBookings: 0,
    insideOpenMin: 0,
    perRoom: new Map<string, { bookings: number; bookedMin: number; usedMin: number; insideOpenMin: number }>(),
  };
  rent = {
    count: 0,
    min: 0,
    income: 0,
    paid: 0,
    byRoom: new Map<string, { count: number; min: number; income: number }>(),
    byOrg: new Map<string, { name: string; count: number; min: number; income: number }>(),
  };
  ln = { made: 0, units: 0, returned: 0, byItem: new Map<string, { loans: number; units: number }>() };
  groups = new Map<string, { bookings: number; loans: number }>();

  group(id: string): { bookings: number; loans: number } {
    let g = this.groups.get(id);
    if (!g) this.groups.set(id, (g = { bookings: 0, loans: 0 }));
    return g;
  }
}

function hoursOfDay(hours: WeekHours | null | undefined, weekday: number): DayHours | null {
  return hours?.[WEEKDAYS[weekday]!] ?? null;
}

const hm = (s: string): number => +s.slice(0, 2) * 60 + +s.slice(3, 5);

/**
 * Compute the report for `period` and the one before it (or `compareWith`, e.g. the same days of the previous
 * month, see comparisonFor). One pass over each array; no joins beyond Map lookups.
 */
export function computeReport(input: ReportInput, period: Period, compareWith?: Period): Report {
  const prevPeriod = compareWith ?? previousPeriod(period);
  const cur = periodRange(period);
  const prev = periodRange(prevPeriod);
  const accCur = new Acc();
  const accPrev = new Acc();
  // Hot path: plain string comparisons (wall-clock strings sort chronologically).
  const cs = cur.start;
  const ce = cur.end;
  const ps = prev.start;
  const pe = prev.end;
  const pick = (t: string): Acc | null => (t >= cs && t < ce ? accCur : t >= ps && t < pe ? accPrev : null);

  const mergedInto = new Map<string, string>();
  for (const p of input.people ?? []) if (p.mergedInto) mergedInto.set(p.id, p.mergedInto);
  const survivor = (id: string): string => {
    for (let hops = 0; hops < 20; hops++) {
      const next = mergedInto.get(id);
      if (!next || next === id) break;
      id = next;
    }
    return id;
  };

  // Visits (summed up as parts, and the parts given ready); also the people each visit brings to a linked booking.
  const keyOf = visitorKeyCache();
  const linkedPeople = new Map<string, number>();
  const own = [emptyVisitPart(cur), emptyVisitPart(prev)] as const;
  const weekdayOf = new Map<string, number>();
  for (const v of input.visits) {
    const acc = pick(v.timeIn);
    if (acc) addVisit(own[acc === accCur ? 0 : 1], v, weekdayOf);
  }
  const parts: [Acc | null, VisitPart][] = [[accCur, own[0]], [accPrev, own[1]], ...(input.visitParts ?? []).map((p) => [pick(p.range.start), p] as [Acc | null, VisitPart])];
  for (const [acc, part] of parts) {
    if (!acc) continue;
    const a = acc.v;
    a.entries += part.entries;
    a.adults += part.adults;
    a.children += part.children;
    a.people += part.people;
    a.withoutPerson += part.withoutPerson;
    for (const [p, n] of Object.entries(part.byPurpose) as [VisitPurpose, number][]) a.byPurpose[p] = (a.byPurpose[p] ?? 0) + n;
    for (let d = 0; d < 7; d++) for (let h = 0; h < 24; h++) a.heatmap[d]![h]! += part.heatmap[d]![h]!;
    for (const pair of part.personIds) {
      const id = pair.slice(5);
      acc.visitors.add(keyOf(mergedInto.size ? survivor(id) : id, pair));
    }
    for (const key of part.keys) acc.visitors.add(key);
    for (const [bookingId, n] of part.linkedPeople) linkedPeople.set(bookingId, (linkedPeople.get(bookingId) ?? 0) + n);
  }

  // Opening windows per room for both ranges (minutes since midnight, per day number).
  const settingsHours = input.settings?.openingHours ?? null;
  const closures = input.settings?.closures ?? [];
  const closedDays = new Set<number>();
  const firstDay = Math.min(dayNumber(prevPeriod.from), dayNumber(period.from));
  const lastDay = dayNumber(period.to);
  for (const c of closures) {
    const from = Math.max(dayNumber(c.from), firstDay);
    const to = Math.min(dayNumber(c.to), lastDay);
    for (let d = from; d <= to; d++) closedDays.add(d);
  }
  const roomById = new Map(input.rooms.map((r) => [r.id, r]));
  const openWindow = (roomId: string, day: number): [number, number] | null => {
    if (closedDays.has(day)) return null;
    const room = roomById.get(roomId);
    const h = hoursOfDay(room?.openingHours ?? settingsHours, (day + 3) % 7);
    if (!h) return null;
    const o = hm(h.open);
    const c = hm(h.close);
    return c > o ? [o, c] : null;
  };
  const openMinutes = (roomId: string, range: Period): number => {
    let sum = 0;
    for (let d = dayNumber(range.from), end = dayNumber(range.to); d <= end; d++) {
      const w = openWindow(roomId, d);
      if (w) sum += w[1] - w[0];
    }
    return sum;
  };
  const countsForOccupancy = (r: { bookable: boolean; archived: boolean }): boolean => r.bookable !== false && !r.archived;

  // Bookings.
  const nowMin = toMinutes(input.now);
  for (const b of input.bookings) {
    const acc = pick(b.start);
    if (!acc) continue;
    const startMin = toMinutes(b.start);
    const minutes = Math.max(0, toMinutes(b.end) - startMin);
    if (b.status === 'cancelled') {
      acc.ev.cancelled++;
      acc.rm.cancelledMin += minutes;
      continue;
    }
    const held = toMinutes(b.end) <= nowMin;
    const r = acc.rm;
    let line = r.perRoom.get(b.roomId);
    if (!line) r.perRoom.set(b.roomId, (line = { bookings: 0, bookedMin: 0, usedMin: 0, insideOpenMin: 0 }));
    line.bookings++;
    line.bookedMin += minutes;
    r.bookedMin += minutes;
    r.byCategoryMin[b.category] = (r.byCategoryMin[b.category] ?? 0) + minutes;
    if (b.local) {
      r.localMin += minutes;
      r.localBookings++;
    } else {
      r.outsideMin += minutes;
      r.outsideBookings++;
    }
    if (held) {
      r.usedMin += minutes;
      line.usedMin += minutes;
      acc.ev.held++;
      acc.ev.heldByCategory[b.category] = (acc.ev.heldByCategory[b.category] ?? 0) + 1;
      const hc = b.headcount ? (b.headcount.adults || 0) + (b.headcount.children || 0) : 0;
      const attendance =
        b.actualAttendance !== undefined && b.actualAttendance >= 0 ? b.actualAttendance : hc > 0 ? hc : linkedPeople.get(b.id) ?? -1;
      if (attendance >= 0) {
        acc.ev.attendanceTotal += attendance;
        acc.ev.attendanceCounted++;
      }
    } else {
      acc.ev.upcoming++;
    }
    // Time inside opening hours, weighted by the share of a divisible hall's sections.
    const room = roomById.get(b.roomId);
    if (room && countsForOccupancy(room) && minutes > 0) {
      const share = room.sections.length > 0 && b.sections.length > 0 ? Math.min(1, b.sections.length / room.sections.length) : 1;
      const endMin = startMin + minutes;
      const d0 = Math.floor(startMin / 1440);
      const d1 = Math.min(Math.floor((endMin - 1) / 1440), d0 + 366);
      let inside = 0;
      for (let d = d0; d <= d1; d++) {
        const w = openWindow(b.roomId, d);
        if (!w) continue;
        const lo = Math.max(startMin, d * 1440 + w[0]);
        const hi = Math.min(endMin, d * 1440 + w[1]);
        if (hi > lo) inside += hi - lo;
      }
      r.insideOpenMin += inside * share;
      line.insideOpenMin += inside * share;
    }
    if (!b.local) {
      const rent = acc.rent;
      const price = b.price || 0;
      rent.count++;
      rent.min += minutes;
      rent.income += price;
      if (b.paid) rent.paid += price;
      const byRoom = rent.byRoom.get(b.roomId) ?? { count: 0, min: 0, income: 0 };
      byRoom.count++;
      byRoom.min += minutes;
      byRoom.income += price;
      rent.byRoom.set(b.roomId, byRoom);
      const orgName = (b.organiser?.name ?? '').trim();
      const orgKey = b.organiser?.refId ? `${b.organiser.kind}:${b.organiser.refId}` : `name:${orgName.toLocaleLowerCase()}`;
      const byOrg = rent.byOrg.get(orgKey) ?? { name: orgName, count: 0, min: 0, income: 0 };
      byOrg.count++;
      byOrg.min += minutes;
      byOrg.income += price;
      rent.byOrg.set(orgKey, byOrg);
    }
    if (b.organiser?.kind === 'group' && b.organiser.refId) acc.group(b.organiser.refId).bookings++;
  }

  // Loans (summed up as parts, and the parts given ready); overdue counts the open ones now.
  let overdueNow = 0;
  for (const l of input.openLoans ?? input.loans) if (l.status === 'open' && l.dueAt < input.now) overdueNow++;
  const ownLoans = [emptyLoanPart(cur), emptyLoanPart(prev), emptyLoanPart(cur)] as const;
  for (const l of input.loans) {
    const acc = pick(l.outAt);
    addLoan(ownLoans[acc === accCur ? 0 : acc === accPrev ? 1 : 2], l);
  }
  const loanParts: [Acc | null, LoanPart][] = [[accCur, ownLoans[0]], [accPrev, ownLoans[1]], [null, ownLoans[2]], ...(input.loanParts ?? []).map((p) => [pick(p.range.start), p] as [Acc | null, LoanPart])];
  for (const [acc, part] of loanParts) {
    for (const t of part.returnedAt) {
      const racc = pick(t);
      if (racc) racc.ln.returned++;
    }
    if (!acc) continue;
    acc.ln.made += part.made;
    acc.ln.units += part.units;
    for (const [itemId, x] of part.byItem) {
      const it = acc.ln.byItem.get(itemId);
      if (it) {
        it.loans += x.loans;
        it.units += x.units;
      } else acc.ln.byItem.set(itemId, { ...x });
    }
    for (const [groupId, n] of part.groupLoans) acc.group(groupId).loans += n;
  }

  const itemName = new Map(input.items.map((i) => [i.id, i.name]));
  const activeItems = input.items.filter((i) => !i.archived);
  const groupById = new Map(input.groups.map((g) => [g.id, g]));
  const roomName = (id: string): string => roomById.get(id)?.name ?? id;
  const sortedRooms = [...input.rooms].sort((a, b) => (a.order ?? 0) - (b.order ?? 0) || a.name.localeCompare(b.name));

  const finish = (acc: Acc, range: Period): Figures => {
    const openByRoom = new Map<string, number>();
    let openMin = 0;
    for (const r of sortedRooms) {
      if (!countsForOccupancy(r)) continue;
      const m = openMinutes(r.id, range);
      openByRoom.set(r.id, m);
      openMin += m;
    }
    const roomLines: RoomLine[] = [];
    const listed = new Set<string>();
    for (const r of sortedRooms) {
      const line = acc.rm.perRoom.get(r.id);
      if (!line && !openByRoom.has(r.id)) continue;
      listed.add(r.id);
      const open = openByRoom.get(r.id) ?? 0;
      roomLines.push({
        roomId: r.id,
        name: r.name,
        bookings: line?.bookings ?? 0,
        bookedHours: round2((line?.bookedMin ?? 0) / 60),
        usedHours: round2((line?.usedMin ?? 0) / 60),
        openHours: round2(open / 60),
        occupancy: ratio(line?.insideOpenMin ?? 0, open),
      });
    }
    for (const [roomId, line] of acc.rm.perRoom) {
      if (listed.has(roomId)) continue; // a booking of a room no longer in the list
      roomLines.push({ roomId, name: roomId, bookings: line.bookings, bookedHours: round2(line.bookedMin / 60), usedHours: round2(line.usedMin / 60), openHours: 0, occupancy: null });
    }
    const topItems = [...acc.ln.byItem]
      .map(([itemId, x]) => ({ itemId, name: itemName.get(itemId) ?? itemId, loans: x.loans, units: x.units }))
      .sort((a, b) => b.loans - a.loans || b.units - a.units || a.name.localeCompare(b.name) || (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0))
      .slice(0, 10);
    const notBorrowed = activeItems.filter((i) => !acc.ln.byItem.has(i.id)).length;
    const active = [...acc.groups]
      .filter(([id]) => groupById.has(id))
      .map(([groupId, x]) => {
        const g = groupById.get(groupId)!;
        return { groupId, name: g.name, kind: g.kind, partner: PARTNER_KINDS.includes(g.kind), bookings: x.bookings, loans: x.loans };
      })
      .sort((a, b) => Number(b.partner) - Number(a.partner) || a.name.localeCompare(b.name) || (a.groupId < b.groupId ? -1 : a.groupId > b.groupId ? 1 : 0));
    const byCat = zeroBy(BOOKING_CATEGORIES);
    for (const c of BOOKING_CATEGORIES) byCat[c] = round2(acc.rm.byCategoryMin[c] / 60);
    return {
      visits: { ...acc.v, unique: acc.visitors.size },
      events: { ...acc.ev, attendanceAverage: acc.ev.attendanceCounted ? round2(acc.ev.attendanceTotal / acc.ev.attendanceCounted) : null },
      rooms: {
        bookedHours: round2(acc.rm.bookedMin / 60),
        usedHours: round2(acc.rm.usedMin / 60),
        cancelledHours: round2(acc.rm.cancelledMin / 60),
        bookedHoursByCategory: byCat,
        localHours: round2(acc.rm.localMin / 60),
        outsideHours: round2(acc.rm.outsideMin / 60),
        localBookings: acc.rm.localBookings,
        outsideBookings: acc.rm.outsideBookings,
        openHours: round2(openMin / 60),
        occupancy: ratio(acc.rm.insideOpenMin, openMin),
        rooms: roomLines,
      },
      rentals: {
        count: acc.rent.count,
        hours: round2(acc.rent.min / 60),
        income: round2(acc.rent.income),
        paid: round2(acc.rent.paid),
        unpaid: round2(acc.rent.income - acc.rent.paid),
        byRoom: [...acc.rent.byRoom]
          .map(([roomId, x]) => ({ roomId, name: roomName(roomId), count: x.count, hours: round2(x.min / 60), income: round2(x.income) }))
          .sort((a, b) => b.income - a.income || a.name.localeCompare(b.name)),
        byOrganiser: [...acc.rent.byOrg]
          .map(([key, x]) => ({ key, name: x.name, count: x.count, hours: round2(x.min / 60), income: round2(x.income) }))
          .sort((a, b) => b.income - a.income || a.name.localeCompare(b.name)),
      },
      loans: {
        made: acc.ln.made,
        unitsLent: acc.ln.units,
        returned: acc.ln.returned,
        overdueNow,
        topItems,
        itemsTotal: activeItems.length,
        itemsNotBorrowed: notBorrowed,
        notBorrowedShare: ratio(notBorrowed, activeItems.length),
      },
      partners: {
        active,
        partnerCount: active.filter((g) => g.partner).length,
        groupCount: active.filter((g) => !g.partner).length,
      },
    };
  };

  return { period, previousPeriod: prevPeriod, now: input.now, current: finish(accCur, period), previous: finish(accPrev, prevPeriod) };
}

/** The time range a renderer must read to compute `computeReport(…, period)`: the previous period's start → the period's end. */
export function reportReadRange(period: Period, compareWith?: Period): TimeRange {
  const prev = compareWith ?? previousPeriod(period);
  const start = periodRange(prev).start < periodRange(period).start ? periodRange(prev).start : periodRange(period).start;
  return { start, end: periodRange(period).end > periodRange(prev).end ? periodRange(period).end : periodRange(prev).end };
}

/** Loans are read from this far back before the previous period, so returns in a period of loans that went out earlier count (loans run days or weeks; longer ones are missed). */
export const LOAN_LOOKBACK_DAYS = 90;

/**
 * Where a report's loans are read from: the first of the month `LOAN_LOOKBACK_DAYS` before the previous period. A
 * whole month, so that the look-back is whole months too, each counted once and kept (loanParts.ts); a return counts
 * for a loan that went out 90 to 120 days before the compared period.
 */
export function loanReadStart(period: Period, compareWith?: Period): LocalDateTime {
  return `${addDays((compareWith ?? previousPeriod(period)).from, -LOAN_LOOKBACK_DAYS).slice(0, 7)}-01T00:00`;
}
