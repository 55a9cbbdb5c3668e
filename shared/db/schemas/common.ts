/** JSON-schema fragments shared by every collection schema. */
export const idField = { type: 'string', maxLength: 64 } as const;
export const isoInstant = { type: 'string', maxLength: 40 } as const;
export const localDate = { type: 'string', maxLength: 10, pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
export const localDateTime = {
  type: 'string',
  maxLength: 19,
  // same meaning as \d{2}…; written \d\d because z-schema's ReDoS guard (safe-regex2) refuses the {2} form
  pattern: '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d(:\\d\\d)?$',
} as const;
export const shortText = { type: 'string', maxLength: 200 } as const;
export const longText = { type: 'string', maxLength: 5000 } as const;
export const nonNegInt = { type: 'integer', minimum: 0, maximum: 1000000 } as const;
export const money = { type: 'number', minimum: 0, maximum: 100000000 } as const;

export const author = {
  type: 'object',
  properties: { desk: shortText, volunteer: shortText },
  required: ['desk', 'volunteer'],
  additionalProperties: false,
} as const;

/** Fields every document carries (see shared/db/types.ts). */
export const baseProperties = {
  id: idField,
  createdAt: isoInstant,
  updatedAt: isoInstant,
  updatedBy: author,
} as const;
export const baseRequired = ['id', 'createdAt', 'updatedAt', 'updatedBy'] as const;

export const stringArray = { type: 'array', items: shortText, maxItems: 200 } as const;
