/**
 * The one-way visitor key an anonymised visit keeps so that "unique participants" stays the same after
 * retention or erasure (see docs/privacy.md).
 *
 * The key is a hash of the person's id and the visit's calendar year: the visits of one person within one
 * calendar year share a key, different years give unrelated keys, and the key does not give back the id
 * (nor a name: the id is a random identifier that carries no personal data). Reports count unique
 * participants by this key for every visit, live or anonymised, so anonymising a visit does not change any
 * figure: a period's unique participants are the distinct (person, calendar year) pairs among its visits.
 */
import type { LocalDateTime } from '../db/types';
import { sha256Hex } from '../backup/sha256';

/** Hex digits kept: 96 bits, no collisions among a centre's visitors. */
const KEY_LENGTH = 24;

export function visitorKey(personId: string, timeIn: LocalDateTime): string {
  return sha256Hex(`sosedi-visitor|${timeIn.slice(0, 4)}|${personId}`).slice(0, KEY_LENGTH);
}

/** A memoised `visitorKey` for one report run (a year's visits repeat the same few thousand pairs). */
export function visitorKeyCache(): (personId: string, timeIn: LocalDateTime) => string {
  const cache = new Map<string, string>();
  return (personId, timeIn) => {
    const k = `${timeIn.slice(0, 4)}|${personId}`;
    let key = cache.get(k);
    if (key === undefined) cache.set(k, (key = visitorKey(personId, timeIn)));
    return key;
  };
}
