import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startPouchServer } from './pouchdb-server';

const { values } = parseArgs({
  options: { 'in-memory': { type: 'boolean', default: false }, port: { type: 'string', default: '5984' }, dir: { type: 'string' } },
});
const inMemory = values['in-memory'] ?? false;
const dir = values.dir ?? join(process.cwd(), '.data', inMemory ? 'sync-server-memory' : 'sync-server');
mkdirSync(dir, { recursive: true });
// The admin password is made once and kept beside the data (under .data/, ignored by git).
const credFile = join(dir, 'admin.json');
const admin = existsSync(credFile)
  ? (JSON.parse(readFileSync(credFile, 'utf8')) as { user: string; password: string })
  : { user: 'admin', password: randomBytes(9).toString('base64url') };
writeFileSync(credFile, JSON.stringify(admin), { mode: 0o600 });

const server = await startPouchServer({ dir, port: Number(values.port), inMemory, admin });
console.log(`Sync server (pouchdb-server) ready at ${server.url}`);
console.log(`  admin user:     ${admin.user}`);
console.log(`  admin password: ${admin.password}`);
console.log(`  data:           ${inMemory ? 'in memory (lost on exit)' : dir}`);
console.log(`Provision a centre:  npm run server:setup -- --url ${server.adminUrl} --centre <slug> --password <desk password>`);
console.log('Note: pouchdb-server checks passwords and runs validate_doc_update, but keeps no _security: use Apache CouchDB 3 in production (docs/sync.md).');
const shutdown = () => void server.stop().then(() => process.exit(0));
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
