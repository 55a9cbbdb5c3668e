/**
 * npm run server:setup -- --url http://admin:secret@127.0.0.1:5984/ --centre dubki [--user desk-dubki --password …]
 * Idempotent: run it again after an app update (it updates the validate_doc_update design documents).
 */
import { parseArgs } from 'node:util';
import { provisionCentre } from './lib/provision';
import { isCentreSlug } from '../shared/sync/config';

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    centre: { type: 'string' },
    user: { type: 'string' },
    password: { type: 'string' },
  },
});

if (!values.url || !values.centre || !isCentreSlug(values.centre)) {
  console.error('Usage: npm run server:setup -- --url <http://admin:password@host:5984/> --centre <slug> [--user <desk user> --password <desk password>]');
  console.error('The centre slug: lowercase latin letters, digits and dashes, starting with a letter.');
  process.exit(2);
}

try {
  const lines = await provisionCentre({
    url: values.url,
    centre: values.centre,
    deskUser: values.user ?? `desk-${values.centre}`,
    ...(values.password ? { deskPassword: values.password } : {}),
  });
  for (const l of lines) console.log(`${l.result.padEnd(11)} ${l.what}${l.detail ? ` — ${l.detail}` : ''}`);
  const failed = lines.filter((l) => l.result === 'failed');
  if (failed.length) process.exit(1);
} catch (e) {
  const err = e as { statusCode?: number; message?: string; code?: string };
  if (err.statusCode === 401) console.error('The server refused the admin name or password (HTTP 401).');
  else if (err.code === 'ECONNREFUSED' || /fetch failed|ECONNREFUSED/.test(String(err.message))) console.error(`Nothing answers at ${new URL(values.url).origin}.`);
  else console.error(err.message ?? e);
  process.exit(1);
}
