import { isKnownTimeZone } from '@shared/bookings';

/**
 * The centre's time zone, for exports that leave the desk (.ics). It is a setting of the centre (`timeZone` in the
 * synced settings document: every desk exports the same instants), set in Settings → Interface; until it is set,
 * each desk uses the zone it remembered before this was a centre setting, else its own.
 */
const REMEMBERED_KEY = 'sosedi.timeZone';

export const deskTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** The zone in force: the centre's, else the one this computer remembered (earlier versions), else this computer's. */
export function centreTimeZoneOf(centreZone: string | undefined, remembered: string | null = rememberedZone()): string {
  if (centreZone && isKnownTimeZone(centreZone)) return centreZone;
  return remembered && isKnownTimeZone(remembered) ? remembered : deskTimeZone();
}

function rememberedZone(): string | null {
  try {
    return localStorage.getItem(REMEMBERED_KEY);
  } catch {
    return null;
  }
}

/** Once the centre has its zone, this computer's own earlier choice is forgotten. */
export function forgetRememberedZone(): void {
  localStorage.removeItem(REMEMBERED_KEY);
}

/** IANA zone names the runtime knows (Russian zones first), for the setting's list. */
export function timeZoneNames(): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [deskTimeZone()];
  const russian = ['Europe/Kaliningrad', 'Europe/Moscow', 'Europe/Samara', 'Asia/Yekaterinburg', 'Asia/Omsk', 'Asia/Novosibirsk', 'Asia/Novokuznetsk', 'Asia/Krasnoyarsk', 'Asia/Irkutsk', 'Asia/Yakutsk', 'Asia/Vladivostok', 'Asia/Magadan', 'Asia/Kamchatka'];
  const set = new Set([...russian.filter((z) => all.includes(z)), deskTimeZone(), ...all]);
  return [...set];
}
