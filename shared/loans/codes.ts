import { normalizeCode } from './checkout';

/**
 * Generated item codes: "SD-000123-7" — prefix, 6-digit serial, Luhn check digit.
 * Only digits, Latin capitals and "-": the same keys on Russian and English layouts
 * for the digits and dash, and Code128 prints them compactly.
 */
export const CODE_PREFIX = 'SD-';
const GENERATED = /^SD-(\d{6})-(\d)$/;

export function luhnDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function formatCode(serial: number): string {
  const digits = String(serial).padStart(6, '0');
  return `${CODE_PREFIX}${digits}-${luhnDigit(digits)}`;
}

/** A generated code with a wrong check digit (a mistyped label) is refused; other codes are not ours to judge. */
export function isValidGeneratedCode(code: string): boolean {
  const m = GENERATED.exec(normalizeCode(code));
  return Boolean(m && luhnDigit(m[1]!) === Number(m[2]));
}

/** `count` new codes, unique against the existing ones, continuing after the highest generated serial. */
export function generateCodes(existing: Iterable<string>, count: number): string[] {
  const taken = new Set<string>();
  let max = 0;
  for (const c of existing) {
    const n = normalizeCode(c);
    taken.add(n);
    const m = GENERATED.exec(n);
    if (m) max = Math.max(max, Number(m[1]));
  }
  const out: string[] = [];
  for (let serial = max + 1; out.length < count && serial <= 999999; serial++) {
    const code = formatCode(serial);
    if (!taken.has(code)) out.push(code);
  }
  if (out.length < count) throw new Error('loans.codesExhausted');
  return out;
}
