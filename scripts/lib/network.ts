/**
 * Idempotent provisioning of a city network (an umbrella organisation over several centres) on CouchDB 3:
 * - one figures database `sosedi-network-<network>-figures`: members are the network role (reads) and each
 *   centre's members role (its desks publish that centre's monthly counts); validate_doc_update lets a desk write
 *   only its own centre's figure documents, and only numbers (counts, never names);
 * - `_local/sosedi-network` there: which centres belong to the network (the Network page lists them all);
 * - `_local/sosedi-networks` in each centre's settings database: which networks the centre's desks publish to;
 * - the coordinator account `network-<network>` with the network role, member of nothing else: every database of
 *   every centre refuses it (403).
 */
import nano from 'nano';
import { centreRole, figuresDbName, networkRole, networkUserName } from '../../shared/network/accounts';
import { FIGURES_DOC_FIELDS, NETWORKS_LOCAL_DOC, NETWORK_LOCAL_DOC } from '../../shared/network/figures';
import { dbName } from '../../shared/sync/config';
import { ensureAccount, ensureDatabase, type AccountResult, type ProvisionLine } from './provision';

interface NetworkOptions {
  url: string;
  network: string;
  centres: readonly string[];
}

const statusOf = (e: unknown): number => (e as { statusCode?: number }).statusCode ?? 0;
const DESIGN_ID = '_design/sosedi-figures';

/** The server-side check of a figure document: the writer's own centre, the id's month, numbers only. */
function figuresValidateSource(): string {
  return [
    'function (newDoc, oldDoc, userCtx) {',
    "  if (userCtx.roles.indexOf('_admin') !== -1) return;",
    '  var m = /^figures:([a-z][a-z0-9-]{0,40}):([0-9]{4}(-[0-9]{2}|-Q[1-4])?)$/.exec(newDoc._id);',
    "  if (!m) throw({ forbidden: 'figures: the id must be figures:<centre>:<YYYY-MM|YYYY-Qn|YYYY>' });",
    `  if (userCtx.roles.indexOf('${centreRole('')}' + m[1]) === -1) throw({ forbidden: 'figures: only the centre\\'s own desks publish its figures' });`,
    '  if (newDoc._deleted) return;',
    "  if (newDoc.centre !== m[1] || newDoc.period !== m[2]) throw({ forbidden: 'figures: centre and period must match the id' });",
    `  var allowed = ${JSON.stringify(['_id', '_rev', '_revisions', ...FIGURES_DOC_FIELDS])};`,
    "  for (var k in newDoc) if (allowed.indexOf(k) === -1) throw({ forbidden: 'figures: counts only, no field ' + k });",
    "  if (!newDoc.figures || typeof newDoc.figures !== 'object') throw({ forbidden: 'figures: no figures' });",
    "  for (var f in newDoc.figures) if (typeof newDoc.figures[f] !== 'number') throw({ forbidden: 'figures: ' + f + ' is not a number' });",
    '}',
  ].join('\n');
}

async function putIfDifferent(couch: nano.ServerScope, db: string, path: string, body: Record<string, unknown>, same: (current: Record<string, unknown> | null) => boolean): Promise<'found' | 'created' | 'updated'> {
  const current = (await couch.request({ db, path }).catch((e) => (statusOf(e) === 404 ? null : Promise.reject(e)))) as Record<string, unknown> | null;
  if (same(current)) return 'found';
  await couch.request({ db, path, method: 'PUT', body: { ...(current ?? {}), ...body } });
  return current ? 'updated' : 'created';
}

export async function provisionNetwork(options: NetworkOptions): Promise<{ lines: ProvisionLine[]; user: string; account: AccountResult }> {
  const couch = nano(options.url);
  const lines: ProvisionLine[] = [];
  const name = figuresDbName(options.network);
  lines.push(await ensureDatabase(couch, name));
  const roles = [networkRole(options.network), ...options.centres.map(centreRole)];
  const security = await putIfDifferent(couch, name, '_security', { admins: { names: [], roles: [] }, members: { names: [], roles } }, (c) => {
    const have = ((c?.members as { roles?: string[] } | undefined)?.roles ?? []) as string[];
    return roles.every((r) => have.includes(r));
  });
  lines.push({ what: `${name}/_security`, result: security, detail: `members roles ${roles.join(', ')}` });

  const source = figuresValidateSource();
  const design = await putIfDifferent(couch, name, DESIGN_ID, { language: 'javascript', validate_doc_update: source }, (c) => c?.validate_doc_update === source);
  lines.push({ what: `${name}/${DESIGN_ID}`, result: design });

  // the network's centres: the ones named now and any named before (adding a centre never drops another)
  const listed = (await couch.request({ db: name, path: `_local/${NETWORK_LOCAL_DOC}` }).catch(() => null)) as { centres?: string[] } | null;
  const centres = [...new Set([...(listed?.centres ?? []), ...options.centres])].sort();
  const list = await putIfDifferent(couch, name, `_local/${NETWORK_LOCAL_DOC}`, { network: options.network, centres }, (c) => JSON.stringify(c?.centres) === JSON.stringify(centres));
  lines.push({ what: `${name}/_local/${NETWORK_LOCAL_DOC}`, result: list, detail: `centres ${centres.join(', ')}` });

  for (const centre of options.centres) {
    const settings = dbName(centre, 'settings');
    try {
      const current = (await couch.request({ db: settings, path: `_local/${NETWORKS_LOCAL_DOC}` }).catch((e) => (statusOf(e) === 404 ? null : Promise.reject(e)))) as { networks?: string[] } | null;
      const networks = [...new Set([...(current?.networks ?? []), options.network])].sort();
      const r = await putIfDifferent(couch, settings, `_local/${NETWORKS_LOCAL_DOC}`, { networks }, (c) => JSON.stringify((c as { networks?: string[] } | null)?.networks) === JSON.stringify(networks));
      lines.push({ what: `${settings}/_local/${NETWORKS_LOCAL_DOC}`, result: r, detail: `publishes to ${networks.join(', ')}` });
    } catch (e) {
      lines.push({ what: `centre ${centre}`, result: 'failed', detail: statusOf(e) === 404 ? `not provisioned yet: run server:setup --centre ${centre} first` : String((e as Error).message) });
    }
  }

  const user = networkUserName(options.network);
  const account = await ensureAccount(options.url, user, networkRole(options.network));
  lines.push(account.line);
  return { lines, user, account };
}
