import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { formatDateRange, formatDay, formatTimeRange, NBSP, typograph } from './typography';

const nb = (s: string) => s.replaceAll('~', NBSP);

describe('typograph (ru)', () => {
  test('quotes become «ёлочки», nested „лапки“', () => {
    expect(typograph('Хор "Соседи"', 'ru')).toBe('Хор «Соседи»');
    expect(typograph('Клуб "Театр "Маска" и друзья"', 'ru')).toBe(nb('Клуб «Театр „Маска“ и~друзья»'));
    expect(typograph('"Начало" и "конец"', 'ru')).toBe(nb('«Начало» и~«конец»'));
  });
  test('non-breaking space after short words', () => {
    expect(typograph('Встреча в доме и во дворе', 'ru')).toBe(nb('Встреча в~доме и~во~дворе'));
    expect(typograph('Прогулка по парку с соседями за чаем', 'ru')).toBe(nb('Прогулка по~парку с~соседями за~чаем'));
    expect(typograph('В субботу к нам', 'ru')).toBe(nb('В~субботу к~нам'));
  });
  test('numbers stick to units, signs and words', () => {
    expect(typograph('Забег 10 км, взнос 5 ₽', 'ru')).toBe(nb('Забег 10~км, взнос 5~₽'));
    expect(typograph('Кабинет № 5', 'ru')).toBe(nb('Кабинет №~5'));
    expect(typograph('Призовой фонд 10 000 ₽', 'ru')).toBe(nb('Призовой фонд 10~000~₽'));
  });
  test('dashes: em dash with a non-breaking space before; en dash in ranges', () => {
    expect(typograph('Чай - это жизнь', 'ru')).toBe(nb('Чай~— это жизнь'));
    expect(typograph('Сбор в 18:00 - 20:00', 'ru')).toBe(nb('Сбор в~18:00–20:00'));
    expect(typograph('Для детей 7-12 лет', 'ru')).toBe(nb('Для~детей 7–12~лет'));
  });
  test('initials, ellipsis, spaces', () => {
    expect(typograph('Ведёт  А. С. Петрова...', 'ru')).toBe(nb('Ведёт А.~С.~Петрова…'));
  });
  test('idempotent on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('а', 'в', ' ', '"', '-', '1', '0', 'к', 'м', 'Б', '.', '№') }), (s) => {
        const once = typograph(s, 'ru');
        expect(typograph(once, 'ru')).toBe(once);
        expect(once.includes('"')).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('typograph (en)', () => {
  test('curly quotes, en dash, short words', () => {
    expect(typograph('The "Good Neighbours" choir - all welcome', 'en')).toBe(nb('The~“Good Neighbours” choir~– all welcome'));
    expect(typograph("Bob's talk at 18:00-20:00", 'en')).toBe(nb('Bob’s talk at~18:00–20:00'));
  });
});

describe('dates and times', () => {
  test('day labels in the locale', () => {
    expect(formatDay('2025-11-24', 'ru')).toBe(nb('пн 24~ноября'));
    expect(formatDay('2025-11-24', 'en')).toBe(nb('Mon 24~November'));
    expect(formatDay('2026-11-23', 'ru', 'long')).toBe(nb('Понедельник, 23~ноября'));
    expect(formatDay('2026-11-29', 'en', 'long')).toBe(nb('Sunday 29~November'));
  });
  test('24-hour time ranges with an en dash', () => {
    expect(formatTimeRange('2026-11-23T09:05', '2026-11-23T20:00')).toBe('09:05–20:00');
  });
  test('week ranges', () => {
    expect(formatDateRange('2026-11-23', '2026-11-29', 'ru')).toBe(nb('23–29~ноября'));
    expect(formatDateRange('2026-11-30', '2026-12-06', 'ru')).toBe(nb('30~ноября~– 6~декабря'));
    expect(formatDateRange('2026-12-28', '2027-01-03', 'en')).toBe(nb('28~December~2026~– 3~January~2027'));
  });
});
