import { describe, expect, it } from 'vitest';
import { hashPin, PIN_KDF, pinProblem, verifyPin, type PinHash } from './pin';

/** The cheapest cost verifyPin accepts: keeps the many cases below quick; one test uses the real cost. */
const CHEAP = { N: 2 ** 14, r: 8, p: 1 };

describe('PIN rules', () => {
  it.each(['1357', '20481', '730215', '0429'])('accepts %s', (pin) => expect(pinProblem(pin)).toBeNull());
  it.each(['', '123', '1234567', '12a4', ' 1357', '1357 ', '١٢٣٤', '12.4', '-135'])('refuses %j as not 4–6 digits', (pin) => expect(pinProblem(pin)).toBe('pin.format'));
  it.each(['0000', '111111', '1234', '456789', '9876', '43210'])('refuses %s as guessable', (pin) => expect(pinProblem(pin)).toBe('pin.weak'));
});

describe('PIN hashing (scrypt)', () => {
  it('stores only a salted hash with its parameters, never the PIN; the real cost is the default', async () => {
    const stored = await hashPin('482915');
    expect(stored).toMatchObject({ kdf: 'scrypt', ...PIN_KDF });
    expect(JSON.stringify(stored)).not.toContain('482915');
    expect(atob(stored.salt)).toHaveLength(16);
    expect(atob(stored.hash)).toHaveLength(32);
    expect(await verifyPin('482915', stored)).toBe(true);
    expect(await verifyPin('482916', stored)).toBe(false);
  }, 60_000);

  it('salts every hash: the same PIN twice gives different hashes, both verify', async () => {
    const a = await hashPin('2580', CHEAP);
    const b = await hashPin('2580', CHEAP);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(await verifyPin('2580', a)).toBe(true);
    expect(await verifyPin('2580', b)).toBe(true);
  }, 60_000);

  it('refuses to hash a PIN that breaks the rules', async () => {
    await expect(hashPin('12', CHEAP)).rejects.toMatchObject({ code: 'pin.format' });
    await expect(hashPin('1111', CHEAP)).rejects.toMatchObject({ code: 'pin.weak' });
  });

  it('never matches a tampered or too-cheap stored hash', async () => {
    const stored = await hashPin('7302', CHEAP);
    const tampered: [string, PinHash][] = [
      ['cheaper cost', { ...stored, N: 2 ** 4 }],
      ['cost not a power of two', { ...stored, N: 20000 }],
      ['huge cost', { ...stored, N: 2 ** 30 }],
      ['small block', { ...stored, r: 1 }],
      ['no parallelism', { ...stored, p: 0 }],
      ['other kdf', { ...stored, kdf: 'md5' as 'scrypt' }],
      ['short salt', { ...stored, salt: btoa('salt') }],
      ['not base64', { ...stored, hash: '%%%' }],
      ['short hash', { ...stored, hash: btoa('x'.repeat(16)) }],
      ['other hash', { ...stored, hash: btoa('y'.repeat(32)) }],
    ];
    for (const [why, bad] of tampered) expect(await verifyPin('7302', bad), why).toBe(false);
    expect(await verifyPin('7302 ', stored)).toBe(false);
    expect(await verifyPin('7302', stored)).toBe(true);
  }, 60_000);
});
