/**
 * Who may read what on a city network's CouchDB (one server or cluster for many centres):
 * - every desk of a centre has its own CouchDB user `<centre>.<desk>` with the centre's members role;
 * - a revoked desk keeps its name and password but loses the members role and gets `removed-<centre>`:
 *   the server refuses it every database (403), and the desk can read from `_session` why, and say so;
 * - a network (umbrella organisation) has a coordinator account with the network role, member of the network's
 *   figures database only (counts, never a centre's personal data).
 * Pure names and rules: scripts/lib/provision.ts writes them to the server, the desk reads them back.
 */
import { CENTRE_SLUG } from '../sync/config';

/** Desk and network names follow the centre slug's rule: lowercase latin letters, digits, dashes. */
export const isSlug = (s: string): boolean => CENTRE_SLUG.test(s);

export const centreRole = (centre: string): string => `centre-${centre}`;
export const removedRole = (centre: string): string => `removed-${centre}`;
export const networkRole = (network: string): string => `network-${network}`;

/** A desk's own CouchDB user name: the centre and the desk, joined by a dot (no slug contains one). */
export const deskUserName = (centre: string, desk: string): string => `${centre}.${desk}`;

/** The desk's own name from a per-desk account name (null for a shared account like `desk-<centre>`). */
export function deskNameOf(user: string, centre: string): string | null {
  const prefix = `${centre}.`;
  return user.startsWith(prefix) && isSlug(user.slice(prefix.length)) ? user.slice(prefix.length) : null;
}

/** The desk's name in a desk id that is a per-desk account (`dubki.counter` → `counter`); null for a random id. */
export function deskOfId(id: string): string | null {
  const m = /^[a-z][a-z0-9-]{0,40}\.([a-z][a-z0-9-]{0,40})$/.exec(id);
  return m ? m[1]! : null;
}

export const networkUserName = (network: string): string => `network-${network}`;
export const figuresDbName = (network: string): string => `sosedi-network-${network}-figures`;

/** What the server says this account is for the centre, from `_session`'s `userCtx.roles`. */
export type Membership = 'member' | 'removed' | 'none';

export function membershipOf(roles: readonly string[], centre: string): Membership {
  if (roles.includes('_admin') || roles.includes(centreRole(centre))) return 'member';
  if (roles.includes(removedRole(centre))) return 'removed';
  return 'none';
}
