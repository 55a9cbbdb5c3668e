/**
 * External links: only https, only to hosts on this allow-list, opened in the
 * system browser (Electron main: shell.openExternal; browser mode: a new tab).
 * Everything else is refused. An entry is an exact host ("github.com") or
 * "*.domain" for its subdomains. Pure: shared by main and the browser implementation.
 */
export const EXTERNAL_LINK_ALLOW_LIST: readonly string[] = [
  'github.com',
  '*.github.com',
  'www.openstreetmap.org',
  'yandex.ru',
  '*.yandex.ru',
  '2gis.ru',
];

export function isAllowedExternalUrl(raw: string, allowList: readonly string[] = EXTERNAL_LINK_ALLOW_LIST): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:') return false;
  if (url.username || url.password) return false;
  if (url.port !== '') return false;
  const host = url.hostname.toLowerCase();
  if (!host || host.startsWith('[') || /^[\d.]+$/.test(host)) return false;
  return allowList.some((entry) => {
    const rule = entry.toLowerCase();
    if (rule.startsWith('*.')) {
      const base = rule.slice(2);
      return host.endsWith(`.${base}`) && host.length > base.length + 1;
    }
    return host === rule;
  });
}
