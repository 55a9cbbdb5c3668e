import { isKnownTimeZone } from '@shared/bookings';
import { changeSignal } from './changeSignal';

/**
 * The centre's time zone, for exports that leave the desk (.ics): by default this computer's own zone; a desk
 * whose clock is set elsewhere (a coordinator's laptop in another city) can name the centre's zone in
 * Settings → Interface. Remembered on this computer, like the language.
 */
const STORAGE_KEY = 'sosedi.timeZone';
const zoneChanged = changeSignal();

export const deskTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export function getCentreTimeZone(): string {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored && isKnownTimeZone(stored) ? stored : deskTimeZone();
}

export function setCentreTimeZone(zone: string | null): void {
  if (zone && isKnownTimeZone(zone) && zone !== deskTimeZone()) localStorage.setItem(STORAGE_KEY, zone);
  else localStorage.removeItem(STORAGE_KEY);
  zoneChanged.changed();
}

export function useCentreTimeZone(): string {
  return zoneChanged.use(getCentreTimeZone);
}

/** IANA zone names the runtime knows (Russian zones first), for the setting's list. */
export function timeZoneNames(): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [deskTimeZone()];
  const russian = ['Europe/Kaliningrad', 'Europe/Moscow', 'Europe/Samara', 'Asia/Yekaterinburg', 'Asia/Omsk', 'Asia/Novosibirsk', 'Asia/Novokuznetsk', 'Asia/Krasnoyarsk', 'Asia/Irkutsk', 'Asia/Yakutsk', 'Asia/Vladivostok', 'Asia/Magadan', 'Asia/Kamchatka'];
  const set = new Set([...russian.filter((z) => all.includes(z)), deskTimeZone(), ...all]);
  return [...set];
}
