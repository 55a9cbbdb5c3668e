import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { BookingWarning, Clash, EquipmentProblem, TimedBooking } from '@shared/bookings';
import type { BookingCategory, RoomDoc } from '@shared/db';

/** Calendar colours by category (white text on each has enough contrast). */
export const CATEGORY_COLOURS: Record<BookingCategory, string> = {
  club: '#2f7d32',
  lecture: '#1565c0',
  meeting: '#6a1b9a',
  celebration: '#c2185b',
  rental: '#a84300',
  other: '#455a64',
};

/** Puts bookings, clashes and warnings into words in the user's language. */
export function useBookingWords(rooms: readonly RoomDoc[]) {
  const { t } = useTranslation('calendar');
  const where = useCallback(
    (roomId: string, sections: readonly string[]) => {
      const room = rooms.find((r) => r.id === roomId);
      const name = room?.name ?? roomId;
      if (!sections.length) return room?.sections?.length ? `${name} (${t('wholeRoom')})` : name;
      const names = sections.map((id) => room?.sections.find((s) => s.id === id)?.name ?? id).join(', ');
      return t('sectionColumn', { room: name, section: names });
    },
    [rooms, t],
  );
  const when = useCallback((start: string, end: string) => {
    const s = dayjs(start);
    const e = dayjs(end);
    return s.isSame(e, 'day') ? `${s.format('dd D MMMM YYYY, HH:mm')}–${e.format('HH:mm')}` : `${s.format('D MMM HH:mm')} – ${e.format('D MMM HH:mm')}`;
  }, []);
  const clash = useCallback(
    (c: Clash<TimedBooking>) =>
      t(c.sameSeriesDay ? 'clashSameSeriesDay' : c.who ? 'clash' : 'clashNoWho', { what: c.what, who: c.who, when: when(c.start, c.end), where: where(c.roomId, c.other.sections) }),
    [t, when, where],
  );
  const warning = useCallback(
    (w: BookingWarning) =>
      w.code === 'booking.closure'
        ? t('warning.booking.closure', { reason: w.closure.reason || `${w.closure.from}–${w.closure.to}` })
        : w.code === 'booking.over-capacity'
          ? t('warning.booking.over-capacity', { attendance: w.attendance, capacity: w.capacity })
          : t('warning.booking.outside-hours'),
    [t],
  );
  const error = useCallback((code: string) => t(`errors.${code}`), [t]);
  const equipment = useCallback(
    (p: EquipmentProblem) => {
      const holders = p.holders.map((h) => t('equipment.holder', { who: h.name || '—', when: when(h.from, h.to), quantity: h.quantity })).join('; ');
      const key = ['loans.reserved', 'loans.notEnough', 'loans.archived', 'loans.singleQuantity', 'loans.quantityInvalid'].includes(p.code) ? p.code : 'other';
      return t(`equipment.problem.${key}`, { item: p.name || t('equipment.unknownItem'), wanted: p.wanted, available: p.available ?? 0, holders });
    },
    [t, when],
  );
  return { where, when, clash, warning, error, equipment };
}
