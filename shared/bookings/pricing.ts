/**
 * Price of a booking: residents and local groups book for free; outside organisers pay the room's
 * hourly rate for the booked time (setup and clean-up included when the centre bills them). Some sections
 * of a divisible hall cost their share of the hall's rate: section C of three is a third of it.
 */
import type { RoomDoc } from '../db/schemas/rooms';
import type { SettingsDoc } from '../db/schemas/settings';
import type { BookingFields } from './model';
import { toMinutes } from '../time';

export interface PriceQuote {
  /** Computed amount, rounded to kopecks/cents. */
  amount: number;
  free: boolean;
  rate: number;
  billedMinutes: number;
  /** Billed minutes as hours (for the form: "3 h × 500"). */
  hours: number;
  /** The rate per hour actually charged: the room's, or its sections' share of it. */
  hourly: number;
  /** Sections booked and the room's sections, when only some of a divisible hall are booked. */
  share: { sections: number; of: number } | null;
  /** An outside booking of a room with no rate: the price would be 0 (the form warns). */
  noRate: boolean;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

export function quotePrice(
  b: Pick<BookingFields, 'local' | 'start' | 'end' | 'setupMinutes' | 'cleanupMinutes'> & Partial<Pick<BookingFields, 'sections'>>,
  room: Partial<Pick<RoomDoc, 'hourlyRate' | 'sections'>> | undefined,
  settings: Partial<Pick<SettingsDoc, 'billSetupTime'>> | undefined,
): PriceQuote {
  const rate = Math.max(0, room?.hourlyRate ?? 0);
  const eventMinutes = Math.max(0, toMinutes(b.end) - toMinutes(b.start));
  const billedMinutes = eventMinutes + (settings?.billSetupTime ? (b.setupMinutes || 0) + (b.cleanupMinutes || 0) : 0);
  const of = room?.sections?.length ?? 0;
  const taken = new Set(b.sections ?? []).size;
  const share = of > 0 && taken > 0 && taken < of ? { sections: taken, of } : null;
  const hourly = share ? (rate * share.sections) / share.of : rate;
  const hours = round2(billedMinutes / 60);
  if (b.local) return { amount: 0, free: true, rate, billedMinutes, hours, hourly: round2(hourly), share, noRate: false };
  return { amount: round2((hourly * billedMinutes) / 60), free: false, rate, billedMinutes, hours, hourly: round2(hourly), share, noRate: rate === 0 };
}

export type PriceError = 'price.override-needs-reason' | 'price.invalid';

/**
 * The price to store: the quote, or an override with its reason.
 * `override` null/undefined = use the quote.
 */
export function settlePrice(
  quote: PriceQuote,
  override: { amount: number; reason: string } | null | undefined,
): { ok: true; price: number; priceOverrideReason: string } | { ok: false; code: PriceError } {
  if (!override || override.amount === quote.amount) return { ok: true, price: quote.amount, priceOverrideReason: '' };
  if (!Number.isFinite(override.amount) || override.amount < 0) return { ok: false, code: 'price.invalid' };
  if (!override.reason.trim()) return { ok: false, code: 'price.override-needs-reason' };
  return { ok: true, price: round2(override.amount), priceOverrideReason: override.reason.trim() };
}
