import type { BaseDoc } from '../types';
import { collectionSchema, shortText, stringArray } from './common';

/**
 * What a person must look at after sync (shared/sync writes these; the Conflicts inbox reads them):
 * - 'field': the same field of one document was changed differently on two desks; `kept` won (deterministic),
 *   `other` is the losing version, kept here so a person can pick or combine;
 * - 'deleted-edited': one desk deleted, another edited: the edit is kept (nothing lost), the deletion is shown;
 * - 'cancelled-edited': a booking was cancelled on one desk and edited on another: the cancellation is kept;
 * - 'newer-version': a document from a newer app version that this desk cannot read (kept raw, not dropped);
 * - 'refused': the server refused this desk's document (validation, size): `other` = the reason; the
 *   "could not sync" list; resolved when the server accepts a later version;
 * - 'dismissed-clash': a person looked at a double booking / over-lending and decided to keep both
 *   (`docId` = the clash key), so the inbox stops listing it.
 */
export type ConflictKind = 'field' | 'deleted-edited' | 'cancelled-edited' | 'newer-version' | 'refused' | 'dismissed-clash';
export const CONFLICT_KINDS: ConflictKind[] = ['field', 'deleted-edited', 'cancelled-edited', 'newer-version', 'refused', 'dismissed-clash'];

export interface ConflictDoc extends BaseDoc {
  kind: ConflictKind;
  /** Collection of the document concerned (not `collection`: RxDocument has a getter of that name). */
  docCollection: string;
  docId: string;
  /** Fields that differ between the two versions. */
  fields: string[];
  /** JSON of the version now in the database ('' when not applicable). */
  kept: string;
  /** JSON of the other version (the one that did not win). */
  other: string;
  status: 'open' | 'resolved';
  /** 'kept' | 'other' | 'combined' | 'dismissed' | '' */
  resolution: string;
}

export const conflictSchema = collectionSchema<ConflictDoc>('conflicts', 0, {
  kind: { type: 'string', enum: CONFLICT_KINDS },
  docCollection: { type: 'string', maxLength: 40 },
  docId: { type: 'string', maxLength: 300 },
  fields: stringArray,
  kept: { type: 'string', maxLength: 400000 },
  other: { type: 'string', maxLength: 400000 },
  status: { type: 'string', enum: ['open', 'resolved'], maxLength: 10 },
  resolution: shortText,
}, ['kind', 'docCollection', 'docId', 'status'], { indexes: ['status'] });
