import type { BaseDoc, LocalDateTime } from '../types';
import { collectionSchema, listOf, shortText, longText, nonNegInt, money, localDateTime, optionalLocalDateTime } from './common';

export interface LoanLine {
  itemId: string;
  quantity: number;
  returnedQuantity: number;
  /** Condition notes on return (damage etc.). */
  returnCondition: string;
  returnedAt: LocalDateTime | '';
  returnedBy: string;
}

/**
 * A loan, or a reservation (status 'reserved') that turns into a loan at pickup.
 * Times are local wall-clock.
 */
export interface LoanDoc extends BaseDoc {
  status: 'reserved' | 'open' | 'returned' | 'cancelled';
  borrower: { personId: string; groupId: string; name: string; phone: string };
  /** When a reservation comes from a hall booking. */
  bookingId: string;
  lines: LoanLine[];
  /** Out (or reservation start) and due (or reservation end). */
  outAt: LocalDateTime;
  dueAt: LocalDateTime;
  returnedAt: LocalDateTime | '';
  deposit: number;
  depositReturned: boolean;
  /** Recorded later than it happened. */
  backdated: boolean;
  notes: string;
  /** Who at the desk recorded each step. */
  history: { at: string; by: string; action: string; detail: string }[];
}

export const loanSchema = collectionSchema<LoanDoc>('loans', 1, {
  status: { type: 'string', enum: ['reserved', 'open', 'returned', 'cancelled'], maxLength: 12 },
  borrower: {
    type: 'object',
    properties: {
      personId: { type: 'string', maxLength: 64 },
      groupId: { type: 'string', maxLength: 64 },
      name: shortText,
      phone: { type: 'string', maxLength: 40 },
    },
    additionalProperties: false,
  },
  bookingId: { type: 'string', maxLength: 64 },
  lines: listOf(200, {
    itemId: { type: 'string', maxLength: 64 },
    quantity: { type: 'integer', minimum: 1, maximum: 100000 },
    returnedQuantity: nonNegInt,
    returnCondition: longText,
    returnedAt: optionalLocalDateTime,
    returnedBy: shortText,
  }, ['itemId', 'quantity', 'returnedQuantity']),
  outAt: localDateTime,
  dueAt: localDateTime,
  returnedAt: optionalLocalDateTime,
  deposit: money,
  depositReturned: { type: 'boolean' },
  backdated: { type: 'boolean' },
  notes: longText,
  history: listOf(1000, { at: { type: 'string', maxLength: 40 }, by: shortText, action: shortText, detail: longText }, ['at', 'action']),
}, ['status', 'borrower', 'lines', 'outAt', 'dueAt'], { indexes: ['status', 'outAt'] });
