/**
 * The sync server's address, checked strictly before it is stored, used or put into the Content-Security-Policy.
 *
 * Only `scheme://host[:port]` with an optional trailing slash: no user name or password, no path, query or
 * fragment, no character that could end a CSP source (`;`, `,`, quotes, spaces, control characters). An
 * international host name is stored in its ASCII (punycode) form. Plain `http://` is accepted for loopback
 * (127.0.0.0/8, ::1, localhost) and otherwise only when the centre chose "server in this building, no
 * encryption": elsewhere a desk would send its password in clear.
 *
 * Pure (WHATWG URL only): used by Electron main, the renderer and the sync engine alike.
 */
export type SyncUrlProblem =
  | 'empty'
  | 'tooLong'
  | 'scheme'
  | 'credentials'
  | 'path'
  | 'chars'
  | 'host'
  | 'port'
  | 'plainHttp';

export interface SyncUrl {
  ok: true;
  /** `scheme://host[:port]/`: the server root the desk talks to. */
  url: string;
  /** `scheme://host[:port]`: what goes into CSP connect-src. */
  origin: string;
  https: boolean;
  loopback: boolean;
}

export type SyncUrlCheck = SyncUrl | { ok: false; problem: SyncUrlProblem };

export interface SyncUrlOptions {
  /** The centre's explicit choice: a server on its own network, reached over plain http. */
  inBuilding?: boolean;
}

/** Longer than any real `https://host:port/` (a host name is at most 253 characters). */
export const MAX_SYNC_URL_LENGTH = 300;

const fail = (problem: SyncUrlProblem): SyncUrlCheck => ({ ok: false, problem });

/** Letters and digits of any script (an IDN host), ASCII dots, dashes, and the brackets and colons of IPv6/ports. */
const AUTHORITY_CHARS = /^[\p{L}\p{M}\p{N}.\-:[\]]+$/u;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const IPV6 = /^\[[0-9a-f:.]+\]$/;

function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

function validHostname(hostname: string): boolean {
  if (IPV6.test(hostname)) return true;
  if (hostname.length > 253) return false;
  return hostname.split('.').every((label) => LABEL.test(label));
}

export function checkSyncUrl(raw: string, options: SyncUrlOptions = {}): SyncUrlCheck {
  const text = raw.trim();
  if (!text) return fail('empty');
  if (text.length > MAX_SYNC_URL_LENGTH) return fail('tooLong');
  const scheme = /^(https?):\/\/(.*)$/is.exec(text);
  if (!scheme) return fail('scheme');
  const protocol = scheme[1]!.toLowerCase();
  const rest = scheme[2]!;
  const end = rest.search(/[/?#\\]/);
  const authority = end === -1 ? rest : rest.slice(0, end);
  const after = end === -1 ? '' : rest.slice(end);
  if (authority.includes('@')) return fail('credentials');
  if (after !== '' && after !== '/') return fail(after.includes('\\') ? 'chars' : 'path');
  if (!authority) return fail('host');
  if (!AUTHORITY_CHARS.test(authority)) return fail('chars');

  const port = /^(?:\[[^\]]*\]|[^:[\]]*)(?::(.*))?$/.exec(authority);
  if (!port) return fail('host');
  if (port[1] !== undefined && !/^[1-9]\d{0,4}$/.test(port[1])) return fail('port');
  if (port[1] !== undefined && Number(port[1]) > 65535) return fail('port');

  let url: URL;
  try {
    url = new URL(`${protocol}://${authority}/`);
  } catch {
    return fail('host');
  }
  if (url.username || url.password || url.pathname !== '/' || url.search || url.hash) return fail('host');
  const hostname = url.hostname;
  if (!validHostname(hostname)) return fail('host');

  const https = protocol === 'https';
  const loopback = isLoopbackHost(hostname);
  if (!https && !loopback && !options.inBuilding) return fail('plainHttp');
  const origin = `${url.protocol}//${url.host}`;
  return { ok: true, url: `${origin}/`, origin, https, loopback };
}

/**
 * True for an origin exactly as checkSyncUrl produces it (plain http allowed: the in-building choice was made
 * when it was stored). Guards the CSP against anything read back from disk.
 */
export function isSyncOrigin(origin: string): boolean {
  const check = checkSyncUrl(origin, { inBuilding: true });
  return check.ok && check.origin === origin;
}
