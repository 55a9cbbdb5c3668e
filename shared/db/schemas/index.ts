import type { RxJsonSchema } from 'rxdb';
import type { CollectionName } from '../types';
import { settingsSchema, type SettingsDoc } from './settings';
import { roomSchema, type RoomDoc } from './rooms';
import { personSchema, type PersonDoc } from './people';
import { groupSchema, type GroupDoc } from './groups';
import { bookingSchema, type BookingDoc } from './bookings';
import { seriesSchema, type SeriesDoc } from './series';
import { itemSchema, type ItemDoc } from './items';
import { loanSchema, type LoanDoc } from './loans';
import { visitSchema, type VisitDoc } from './visits';
import { conflictSchema, type ConflictDoc } from './conflicts';
import { staffSchema, type StaffDoc } from './staff';
import { auditSchema, type AuditDoc } from './audit';

export * from './settings';
export * from './rooms';
export * from './people';
export * from './groups';
export * from './bookings';
export * from './series';
export * from './items';
export * from './loans';
export * from './visits';
export * from './conflicts';
export * from './staff';
export * from './audit';

export interface DocTypes {
  settings: SettingsDoc;
  rooms: RoomDoc;
  people: PersonDoc;
  groups: GroupDoc;
  bookings: BookingDoc;
  series: SeriesDoc;
  items: ItemDoc;
  loans: LoanDoc;
  visits: VisitDoc;
  conflicts: ConflictDoc;
  staff: StaffDoc;
  audit: AuditDoc;
}

/** The one list of collection schemas: the app, the migrations and the server's validate_doc_update use it. */
export const schemas: { [K in CollectionName]: RxJsonSchema<DocTypes[K]> } = {
  settings: settingsSchema,
  rooms: roomSchema,
  people: personSchema,
  groups: groupSchema,
  bookings: bookingSchema,
  series: seriesSchema,
  items: itemSchema,
  loans: loanSchema,
  visits: visitSchema,
  conflicts: conflictSchema,
  staff: staffSchema,
  audit: auditSchema,
};
