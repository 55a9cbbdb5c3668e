/**
 * The custom scheme the renderer is served from. Registered as standard + secure
 * (IndexedDB, fetch and a proper origin need it), never file://.
 */
export const APP_SCHEME = 'app';
/** Host of the app itself: app://desk/index.html. */
export const APP_HOST = 'desk';
/** Host of one-shot print documents: app://print/<id>. A different origin from the app, scripts off. */
export const PRINT_HOST = 'print';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** True for URLs of the app itself (app://desk/...). */
export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}
