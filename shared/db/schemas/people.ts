import type { BaseDoc, LocalDate } from '../types';
import { collectionSchema, shortText, longText, stringArray } from './common';

export interface Consent {
  given: boolean;
  date: LocalDate | '';
  recordedBy: string;
}

export interface PersonDoc extends BaseDoc {
  name: string;
  phone: string;
  email: string;
  resident: boolean;
  consent: Consent;
  notes: string;
  /** Free tags, e.g. talents ("чинит велосипеды"). */
  tags: string[];
  /** When merged into another person, the survivor's id (this document is kept as a tombstone). */
  mergedInto: string;
  /** Set when the person's data was erased on request; name etc. are blank then. */
  erased: boolean;
}

export const personSchema = collectionSchema<PersonDoc>('people', 0, {
  name: shortText,
  phone: { type: 'string', maxLength: 40 },
  email: shortText,
  resident: { type: 'boolean' },
  consent: {
    type: 'object',
    properties: { given: { type: 'boolean' }, date: { type: 'string', maxLength: 10 }, recordedBy: shortText },
    additionalProperties: false,
  },
  notes: longText,
  tags: stringArray,
  mergedInto: { type: 'string', maxLength: 64 },
  erased: { type: 'boolean' },
}, ['name']);

