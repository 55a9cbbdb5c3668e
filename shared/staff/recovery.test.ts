import { describe, expect, it } from 'vitest';
import { hashRecoveryCode, newRecoveryCode, normaliseRecoveryCode, verifyRecoveryCode } from './recovery';

const CHEAP = { N: 2 ** 14, r: 8, p: 1 };

describe('recovery code', () => {
  it('is 16 Crockford base32 characters in groups of four, different every time', () => {
    const codes = new Set(Array.from({ length: 50 }, newRecoveryCode));
    expect(codes.size).toBe(50);
    for (const c of codes) expect(c).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  });
  it('is forgiving to type: case, spaces, dashes, O/I/L for 0/1/1; anything else is not a code', () => {
    expect(normaliseRecoveryCode('abcd efgh-jkmn pqrs')).toBe('ABCDEFGHJKMNPQRS');
    expect(normaliseRecoveryCode('O1IL-0000-0000-0000')).toBe('0111000000000000');
    expect(normaliseRecoveryCode('ABCD-EFGH-JKMN-PQR')).toBeNull();
    expect(normaliseRecoveryCode('ABCD-EFGH-JKMN-PQRU')).toBeNull();
  });
  it('is stored only as a salted hash and verifies as typed', async () => {
    const code = newRecoveryCode();
    const stored = await hashRecoveryCode(code, CHEAP);
    expect(JSON.stringify(stored)).not.toContain(code.replace(/-/g, ''));
    expect(await verifyRecoveryCode(code.toLowerCase().replace(/-/g, ' '), stored)).toBe(true);
    expect(await verifyRecoveryCode(newRecoveryCode(), stored)).toBe(false);
    expect(await verifyRecoveryCode('1234', stored)).toBe(false);
  });
});
