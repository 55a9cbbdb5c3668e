import { describe, expect, it } from 'vitest';
import { validateCentre, validateRoom, validateDayHours, DEFAULT_OPENING_HOURS } from './validate';

describe('validateRoom', () => {
  it('accepts a proper room', () => {
    expect(validateRoom({ name: 'Кухня', kind: 'kitchen', capacity: 12, colour: '#1971c2' })).toEqual({});
  });
  it('refuses an empty name and a negative capacity with codes', () => {
    expect(validateRoom({ name: '  ', kind: 'room', capacity: -1, colour: '#1971c2' })).toEqual({ name: 'required', capacity: 'notNegative' });
  });
  it('refuses fractional capacity and a duplicate name (case-insensitive)', () => {
    expect(validateRoom({ name: 'зал', kind: 'hall', capacity: 2.5, colour: '#1971c2' }, ['Зал'])).toEqual({
      name: 'duplicateName',
      capacity: 'wholeNumber',
    });
  });
});

describe('validateCentre', () => {
  it('needs a name and checks phone, e-mail and hours', () => {
    const errors = validateCentre({
      name: '',
      phone: 'call me',
      email: 'nope',
      openingHours: { ...DEFAULT_OPENING_HOURS, mo: { open: '21:00', close: '10:00' } },
    });
    expect(errors).toEqual({ name: 'required', phone: 'phone', email: 'email', hours: { mo: 'closeBeforeOpen' } });
  });
  it('accepts defaults with a name', () => {
    expect(validateCentre({ name: 'Соседи', openingHours: DEFAULT_OPENING_HOURS })).toEqual({});
  });
  it('checks time format', () => {
    expect(validateDayHours({ open: '9:00', close: '18:00' })).toBe('time');
    expect(validateDayHours(null)).toBeUndefined();
  });
});
