/** Document builders for unit tests of people and visits (not used by the app). */
import type { BookingDoc, ConflictDoc, GroupDoc, LoanDoc, PersonDoc, SeriesDoc, VisitDoc } from '../db/schemas';
import type { Author } from '../db/types';
import { emptyBooking, templateOf } from '../bookings/model';

export const testAuthor: Author = { desk: 'test-desk', volunteer: 'Анна' };
const base = (id: string) => ({ id, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: testAuthor });

export function person(id: string, name: string, extra: Partial<PersonDoc> = {}): PersonDoc {
  return {
    ...base(id),
    name,
    phone: '',
    email: '',
    resident: true,
    consent: { given: true, date: '2026-01-01', recordedBy: 'Анна' },
    notes: '',
    tags: [],
    mergedInto: '',
    erased: false,
    ...extra,
  };
}

export function group(id: string, name: string, extra: Partial<GroupDoc> = {}): GroupDoc {
  return {
    ...base(id),
    name,
    kind: 'club',
    contactPersonId: '',
    contactName: '',
    contactPhone: '',
    local: true,
    memberIds: [],
    notes: '',
    archived: false,
    ...extra,
  };
}

export function visit(id: string, extra: Partial<VisitDoc> = {}): VisitDoc {
  return {
    ...base(id),
    timeIn: '2026-03-02T10:00',
    timeOut: '',
    personId: '',
    name: '',
    resident: true,
    purpose: 'visit',
    bookingId: '',
    adults: 0,
    children: 0,
    anonymised: false,
    notes: '',
    edits: [],
    ...extra,
  };
}

export function loan(id: string, personId: string, extra: Partial<LoanDoc> = {}): LoanDoc {
  return {
    ...base(id),
    status: 'open',
    borrower: { personId, groupId: '', name: 'Борис', phone: '+7 900 000-00-00' },
    bookingId: '',
    lines: [{ itemId: 'item-1', quantity: 2, returnedQuantity: 0, returnCondition: '', returnedAt: '', returnedBy: '' }],
    outAt: '2026-03-02T10:00',
    dueAt: '2026-03-09T10:00',
    returnedAt: '',
    deposit: 0,
    depositReturned: false,
    backdated: false,
    notes: '',
    history: [],
    ...extra,
  };
}

export function booking(id: string, organiserId: string, extra: Partial<BookingDoc> = {}): BookingDoc {
  return {
    ...base(id),
    ...emptyBooking({
      roomId: 'room-1',
      start: '2026-03-02T18:00',
      end: '2026-03-02T20:00',
      title: 'Шахматы',
      category: 'club',
      organiser: { kind: organiserId ? 'person' : 'free', refId: organiserId, name: 'Борис', phone: '+7 900 000-00-00' },
      expectedAttendance: 10,
      public: true,
    }),
    ...extra,
  };
}

/** A weekly club organised by a directory person ('' = a typed-in organiser). */
export function series(id: string, organiserId: string, extra: Partial<SeriesDoc> = {}): SeriesDoc {
  return {
    ...base(id),
    rrule: 'FREQ=WEEKLY;BYDAY=MO',
    dtstart: '2026-03-02T18:00',
    durationMinutes: 90,
    template: templateOf({
      roomId: 'room-1',
      title: 'Вязание',
      category: 'club',
      organiser: { kind: organiserId ? 'person' : 'free', refId: organiserId, name: 'Борис', phone: '+7 900 000-00-00' },
    }),
    exceptions: [],
    endedOn: '',
    status: 'active',
    notes: '',
    ...extra,
  };
}

/** A sync conflict record holding two copies of a document. */
export function conflict(id: string, docCollection: string, docId: string, kept: unknown, other: unknown): ConflictDoc {
  return { ...base(id), kind: 'field', docCollection, docId, fields: ['name'], kept: JSON.stringify(kept), other: JSON.stringify(other), status: 'open', resolution: '' };
}
