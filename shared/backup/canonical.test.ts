import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson, canonicalJsonSlow } from './canonical';
import { generateDataset } from '../fixtures/generate';

describe('canonical JSON fast path', () => {
  it('property: the same text as the reference writer for any JSON value (also index-like keys, -0, unicode)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        expect(canonicalJson(value)).toBe(canonicalJsonSlow(value));
      }),
      { numRuns: 500 },
    );
    for (const odd of [{ 2: 'a', 10: 'b', x: 1 }, { a: undefined, b: [undefined, NaN, Infinity] }, { d: new Date(0) }, [{ z: 1, a: { c: 2, b: 1 } }], JSON.parse('{"":{"__proto__":false}}') as unknown]) {
      expect(canonicalJson(odd)).toBe(canonicalJsonSlow(odd));
    }
  });

  it('the same text for a generated centre (every collection)', () => {
    const ds = generateDataset({ size: 'tiny', anchor: '2026-11-18T11:00' });
    expect(canonicalJson(ds)).toBe(canonicalJsonSlow(ds));
  });
});
