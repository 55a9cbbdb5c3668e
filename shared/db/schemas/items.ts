import type { BaseDoc } from '../types';
import { collectionSchema, shortText, longText, nonNegInt, money } from './common';

export interface ItemDoc extends BaseDoc {
  name: string;
  category: string;
  /** Barcode / tag printed on the label (unique). Generated when the item has none. */
  code: string;
  /** 'counted' = interchangeable stock (40 chairs); 'single' = one tracked object (the projector). */
  tracking: 'counted' | 'single';
  /** Units owned (1 for single items). */
  quantity: number;
  location: string;
  condition: string;
  deposit: number;
  loanDays: number;
  notes: string;
  /** data: URL of a small photo, optional. */
  photo: string;
  archived: boolean;
}

export const itemSchema = collectionSchema<ItemDoc>('items', 0, {
  name: shortText,
  category: shortText,
  code: { type: 'string', maxLength: 64 },
  tracking: { type: 'string', enum: ['counted', 'single'] },
  quantity: nonNegInt,
  location: shortText,
  condition: shortText,
  deposit: money,
  loanDays: nonNegInt,
  notes: longText,
  photo: { type: 'string', maxLength: 300000 },
  archived: { type: 'boolean' },
}, ['name', 'code', 'tracking', 'quantity', 'archived'], { indexes: ['code'] });
