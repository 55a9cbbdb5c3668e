/**
 * Sections of a divisible hall ("A", "B", "C" with a label each). Bookings keep section ids, so an id
 * must be short, present and unique within its room (compared without case and surrounding spaces).
 */
import type { RoomSection } from '../db/schemas/rooms';

export const MAX_SECTIONS = 12;
export const MAX_SECTION_ID = 16;

export type SectionError = 'section.no-id' | 'section.id-too-long' | 'section.duplicate-id' | 'section.no-name';

export interface SectionRowErrors {
  id?: SectionError;
  name?: SectionError;
}

const key = (id: string) => id.trim().toLocaleUpperCase('ru');

/** Errors per row (same order as the input); an empty object = that row is fine. */
export function validateSections(sections: readonly RoomSection[]): SectionRowErrors[] {
  const counts = new Map<string, number>();
  for (const s of sections) counts.set(key(s.id), (counts.get(key(s.id)) ?? 0) + 1);
  return sections.map((s) => {
    const row: SectionRowErrors = {};
    const id = s.id.trim();
    if (!id) row.id = 'section.no-id';
    else if (id.length > MAX_SECTION_ID) row.id = 'section.id-too-long';
    else if ((counts.get(key(id)) ?? 0) > 1) row.id = 'section.duplicate-id';
    if (!s.name.trim()) row.name = 'section.no-name';
    return row;
  });
}

/** The sections as stored: ids and labels trimmed. */
export function cleanSections(sections: readonly RoomSection[]): RoomSection[] {
  return sections.map((s) => ({ id: s.id.trim(), name: s.name.trim() }));
}

/** A fresh section: the next free letter A…Z (then S1, S2 …), labelled with that letter. */
export function nextSection(sections: readonly RoomSection[]): RoomSection {
  const taken = new Set(sections.map((s) => key(s.id)));
  const letters = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
  const id = letters.find((l) => !taken.has(l)) ?? Array.from({ length: 100 }, (_, i) => `S${i + 1}`).find((c) => !taken.has(c)) ?? '';
  return { id, name: id };
}

/** Section keys present before and gone after an edit of a room (compared like keys are: trimmed, any case). */
export function removedSectionKeys(before: readonly RoomSection[], after: readonly RoomSection[]): string[] {
  const kept = new Set(after.map((s) => key(s.id)));
  return before.map((s) => s.id.trim()).filter((id) => id && !kept.has(key(id)));
}

/**
 * The live bookings (stored or series occurrences) of a room that name any of `keys` as their sections:
 * removing such a section would leave them pointing at a part of the hall that no longer exists.
 */
export function bookingsUsingSections<T extends { roomId: string; sections: readonly string[]; status: string }>(occurrences: readonly T[], roomId: string, keys: readonly string[]): T[] {
  const gone = new Set(keys.map(key));
  return occurrences.filter((o) => o.roomId === roomId && o.status !== 'cancelled' && o.sections.some((s) => gone.has(key(s))));
}
