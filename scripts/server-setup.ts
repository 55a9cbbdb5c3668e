/**
 * npm run server:setup -- --url http://admin:secret@127.0.0.1:5984/ --centre dubki [--desk counter …] [--revoke-desk counter …]
 *                                                                    [--user desk-dubki --password …  (one shared account, older setups)]
 *                        --url … --network city --centres dubki,lipki   (a network's figures database and coordinator account)
 * Idempotent: run it again after an app update (it updates the validate_doc_update design documents).
 * A desk or coordinator account gets a generated password, printed once (never on the command line, never stored).
 */
import { parseArgs } from 'node:util';
import { provisionCentre, provisionDesk, revokeDesk, revokeUser, type AccountResult, type ProvisionLine } from './lib/provision';
import { provisionNetwork } from './lib/network';
import { isCentreSlug } from '../shared/sync/config';
import { isSlug } from '../shared/network/accounts';

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    centre: { type: 'string' },
    user: { type: 'string' },
    password: { type: 'string' },
    desk: { type: 'string', multiple: true },
    'revoke-desk': { type: 'string', multiple: true },
    'revoke-shared': { type: 'boolean' },
    network: { type: 'string' },
    centres: { type: 'string' },
  },
});

const desks = values.desk ?? [];
const revoked = values['revoke-desk'] ?? [];
const revokeShared = values['revoke-shared'] === true;
const centres = (values.centres ?? '').split(',').map((c) => c.trim()).filter(Boolean);
const network = values.network;
const badName = [...desks, ...revoked, ...centres, ...(network ? [network] : [])].find((n) => !isSlug(n));
const centreOk = values.centre !== undefined && isCentreSlug(values.centre);
if (!values.url || badName || (network ? values.centre !== undefined || centres.length === 0 : !centreOk)) {
  console.error('Usage: npm run server:setup -- --url <http://admin:password@host:5984/> --centre <slug> [--desk <name>]… [--revoke-desk <name>]…');
  console.error('                                 [--user <shared desk user> --password <its password>]   (one account for every desk: older setups)');
  console.error('                                 [--revoke-shared [--user <shared desk user>]]   (once every desk has its own account)');
  console.error('       npm run server:setup -- --url <…> --network <slug> --centres <slug>,<slug>,…');
  console.error('Centre, desk and network names: lowercase latin letters, digits and dashes, starting with a letter.');
  if (badName) console.error(`Not a valid name: ${badName}`);
  process.exit(2);
}
const adminUrl = values.url;

const print = (lines: ProvisionLine[]) => {
  for (const l of lines) console.log(`${l.result.padEnd(11)} ${l.what}${l.detail ? ` — ${l.detail}` : ''}`);
};
const serverRoot = () => {
  const u = new URL(adminUrl);
  u.username = '';
  u.password = '';
  return u.toString();
};
/** The one time a generated password is shown: what to type into Settings → Sync on that desk. */
const printAccount = (title: string, centre: string, user: string, password: string) => {
  console.log(`\n  ${title} (the password is shown only now: type it into Settings → Sync on that desk)`);
  console.log(`    server    ${serverRoot()}`);
  console.log(`    centre    ${centre}`);
  console.log(`    user      ${user}`);
  console.log(`    password  ${password}\n`);
};

try {
  const lines: ProvisionLine[] = [];
  if (network) {
    const r = await provisionNetwork({ url: adminUrl, network, centres });
    print(r.lines);
    lines.push(...r.lines);
    if (r.account.password) printAccount(`Network coordinator of ${network}`, network, r.user, r.account.password);
  } else {
    const centre = values.centre!;
    // with per-desk accounts, the shared account is made only when asked for (--user/--password)
    const shared = values.user ?? (values.password || (desks.length === 0 && revoked.length === 0 && !revokeShared) ? `desk-${centre}` : undefined);
    const centreLines = await provisionCentre({ url: adminUrl, centre, ...(shared && !revokeShared ? { deskUser: shared } : {}), ...(values.password ? { deskPassword: values.password } : {}) });
    print(centreLines);
    lines.push(...centreLines);
    for (const desk of desks) {
      const r: AccountResult = await provisionDesk(adminUrl, centre, desk);
      print([r.line]);
      lines.push(r.line);
      if (r.password) printAccount(`Desk ${desk} of centre ${centre}`, centre, r.line.what.replace(/^user /, ''), r.password);
      else console.log(`            (its password was shown when it was made; to issue a new one: --revoke-desk ${desk}, then --desk ${desk})`);
    }
    const revocations = [...revoked.map((desk) => () => revokeDesk(adminUrl, centre, desk)), ...(revokeShared ? [() => revokeUser(adminUrl, centre, values.user ?? `desk-${centre}`)] : [])];
    for (const revoke of revocations) {
      const line = await revoke();
      print([line]);
      lines.push(line);
    }
  }
  if (lines.some((l) => l.result === 'failed')) process.exit(1);
} catch (e) {
  const err = e as { statusCode?: number; message?: string; code?: string };
  if (err.statusCode === 401) console.error('The server refused the admin name or password (HTTP 401).');
  else if (err.code === 'ECONNREFUSED' || /fetch failed|ECONNREFUSED/.test(String(err.message))) console.error(`Nothing answers at ${new URL(adminUrl).origin}.`);
  else console.error(err.message ?? e);
  process.exit(1);
}
