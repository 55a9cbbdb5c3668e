import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scannedCode, SCAN_PAUSE_MS, type BurstKey } from './scanBurst';

const burst = (code: string, gaps: number[], start = 1000): { keys: BurstKey[]; enterAt: number } => {
  let t = start;
  const keys = [...code].map((key, i) => {
    if (i > 0) t += gaps[(i - 1) % gaps.length]!;
    return { key, at: t };
  });
  return { keys, enterAt: t + gaps[(code.length - 1) % gaps.length]! };
};

describe('scannedCode', () => {
  it('a scanner at its own pace is a scan, a person typing is not', () => {
    const fast = burst('SD-000123-4', [8]);
    expect(scannedCode(fast.keys, fast.enterAt)).toBe('SD-000123-4');
    const person = burst('SD-000123-4', [120]);
    expect(scannedCode(person.keys, person.enterAt)).toBeNull();
    const short = burst('ab', [5]);
    expect(scannedCode(short.keys, short.enterAt)).toBeNull();
  });

  it('a busy old laptop: one or two keys held up for 250 ms still make a scan', () => {
    const gaps = [6, 6, 250, 6, 6, 6, 6, 230, 6, 6, 6];
    const b = burst('SD-000123-4', gaps);
    expect(scannedCode(b.keys, b.enterAt)).toBe('SD-000123-4');
  });

  it('property: any scanner pace up to 30 ms a key, with up to two hiccups below the pause, is a scan (codes of 5 or more characters)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Z0-9-]{5,14}$/),
        fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 15, maxLength: 15 }),
        fc.array(fc.integer({ min: 0, max: 14 }), { maxLength: 2 }),
        (code, base, hiccupAt) => {
          const gaps = base.map((g, i) => (hiccupAt.includes(i) ? SCAN_PAUSE_MS - 1 : g));
          const b = burst(code, gaps);
          expect(scannedCode(b.keys, b.enterAt)).toBe(code);
        },
      ),
    );
  });

  it('property: a person’s pace (90 ms a key or slower) is never a scan', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-zA-Z0-9 ]{3,20}$/), fc.array(fc.integer({ min: 90, max: 350 }), { minLength: 20, maxLength: 20 }), (text, gaps) => {
        const b = burst(text, gaps);
        expect(scannedCode(b.keys, b.enterAt)).toBeNull();
      }),
    );
  });
});
