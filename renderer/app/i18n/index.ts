import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/ru';
import 'dayjs/locale/en-gb';
import { getDesk } from '../desk';

export const LANGUAGES = ['ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'sosedi.lang';

/** Every feature owns its namespace file: locales/<lang>/<namespace>.json. */
const files = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json', { eager: true });
const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [path, mod] of Object.entries(files)) {
  const match = /\.\/locales\/(\w+)\/([\w-]+)\.json$/.exec(path);
  if (!match) continue;
  const [, lang, ns] = match as unknown as [string, string, string];
  (resources[lang] ??= {})[ns] = mod.default;
}

function isLanguage(value: string | null | undefined): value is Language {
  return value === 'ru' || value === 'en';
}

/** `?lang=en|ru` wins and is remembered; then the remembered choice; Russian by default. */
export function initialLanguage(): Language {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (isLanguage(fromUrl)) {
    localStorage.setItem(STORAGE_KEY, fromUrl);
    return fromUrl;
  }
  const stored = localStorage.getItem(STORAGE_KEY);
  return isLanguage(stored) ? stored : 'ru';
}

export function dayjsLocale(lang: Language): string {
  return lang === 'ru' ? 'ru' : 'en-gb'; // en-gb: Monday-first weeks, 24-hour times
}

export async function setLanguage(lang: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, lang);
  dayjs.locale(dayjsLocale(lang));
  document.documentElement.lang = lang;
  await i18n.changeLanguage(lang);
  // The native menu (Electron) follows the interface language; in browser mode this is a no-op.
  await getDesk().setMenuLanguage(lang).catch(() => undefined);
}

export function initI18n(): typeof i18n {
  const lng = initialLanguage();
  dayjs.locale(dayjsLocale(lng));
  document.documentElement.lang = lng;
  void getDesk().setMenuLanguage(lng).catch(() => undefined);
  void i18n.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: 'ru',
    defaultNS: 'common',
    ns: Object.keys(resources.ru ?? {}),
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18n;
}

export { i18n };
