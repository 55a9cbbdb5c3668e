import type { RxJsonSchema } from 'rxdb';
import type { BaseDoc } from '../types';
import { baseProperties, baseRequired, isoInstant, shortText } from './common';

export type StaffRole = 'volunteer' | 'coordinator';
export const STAFF_ROLES: StaffRole[] = ['volunteer', 'coordinator'];

/** A slow salted hash (shared/staff/pin.ts): the parameters travel with it so they can be raised later. */
export interface SecretHash {
  kdf: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
  hash: string;
}

/**
 * A person who works at the centre's desks (synced: every desk of the centre knows the same staff).
 * Only hashes are stored: the PIN (4–6 digits) and, for a coordinator, the one-time recovery code
 * (docs/staff.md). A volunteer who leaves is archived, never deleted (the log keeps naming them).
 */
export interface StaffDoc extends BaseDoc {
  name: string;
  role: StaffRole;
  pin: SecretHash;
  /** Coordinators only: the hash of the recovery code shown once when the PIN was set; absent otherwise. */
  recovery?: SecretHash;
  archived: boolean;
  /** When the PIN was last set (ISO instant). */
  pinSetAt: string;
}

const secretHash = {
  type: 'object',
  properties: {
    kdf: { type: 'string', enum: ['scrypt'] },
    N: { type: 'integer', minimum: 1, maximum: 1048576 },
    r: { type: 'integer', minimum: 1, maximum: 64 },
    p: { type: 'integer', minimum: 1, maximum: 16 },
    salt: { type: 'string', maxLength: 100 },
    hash: { type: 'string', maxLength: 100 },
  },
  required: ['kdf', 'N', 'r', 'p', 'salt', 'hash'],
  additionalProperties: false,
} as const;

export const staffSchema: RxJsonSchema<StaffDoc> = {
  title: 'staff',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...baseProperties,
    name: shortText,
    role: { type: 'string', enum: STAFF_ROLES },
    pin: secretHash,
    recovery: secretHash,
    archived: { type: 'boolean' },
    pinSetAt: isoInstant,
  },
  required: [...baseRequired, 'name', 'role', 'pin', 'archived', 'pinSetAt'],
  additionalProperties: false,
} as RxJsonSchema<StaffDoc>;
