/**
 * A small, hand-made centre for report tests: March 2026 against February 2026, "now" = 20 March 12:00.
 * Expected values are NOT stored here: each test computes them its own way.
 */
import type { ReportInput } from './figures';
import { booking, loan, rng, visit } from './testing';
import { VISIT_PURPOSES } from '../db/schemas/visits';

export const NOW = '2026-03-20T12:00';

export function reportFixture(): ReportInput {
  const rand = rng(42);
  const visits = [];
  // ~900 visits from 25 January to 5 April, persons p-0 … p-39, a third anonymous.
  for (let i = 0; i < 900; i++) {
    const day = Math.floor(rand() * 71); // 0 … 70
    const d = new Date(Date.UTC(2026, 0, 25 + day));
    const date = d.toISOString().slice(0, 10);
    const hour = 9 + Math.floor(rand() * 12);
    const minute = Math.floor(rand() * 60);
    const person = rand() < 0.33 ? '' : rand() < 0.05 ? 'p-dup' : `p-${Math.floor(rand() * 40)}`;
    const purpose = VISIT_PURPOSES[Math.floor(rand() * VISIT_PURPOSES.length)]!;
    const adults = rand() < 0.2 ? 1 : 0;
    const children = rand() < 0.25 ? Math.floor(rand() * 3) + 1 : 0;
    visits.push(visit(`${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`, person, purpose, adults, children));
  }
  visits.push(visit('2026-03-10T19:05', 'p-1', 'event', 1, 2, 'b3'));
  visits.push(visit('2026-03-10T19:10', '', 'event', 0, 0, 'b3'));

  const ngo = { kind: 'free' as const, refId: '', name: 'ООО Ромашка', phone: '' };
  const bookings = [
    booking({ id: 'b1', roomId: 'hall', start: '2026-03-02T18:00', end: '2026-03-02T20:00', category: 'club', actualAttendance: 12 }),
    booking({ id: 'b2', roomId: 'hall', sections: ['A'], start: '2026-03-07T11:00', end: '2026-03-07T13:00', category: 'lecture', headcount: { adults: 5, children: 3, residents: 8, guests: 0 } }),
    booking({ id: 'b3', roomId: 'hall', start: '2026-03-10T19:00', end: '2026-03-10T22:00', category: 'rental', local: false, price: 3000, paid: true, organiser: ngo }),
    booking({ id: 'b4', roomId: 'studio', start: '2026-03-17T18:30', end: '2026-03-17T20:30', category: 'meeting', actualAttendance: 0, organiser: { kind: 'group', refId: 'g-tos', name: 'ТОС', phone: '' } }),
    booking({ id: 'b5', roomId: 'hall', start: '2026-03-09T12:00', end: '2026-03-09T14:00', category: 'celebration', local: false, price: 1500, organiser: { kind: 'group', refId: 'g-club', name: 'Клуб шахматистов', phone: '' } }),
    booking({ id: 'b6', roomId: 'hall', start: '2026-03-25T10:00', end: '2026-03-25T12:00', category: 'club', organiser: { kind: 'group', refId: 'g-club', name: 'Клуб шахматистов', phone: '' } }),
    booking({ id: 'b7', roomId: 'hall', start: '2026-03-12T10:00', end: '2026-03-12T11:00', status: 'cancelled' }),
    booking({ id: 'b8', roomId: 'gone', start: '2026-03-03T10:00', end: '2026-03-03T11:00', category: 'other' }),
    booking({ id: 'p1', roomId: 'hall', start: '2026-02-10T10:00', end: '2026-02-10T13:00', category: 'club', actualAttendance: 20 }),
    booking({ id: 'p2', roomId: 'hall', start: '2026-02-20T18:00', end: '2026-02-20T19:00', category: 'rental', local: false, price: 1000, paid: true, actualAttendance: 7, organiser: ngo }),
    booking({ id: 'x1', roomId: 'hall', start: '2026-01-30T10:00', end: '2026-01-30T12:00', actualAttendance: 99 }),
    booking({ id: 'x2', roomId: 'hall', start: '2026-04-01T00:00', end: '2026-04-01T02:00', actualAttendance: 99 }),
  ];

  const loans = [
    loan({ outAt: '2026-03-03T10:00', dueAt: '2026-03-10T10:00', status: 'returned', returnedAt: '2026-03-09T12:00', items: [['i-ball', 2], ['i-drill', 1]] }),
    loan({ outAt: '2026-03-05T10:00', dueAt: '2026-03-12T10:00', items: [['i-ball', 1]], borrower: { personId: '', groupId: 'g-lib', name: 'Библиотека', phone: '' } }),
    loan({ outAt: '2026-03-18T10:00', dueAt: '2026-03-25T10:00', items: [['i-proj', 1]] }),
    loan({ outAt: '2026-02-25T10:00', dueAt: '2026-03-04T10:00', status: 'returned', returnedAt: '2026-03-02T09:00', items: [['i-ball', 1]] }),
    loan({ outAt: '2026-03-28T10:00', dueAt: '2026-03-29T10:00', status: 'reserved', items: [['i-chairs', 10]] }),
    loan({ outAt: '2026-03-06T10:00', dueAt: '2026-03-07T10:00', status: 'cancelled', items: [['i-chairs', 5]] }),
    loan({ outAt: '2026-01-10T10:00', dueAt: '2026-01-20T10:00', items: [['i-drill', 1]] }),
  ];

  const weekday = { open: '10:00', close: '20:00' };
  return {
    now: NOW,
    visits,
    bookings,
    loans,
    people: [{ id: 'p-dup', mergedInto: 'p-1' }, { id: 'p-1', mergedInto: '' }],
    rooms: [
      { id: 'hall', name: 'Зал', sections: [{ id: 'A', name: 'A' }, { id: 'B', name: 'B' }], openingHours: null, bookable: true, archived: false, order: 0 },
      {
        id: 'studio',
        name: 'Студия',
        sections: [],
        openingHours: { mo: null, tu: { open: '18:00', close: '21:00' }, we: null, th: null, fr: null, sa: null, su: null },
        bookable: true,
        archived: false,
        order: 1,
      },
      { id: 'store', name: 'Кладовая', sections: [], openingHours: null, bookable: false, archived: false, order: 2 },
    ],
    groups: [
      { id: 'g-ngo', name: 'НКО Соседи', kind: 'ngo' },
      { id: 'g-tos', name: 'ТОС', kind: 'tos' },
      { id: 'g-club', name: 'Клуб шахматистов', kind: 'club' },
      { id: 'g-lib', name: 'Библиотека', kind: 'library' },
    ],
    items: [
      { id: 'i-ball', name: 'Мяч', archived: false },
      { id: 'i-drill', name: 'Дрель', archived: false },
      { id: 'i-proj', name: 'Проектор', archived: false },
      { id: 'i-chairs', name: 'Стулья', archived: false },
      { id: 'i-old', name: 'Старый утюг', archived: true },
    ],
    settings: {
      openingHours: { mo: weekday, tu: weekday, we: weekday, th: weekday, fr: weekday, sa: { open: '12:00', close: '18:00' }, su: null },
      closures: [{ from: '2026-03-09', to: '2026-03-09', reason: 'санитарный день' }],
    },
  };
}
