import type { DayHours, RoomDoc, SettingsDoc, WeekHours } from '../db/schemas';
import { WEEKDAYS } from '../db/schemas';

/** Validation errors are codes (i18n keys under `validation.*`), never user-facing text. */
export type FieldErrors<T> = Partial<Record<keyof T & string, string>>;

export type RoomInput = Pick<RoomDoc, 'name' | 'kind' | 'capacity' | 'colour'> & Partial<RoomDoc>;

const HOUR = /^([01]\d|2[0-3]):[0-5]\d$/;

export function validateRoom(input: Partial<RoomInput>, existingNames: string[] = []): FieldErrors<RoomInput> {
  const errors: FieldErrors<RoomInput> = {};
  const name = (input.name ?? '').trim();
  if (!name) errors.name = 'required';
  else if (name.length > 200) errors.name = 'tooLong';
  else if (existingNames.some((n) => n.trim().toLocaleLowerCase('ru') === name.toLocaleLowerCase('ru'))) errors.name = 'duplicateName';
  const capacity = input.capacity;
  if (capacity === undefined || capacity === null || Number.isNaN(capacity)) errors.capacity = 'required';
  else if (!Number.isInteger(capacity)) errors.capacity = 'wholeNumber';
  else if (capacity < 0) errors.capacity = 'notNegative';
  else if (capacity > 10000) errors.capacity = 'tooLarge';
  if (input.colour !== undefined && input.colour !== '' && !/^#[0-9a-fA-F]{6}$/.test(input.colour)) errors.colour = 'colour';
  return errors;
}

export function validateDayHours(hours: DayHours | null): string | undefined {
  if (!hours) return undefined;
  if (!HOUR.test(hours.open) || !HOUR.test(hours.close)) return 'time';
  if (hours.close <= hours.open) return 'closeBeforeOpen';
  return undefined;
}

export type CentreInput = Pick<SettingsDoc, 'name' | 'address' | 'phone' | 'email' | 'openingHours'>;

export function validateCentre(input: Partial<CentreInput>): FieldErrors<CentreInput> & { hours?: Partial<Record<string, string>> } {
  const errors: FieldErrors<CentreInput> & { hours?: Partial<Record<string, string>> } = {};
  if (!(input.name ?? '').trim()) errors.name = 'required';
  if (input.phone && !/^[+\d\s()-]{3,40}$/.test(input.phone)) errors.phone = 'phone';
  if (input.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email)) errors.email = 'email';
  const hours: Partial<Record<string, string>> = {};
  for (const day of WEEKDAYS) {
    const e = validateDayHours(input.openingHours?.[day] ?? null);
    if (e) hours[day] = e;
  }
  if (Object.keys(hours).length) errors.hours = hours;
  return errors;
}

export const DEFAULT_OPENING_HOURS: WeekHours = {
  mo: { open: '10:00', close: '21:00' },
  tu: { open: '10:00', close: '21:00' },
  we: { open: '10:00', close: '21:00' },
  th: { open: '10:00', close: '21:00' },
  fr: { open: '10:00', close: '21:00' },
  sa: { open: '11:00', close: '18:00' },
  su: null,
};

/** Defaults for a new centre profile (the settings document). */
export function defaultCentre(): Omit<SettingsDoc, 'id' | 'createdAt' | 'updatedAt' | 'updatedBy'> {
  return {
    name: '',
    address: '',
    phone: '',
    email: '',
    website: '',
    logo: '',
    openingHours: DEFAULT_OPENING_HOURS,
    closures: [],
    billSetupTime: true,
    currency: 'RUB',
    retentionDays: 90,
    language: 'ru',
    posterUrl: '',
  };
}

const PALETTE = ['#1971c2', '#2f9e44', '#e8590c', '#9c36b5', '#c2255c', '#0c8599', '#5f3dc4', '#66a80f'];

/** Defaults for a new room; colour rotates through a palette with good contrast for white text. */
export function defaultRoom(index: number): Omit<RoomDoc, 'id' | 'createdAt' | 'updatedAt' | 'updatedBy'> {
  return {
    name: '',
    kind: 'room',
    capacity: 20,
    capacityByLayout: { theatre: 0, tables: 0, open: 0 },
    colour: PALETTE[index % PALETTE.length]!,
    sections: [],
    setupMinutes: 0,
    cleanupMinutes: 0,
    hourlyRate: 0,
    bookable: true,
    openingHours: null,
    notes: '',
    archived: false,
    order: index,
  };
}
