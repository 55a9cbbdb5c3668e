/**
 * Whether this desk's account still belongs to its centre, from the server's `_session` (the roles it gives the
 * account): a desk refused every database (403) learns so whether it was removed from the centre
 * (`server:setup --revoke-desk`) or never had access, and says which.
 */
import { basicAuth, normaliseServerUrl, type SyncConfig } from '@shared/sync';
import { membershipOf, type Membership } from '@shared/network/accounts';

export async function deskMembership(config: SyncConfig, fetchFn: typeof fetch = fetch): Promise<Membership | null> {
  const base = normaliseServerUrl(config.url);
  if (!base) return null;
  try {
    const r = await fetchFn(`${base}_session`, { headers: { Authorization: basicAuth(config.user, config.password), Accept: 'application/json' }, credentials: 'omit', cache: 'no-store', signal: AbortSignal.timeout(10000) });
    if (!r.ok) return null;
    const body = (await r.json()) as { userCtx?: { roles?: unknown } };
    const roles = Array.isArray(body.userCtx?.roles) ? body.userCtx.roles.filter((x): x is string => typeof x === 'string') : [];
    return membershipOf(roles, config.centre);
  } catch {
    return null;
  }
}
