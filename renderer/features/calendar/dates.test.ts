import { describe, expect, it } from 'vitest';
import { dateFormatFor, parseTypedDate } from './dates';

describe('typed dates', () => {
  it('reads day-first dates with dots, slashes or dashes, and ISO', () => {
    expect(parseTypedDate('05.03.2030')).toBe('2030-03-05');
    expect(parseTypedDate('5.3.2030')).toBe('2030-03-05');
    expect(parseTypedDate(' 05/03/2030 ')).toBe('2030-03-05');
    expect(parseTypedDate('31-12-2029')).toBe('2029-12-31');
    expect(parseTypedDate('2030-03-05')).toBe('2030-03-05');
  });

  it('refuses half-typed and impossible dates (no mm/dd guessing)', () => {
    for (const text of ['', '05.03.203', '05.03', '31.02.2030', '13/13/2030', '03/31/2030', 'завтра', '2030-13-01', '5.3.30'])
      expect(parseTypedDate(text), text).toBeNull();
    expect(parseTypedDate('29.02.2028')).toBe('2028-02-29');
  });

  it('shows dates day first in both languages', () => {
    expect(dateFormatFor('ru')).toBe('DD.MM.YYYY');
    expect(dateFormatFor('en')).toBe('DD/MM/YYYY');
  });
});
