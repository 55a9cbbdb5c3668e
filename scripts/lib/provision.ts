/**
 * Idempotent provisioning of a centre on Apache CouchDB 3 (and, as far as it goes, pouchdb-server) with nano:
 * - one database per synced collection: `sosedi-<centre>-<collection>`;
 * - `_security`: members role `centre-<centre>` (only that centre's desks read and write);
 * - a desk user in `_users` with that role;
 * - a `validate_doc_update` design document per database generated from shared/db/schemas;
 * - the bell database `sosedi-<centre>-bell` (desks say there which collections they just wrote: counts of
 *   nothing, names of collections only, enforced by its own validate_doc_update), few revisions kept.
 * Returns what it created, updated or found, and what the server does not support.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import nano from 'nano';
import { IDENTITY_DOC } from '../../shared/sync/engine';
import { schemas } from '../../shared/db/schemas';
import { COLLECTION_NAMES } from '../../shared/db/types';
import { bellDbName, dbName } from '../../shared/sync/config';
import { validateDocUpdateSource } from '../../shared/sync/validate';
import { checkerSource } from './checkerSource';
import { centreRole, deskUserName, removedRole } from '../../shared/network/accounts';

export interface ProvisionOptions {
  /** Server URL with admin credentials: http://admin:secret@127.0.0.1:5984/ */
  url: string;
  centre: string;
  deskUser?: string;
  deskPassword?: string;
  collections?: readonly string[];
}

export interface ProvisionLine {
  what: string;
  result: 'created' | 'updated' | 'found' | 'unsupported' | 'failed';
  detail?: string;
}

export const DESIGN_ID = '_design/sosedi-validate';

async function passwordWorks(serverUrl: string, user: string, password: string): Promise<boolean> {
  const u = new URL(serverUrl);
  u.username = '';
  u.password = '';
  const r = await fetch(new URL('_session', u), {
    headers: { Authorization: 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64') },
  });
  return r.ok;
}

function statusOf(e: unknown): number {
  return (e as { statusCode?: number }).statusCode ?? 0;
}

export async function provisionCentre(options: ProvisionOptions): Promise<ProvisionLine[]> {
  const couch = nano(options.url);
  const lines: ProvisionLine[] = [];
  const role = centreRole(options.centre);
  const root = (await couch.info()) as unknown as Record<string, unknown>;
  const isCouch = typeof root.couchdb === 'string';
  lines.push({ what: 'server', result: 'found', detail: isCouch ? `Apache CouchDB ${String(root.version)}` : `pouchdb-server ${String(root.version)}` });

  // the collections' and the bell's databases side by side (a cluster creates each one's shards on every node: 50
  // centres took a third of the time of one after another, npm run network:bench), their lines in order
  const bell = provisionBell(couch, options.centre, role);
  bell.catch(() => undefined); // awaited below; a failure of the collections first must not leave it unhandled
  const checker = checkerSource();
  const perCollection = await Promise.all((options.collections ?? COLLECTION_NAMES).map(async (c) => {
    const lines: ProvisionLine[] = [];
    const name = dbName(options.centre, c);
    lines.push(await ensureDatabase(couch, name));

    lines.push(await ensureSecurity(couch, name, role));

    // The database's identity: a desk that finds another one (or none) knows the database was recreated or
    // restored, and sends again what it lacks (shared/sync/engine.ts).
    try {
      const identity = (await couch.request({ db: name, path: `_local/${IDENTITY_DOC}` }).catch((e) => (statusOf(e) === 404 ? null : Promise.reject(e)))) as { identity?: string } | null;
      if (identity?.identity) lines.push({ what: `${name}/_local/${IDENTITY_DOC}`, result: 'found' });
      else {
        await couch.request({ db: name, path: `_local/${IDENTITY_DOC}`, method: 'PUT', body: { identity: `${Date.now().toString(36)}-${randomUUID()}`, createdBy: 'server:setup' } });
        lines.push({ what: `${name}/_local/${IDENTITY_DOC}`, result: 'created' });
      }
    } catch (e) {
      lines.push({ what: `${name}/_local/${IDENTITY_DOC}`, result: 'failed', detail: String((e as Error).message) });
    }

    // validate_doc_update generated from the app's schema.
    lines.push(await ensureDesign(couch, name, validateDocUpdateSource(schemas[c as keyof typeof schemas] as never, checker)));
    return lines;
  }));
  lines.push(...perCollection.flat());
  lines.push(...(await bell));

  if (options.deskUser) {
    const users = couch.use<Record<string, unknown>>('_users');
    const id = `org.couchdb.user:${options.deskUser}`;
    try {
      const existing = (await users.get(id).catch((e) => (statusOf(e) === 404 ? null : Promise.reject(e)))) as { _rev: string; roles?: string[] } | null;
      const same = existing?.roles?.includes(role) && (!options.deskPassword || (await passwordWorks(options.url, options.deskUser, options.deskPassword)));
      if (existing && same) lines.push({ what: `user ${options.deskUser}`, result: 'found' });
      else {
        const roles = [...new Set([...(existing?.roles ?? []), role])];
        if (!existing && !options.deskPassword) throw new Error(`the desk user ${options.deskUser} does not exist yet: run again with --password <a new password> to create it (everything else is set up)`);
        await users.insert({
          _id: id,
          ...(existing ? { ...existing, _rev: existing._rev } : {}),
          name: options.deskUser,
          type: 'user',
          roles,
          ...(options.deskPassword ? { password: options.deskPassword } : {}),
        } as never);
        lines.push({ what: `user ${options.deskUser}`, result: existing ? 'updated' : 'created', detail: `roles ${roles.join(', ')}` });
      }
    } catch (e) {
      lines.push({ what: `user ${options.deskUser}`, result: statusOf(e) === 404 ? 'unsupported' : 'failed', detail: String((e as Error).message) });
    }
  }
  return lines;
}

/** What a bell document may hold: `desk-<id>`, a list of collection names and a time. Nothing about people. */
export const BELL_VALIDATE = `function (newDoc, oldDoc, userCtx) {
  if (newDoc._deleted) return;
  if (!/^desk-[A-Za-z0-9-]{1,80}$/.test(newDoc._id)) throw({ forbidden: 'bell: the id is desk-<id>' });
  for (var k in newDoc) if (k.charAt(0) !== '_' && k !== 'collections' && k !== 'at') throw({ forbidden: 'bell: only collections and at' });
  if (!Array.isArray(newDoc.collections) || newDoc.collections.length > 40) throw({ forbidden: 'bell: collections is a short list' });
  for (var i = 0; i < newDoc.collections.length; i++) if (typeof newDoc.collections[i] !== 'string' || !/^[a-z][a-z0-9-]{0,40}$/.test(newDoc.collections[i])) throw({ forbidden: 'bell: a collection is a name' });
  if (typeof newDoc.at !== 'number') throw({ forbidden: 'bell: at is a number' });
}`;

/**
 * CouchDB right after a database of the same name was deleted (a restore, a recreate) may answer 500 "No DB shards
 * could be opened" for a moment while the old shard files go: a few tries, then the error as it is.
 */
async function shardsSettled<T>(step: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (e) {
      if (attempt >= 8 || !/No DB shards could be opened/i.test(String((e as Error).message))) throw e;
      await new Promise((r) => setTimeout(r, 250 * attempt));
    }
  }
}

/** Creates the database unless it exists, and returns once the server opens it. */
export async function ensureDatabase(couch: nano.ServerScope, name: string): Promise<ProvisionLine> {
  const found = await shardsSettled(() => couch.db.get(name).then(
    () => true,
    (e) => (statusOf(e) === 404 ? false : Promise.reject(e)),
  ));
  if (found) return { what: `database ${name}`, result: 'found' };
  await shardsSettled(() => couch.db.create(name).catch((e) => (statusOf(e) === 412 ? undefined : Promise.reject(e))));
  await shardsSettled(() => couch.db.get(name));
  return { what: `database ${name}`, result: 'created' };
}

/** `_security`: members by role. pouchdb-server accepts the PUT but does not keep or enforce it. */
async function ensureSecurity(couch: nano.ServerScope, name: string, role: string): Promise<ProvisionLine> {
  const security = { admins: { names: [], roles: [] }, members: { names: [], roles: [role] } };
  try {
    const current = (await couch.request({ db: name, path: '_security' })) as { members?: { roles?: string[] } };
    if (current.members?.roles?.includes(role)) return { what: `${name}/_security`, result: 'found' };
    await couch.request({ db: name, path: '_security', method: 'PUT', body: security });
    const after = (await couch.request({ db: name, path: '_security' })) as { members?: { roles?: string[] } };
    if (after.members?.roles?.includes(role)) return { what: `${name}/_security`, result: 'created', detail: `members role ${role}` };
    return { what: `${name}/_security`, result: 'unsupported', detail: 'the server accepted _security but does not keep it (pouchdb-server): every authenticated user can read' };
  } catch (e) {
    return { what: `${name}/_security`, result: 'unsupported', detail: String((e as Error).message) };
  }
}

/** The `validate_doc_update` design document with exactly this source. */
async function ensureDesign(couch: nano.ServerScope, name: string, source: string): Promise<ProvisionLine> {
  const db = couch.use<Record<string, unknown>>(name);
  try {
    const existing = (await db.get(DESIGN_ID).catch((e) => (statusOf(e) === 404 ? null : Promise.reject(e)))) as { _rev: string; validate_doc_update?: string } | null;
    if (existing && existing.validate_doc_update === source) return { what: `${name}/${DESIGN_ID}`, result: 'found' };
    await db.insert({ _id: DESIGN_ID, ...(existing ? { _rev: existing._rev } : {}), language: 'javascript', validate_doc_update: source } as never);
    return { what: `${name}/${DESIGN_ID}`, result: existing ? 'updated' : 'created' };
  } catch (e) {
    return { what: `${name}/${DESIGN_ID}`, result: 'failed', detail: String((e as Error).message) };
  }
}

async function provisionBell(couch: nano.ServerScope, centre: string, role: string): Promise<ProvisionLine[]> {
  const name = bellDbName(centre);
  const lines = [await ensureDatabase(couch, name), await ensureSecurity(couch, name, role)];
  try {
    // each ring is a revision: keep few (CouchDB's default is 1000)
    await couch.request({ db: name, path: '_revs_limit', method: 'PUT', body: 10 });
  } catch (e) {
    lines.push({ what: `${name}/_revs_limit`, result: 'unsupported', detail: String((e as Error).message) });
  }
  lines.push(await ensureDesign(couch, name, BELL_VALIDATE));
  return lines;
}

const USERS_PREFIX = 'org.couchdb.user:';
type UserDoc = { _id: string; _rev: string; name: string; type: 'user'; roles: string[]; [k: string]: unknown };

async function getUser(couch: nano.ServerScope, name: string): Promise<UserDoc | null> {
  return (await couch
    .use<Record<string, unknown>>('_users')
    .get(USERS_PREFIX + name)
    .catch((e) => (statusOf(e) === 404 ? null : Promise.reject(e)))) as UserDoc | null;
}

/** A password for a desk or network account: 24 characters from 18 random bytes (144 bits). */
function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

export interface AccountResult {
  line: ProvisionLine;
  /** Set only when a password was generated now (printed once, kept nowhere). */
  password?: string;
}

/**
 * Creates (or finds) a CouchDB user with `role`. A new user, or one without the role (a revoked desk enrolled
 * again), gets a newly generated password; an existing member is found and keeps its password.
 */
export async function ensureAccount(adminUrl: string, user: string, role: string, dropRoles: string[] = []): Promise<AccountResult> {
  const couch = nano(adminUrl);
  const existing = await getUser(couch, user);
  if (existing?.roles?.includes(role) && !dropRoles.some((r) => existing.roles.includes(r))) return { line: { what: `user ${user}`, result: 'found', detail: `roles ${existing.roles.join(', ')}` } };
  const password = generatePassword();
  const roles = [...new Set([...(existing?.roles ?? []).filter((r) => !dropRoles.includes(r)), role])];
  await couch.use('_users').insert({ ...(existing ?? {}), _id: USERS_PREFIX + user, name: user, type: 'user', roles, password } as never);
  return { line: { what: `user ${user}`, result: existing ? 'updated' : 'created', detail: `roles ${roles.join(', ')}` }, password };
}

/** One desk's own account for the centre: `<centre>.<desk>` with the centre's members role. */
export function provisionDesk(adminUrl: string, centre: string, desk: string): Promise<AccountResult> {
  return ensureAccount(adminUrl, deskUserName(centre, desk), centreRole(centre), [removedRole(centre)]);
}

/**
 * Revokes a desk: its user loses the centre's members role (the server refuses it every database of the centre:
 * 403) and gets `removed-<centre>`, so that the desk can read from `_session` why and say so. The user keeps its
 * password for that one purpose: it opens nothing (no database names this role).
 */
export function revokeDesk(adminUrl: string, centre: string, desk: string): Promise<ProvisionLine> {
  return revokeUser(adminUrl, centre, deskUserName(centre, desk));
}

/** The same for any user of the centre (the shared `desk-<centre>` of an older setup, once every desk has its own). */
export async function revokeUser(adminUrl: string, centre: string, user: string): Promise<ProvisionLine> {
  const couch = nano(adminUrl);
  const existing = await getUser(couch, user);
  if (!existing) return { what: `user ${user}`, result: 'failed', detail: `no such user (centre ${centre})` };
  const roles = [...new Set([...existing.roles.filter((r) => r !== centreRole(centre)), removedRole(centre)])];
  if (!existing.roles.includes(centreRole(centre)) && existing.roles.includes(removedRole(centre))) return { what: `user ${user}`, result: 'found', detail: 'already removed from the centre' };
  await couch.use('_users').insert({ ...existing, roles } as never);
  return { what: `user ${user}`, result: 'updated', detail: `removed from the centre: roles ${roles.join(', ')}` };
}
