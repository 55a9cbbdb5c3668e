/**
 * Text normalisation shared by search, validation and duplicate detection.
 * Pure: no DOM, no Node.
 */

/** Lower-cases, folds ё→е (and Latin accents), collapses whitespace. "  Пётр  ИВАНОВ " → "петр иванов". */
export function normaliseName(text: string): string {
  return text
    .normalize('NFKD')
    // Combining marks: drops Latin accents and the diaeresis of NFKD-decomposed "ё" (е + U+0308), and й's breve.
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/\s+/g, ' ')
    .trim();
}

/** One search term: the normalised word with punctuation stripped ('' when nothing is left). */
export function normaliseTerm(term: string): string {
  return normaliseName(term).replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Splits text into words on anything that is not a letter or digit. */
export function words(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}

/**
 * The digits of a phone number in a comparable form. Russian numbers written with +7 or 8 in front
 * ("+7 (912) 345-67-89", "8 912 345 67 89") both become the 10-digit national number "9123456789".
 */
export function phoneDigits(phone: string): string {
  const digits = phone.replace(/\D+/g, '');
  if (digits.length === 11 && (digits[0] === '7' || digits[0] === '8')) return digits.slice(1);
  return digits;
}
