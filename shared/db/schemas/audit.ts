import type { RxJsonSchema } from 'rxdb';
import type { BaseDoc } from '../types';
import { baseProperties, baseRequired, idField, isoInstant, shortText } from './common';

/** Actions only a coordinator may do (or authorise with their PIN): the rule is shared/staff/roles.ts. */
export const COORDINATOR_ACTIONS = [
  'person.erase',
  'person.export',
  'backup.restore',
  'settings.retention',
  'settings.prices',
  'sync.settings',
  'booking.priceOverride',
  'item.archive',
  'room.archive',
  'staff.add',
  'staff.change',
] as const;

/** What the log of sensitive actions records: the coordinator-only actions and the staff's own events. */
export const AUDIT_ACTIONS = [...COORDINATOR_ACTIONS, 'staff.recover', 'shift.start'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * One sensitive action: who did it (the volunteer on shift), who authorised it with their PIN when that was
 * someone else (a coordinator), what and when. Written by the command that did the action, never edited; synced
 * like the rest, so the coordinator sees every desk's. `subject` names a document by id, never a resident's name
 * (an erasure must not leave the name in the log).
 */
export interface AuditDoc extends BaseDoc {
  action: AuditAction;
  /** The document concerned (person id, room id…), '' when none. */
  subject: string;
  /** Who was on shift (staff id, '' on a desk without staff) and their name as it was then. */
  byId: string;
  byName: string;
  /** The coordinator who entered their PIN for this action ('' when the person on shift was a coordinator). */
  approvedById: string;
  approvedByName: string;
  /** When (ISO instant; createdAt says the same, this one is indexed). */
  at: string;
}

export const auditSchema: RxJsonSchema<AuditDoc> = {
  title: 'audit',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...baseProperties,
    action: { type: 'string', enum: [...AUDIT_ACTIONS] },
    subject: idField,
    byId: idField,
    byName: shortText,
    approvedById: idField,
    approvedByName: shortText,
    at: { ...isoInstant },
  },
  required: [...baseRequired, 'action', 'subject', 'byId', 'byName', 'approvedById', 'approvedByName', 'at'],
  indexes: ['at'],
  additionalProperties: false,
} as RxJsonSchema<AuditDoc>;
