import type { BaseDoc } from '../types';
import { collectionSchema, shortText, longText, stringArray } from './common';

export type GroupKind = 'club' | 'initiative' | 'ngo' | 'tos' | 'school' | 'library' | 'business' | 'authority' | 'other';
export const GROUP_KINDS: GroupKind[] = ['club', 'initiative', 'ngo', 'tos', 'school', 'library', 'business', 'authority', 'other'];

export interface GroupDoc extends BaseDoc {
  name: string;
  kind: GroupKind;
  /** Person id of the contact person ('' if none). */
  contactPersonId: string;
  contactName: string;
  contactPhone: string;
  /** Local groups use rooms for free. */
  local: boolean;
  /** Person ids of members. */
  memberIds: string[];
  notes: string;
  archived: boolean;
}

export const groupSchema = collectionSchema<GroupDoc>('groups', 0, {
  name: shortText,
  kind: { type: 'string', enum: GROUP_KINDS },
  contactPersonId: { type: 'string', maxLength: 64 },
  contactName: shortText,
  contactPhone: { type: 'string', maxLength: 40 },
  local: { type: 'boolean' },
  memberIds: { ...stringArray, maxItems: 5000 },
  notes: longText,
  archived: { type: 'boolean' },
}, ['name', 'kind']);
