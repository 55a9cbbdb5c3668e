/**
 * Telling a USB scanner from a person: a scanner types a code in a few ms per key, then Enter.
 * Pure (no DOM): `useScanner` feeds it each key's own event timestamp.
 *
 * A busy old laptop may deliver a key late now and then, so a burst is judged by its pace as a whole,
 * not key by key: it is a scan when its keys came on average at most SCAN_MAX_AVG_GAP_MS apart, or when
 * most of them came fast (median gap at most SCAN_FAST_GAP_MS) and at most SCAN_HICCUPS gaps were slow.
 * A pause longer than SCAN_PAUSE_MS starts a new burst (a person picking up the scanner after typing).
 */
export const SCAN_MAX_AVG_GAP_MS = 60;
export const SCAN_FAST_GAP_MS = 35;
export const SCAN_HICCUPS = 2;
export const SCAN_PAUSE_MS = 400;
export const SCAN_MIN_LENGTH = 3;

export interface BurstKey {
  key: string;
  /** The key event's own timestamp (ms). */
  at: number;
}

/** Whether a key at `at` continues a burst whose last key came at `last` (undefined: no burst yet). */
export function continuesBurst(last: number | undefined, at: number): boolean {
  return last !== undefined && at - last <= SCAN_PAUSE_MS;
}

/** The scanned code when `keys` followed by Enter at `enterAt` came at a scanner's pace, else null. */
export function scannedCode(keys: readonly BurstKey[], enterAt: number): string | null {
  if (keys.length < SCAN_MIN_LENGTH) return null;
  const gaps: number[] = [];
  for (let i = 1; i <= keys.length; i++) gaps.push((i < keys.length ? keys[i]!.at : enterAt) - keys[i - 1]!.at);
  if (gaps.some((g) => g > SCAN_PAUSE_MS || g < 0)) return null;
  const code = keys.map((k) => k.key).join('');
  if ((enterAt - keys[0]!.at) / keys.length <= SCAN_MAX_AVG_GAP_MS) return code;
  const sorted = [...gaps].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const slow = gaps.filter((g) => g > SCAN_MAX_AVG_GAP_MS).length;
  return median <= SCAN_FAST_GAP_MS && slow <= SCAN_HICCUPS ? code : null;
}
