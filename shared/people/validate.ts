/**
 * Validation of a person and a group as typed at the desk. Returns error codes (mapped to i18n keys in
 * the renderer), never text. An empty list means the input can be saved.
 */
import type { GroupDoc, PersonDoc } from '../db/schemas';
import { GROUP_KINDS } from '../db/schemas';
import { isLocalDate } from '../time';

export type PersonErrorCode =
  | 'person.nameRequired'
  | 'person.nameTooLong'
  | 'person.phoneInvalid'
  | 'person.emailInvalid'
  | 'person.consentDateInvalid'
  | 'person.consentDateRequired';

export type GroupErrorCode = 'group.nameRequired' | 'group.nameTooLong' | 'group.kindInvalid' | 'group.phoneInvalid';

export interface FieldError<C extends string> {
  field: string;
  code: C;
}

export type PersonInput = Pick<PersonDoc, 'name' | 'phone' | 'email' | 'consent'>;
export type GroupInput = Pick<GroupDoc, 'name' | 'kind' | 'contactPhone'>;

const PHONE_CHARS = /^[\d+()\-\s]*$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_NAME = 200;

/** A phone number: only digits, +, (, ), - and spaces, with at least 3 digits and at most 15 (E.164). */
export function isValidPhone(phone: string): boolean {
  if (!PHONE_CHARS.test(phone)) return false;
  const digits = phone.replace(/\D/g, '').length;
  return digits >= 3 && digits <= 15 && phone.length <= 40;
}

export function isValidEmail(email: string): boolean {
  return email.length <= 200 && EMAIL.test(email);
}

export function validatePerson(input: PersonInput): FieldError<PersonErrorCode>[] {
  const errors: FieldError<PersonErrorCode>[] = [];
  const name = input.name.trim();
  if (!name) errors.push({ field: 'name', code: 'person.nameRequired' });
  else if (name.length > MAX_NAME) errors.push({ field: 'name', code: 'person.nameTooLong' });
  const phone = input.phone.trim();
  if (phone && !isValidPhone(phone)) errors.push({ field: 'phone', code: 'person.phoneInvalid' });
  const email = input.email.trim();
  if (email && !isValidEmail(email)) errors.push({ field: 'email', code: 'person.emailInvalid' });
  const date = input.consent.date;
  if (date && !isLocalDate(date)) errors.push({ field: 'consent.date', code: 'person.consentDateInvalid' });
  else if (input.consent.given && !date) errors.push({ field: 'consent.date', code: 'person.consentDateRequired' });
  return errors;
}

export function validateGroup(input: GroupInput): FieldError<GroupErrorCode>[] {
  const errors: FieldError<GroupErrorCode>[] = [];
  const name = input.name.trim();
  if (!name) errors.push({ field: 'name', code: 'group.nameRequired' });
  else if (name.length > MAX_NAME) errors.push({ field: 'name', code: 'group.nameTooLong' });
  if (!GROUP_KINDS.includes(input.kind)) errors.push({ field: 'kind', code: 'group.kindInvalid' });
  const phone = input.contactPhone.trim();
  if (phone && !isValidPhone(phone)) errors.push({ field: 'contactPhone', code: 'group.phoneInvalid' });
  return errors;
}
