import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCode, generateCodes, isValidGeneratedCode, luhnDigit } from './codes';

describe('generated item codes', () => {
  it('have a Luhn check digit that catches a mistyped digit', () => {
    expect(luhnDigit('7992739871')).toBe(3); // the textbook Luhn example
    expect(formatCode(123)).toMatch(/^SD-000123-\d$/);
    expect(isValidGeneratedCode(formatCode(123))).toBe(true);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999999 }), fc.integer({ min: 3, max: 8 }), fc.integer({ min: 1, max: 9 }), (serial, pos, delta) => {
        const code = formatCode(serial);
        const d = (Number(code[pos]) + delta) % 10;
        const typo = code.slice(0, pos) + d + code.slice(pos + 1);
        expect(isValidGeneratedCode(typo)).toBe(false);
      }),
    );
  });

  it('continue after the highest serial and never repeat an existing code', () => {
    expect(generateCodes([], 2)).toEqual([formatCode(1), formatCode(2)]);
    expect(generateCodes(['drill', formatCode(41), 'sd-000007-x'], 2)).toEqual([formatCode(42), formatCode(43)]);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 2000 }), { maxLength: 50 }), fc.integer({ min: 1, max: 30 }), (serials, n) => {
        const existing = serials.map(formatCode);
        const fresh = generateCodes(existing, n);
        expect(fresh).toHaveLength(n);
        expect(new Set([...existing, ...fresh]).size).toBe(new Set(existing).size + n);
        expect(fresh.every(isValidGeneratedCode)).toBe(true);
      }),
    );
  });
});
