/**
 * npm run network:bench [-- --centres 50] — not in CI: provisions a city network on a real 3-node CouchDB 3 cluster
 * (../shared/couchdb/cluster.sh; or COUCHDB_URL, an admin URL of a server you run) and prints how long it took:
 * N centres (11 databases each: 10 collections and the bell; _security, validate_doc_update, identity, one desk
 * account), then the network of all of them; then 13 months of figures per centre and the time the coordinator's Network page needs to read them and
 * total a month. The cluster is stopped at the end whatever happens.
 */
import { parseArgs } from 'node:util';
import { provisionCentre, provisionDesk } from './lib/provision';
import { provisionNetwork } from './lib/network';
import { startCouchCluster, type CouchCluster } from './lib/couchdb-cluster';
import { basicAuth } from '../shared/sync/config';
import { figuresDbName } from '../shared/network/accounts';
import { FIGURES_DOC_TYPE, FIGURES_VERSION, NETWORK_KEYS, figuresDocId, networkPeriod } from '../shared/network/figures';
import { readNetwork } from '../shared/network/publish';

const { values } = parseArgs({ options: { centres: { type: 'string', default: '50' } } });
const count = Number(values.centres);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

let cluster: CouchCluster | null = null;
try {
  let adminUrl = process.env.COUCHDB_URL;
  if (!adminUrl) {
    const t = Date.now();
    cluster = await startCouchCluster(3);
    adminUrl = cluster.adminUrls[0]!;
    console.log(`3-node cluster up in ${seconds(Date.now() - t)}`);
  }
  const root = new URL(adminUrl);
  root.username = '';
  root.password = '';
  const centres = Array.from({ length: count }, (_, i) => `bench-${String(i + 1).padStart(2, '0')}`);

  const t0 = Date.now();
  for (const centre of centres) {
    await provisionCentre({ url: adminUrl, centre });
    await provisionDesk(adminUrl, centre, 'counter');
  }
  const tCentres = Date.now() - t0;
  const net = await provisionNetwork({ url: adminUrl, network: 'bench-city', centres });
  const tAll = Date.now() - t0;
  console.log(`provisioned ${count} centres (${count * 11} databases, a desk account each) in ${seconds(tCentres)}; with the network: ${seconds(tAll)}`);
  const t1 = Date.now();
  for (const centre of centres) await provisionCentre({ url: adminUrl, centre });
  console.log(`the same again (idempotent, everything found): ${seconds(Date.now() - t1)}`);

  // 13 months of figures per centre (written as an admin here; desks write their own), then the coordinator reads them
  const docs = centres.flatMap((centre, c) =>
    Array.from({ length: 13 }, (_, m) => {
      const month = `2026-${String(m + 1).padStart(2, '0')}`.replace('2026-13', '2027-01');
      return { _id: figuresDocId(centre, month), type: FIGURES_DOC_TYPE, version: FIGURES_VERSION, centre, period: month, figures: Object.fromEntries(NETWORK_KEYS.map((k, i) => [k, (c + 1) * (i + 1) + m])), publishedAt: new Date().toISOString() };
    }),
  );
  await fetch(`${root}${figuresDbName('bench-city')}/_bulk_docs`, { method: 'POST', headers: { Authorization: basicAuth(decodeURIComponent(new URL(adminUrl).username), decodeURIComponent(new URL(adminUrl).password)), 'content-type': 'application/json' }, body: JSON.stringify({ docs }) });
  const t2 = Date.now();
  const data = await readNetwork({ baseUrl: root.toString(), authorization: basicAuth(net.user, net.account.password ?? ''), fetch }, 'bench-city');
  const month = networkPeriod(data.centres, data.docs, '2026-06');
  console.log(`network report: ${data.docs.length} figure documents of ${data.centres.length} centres read and a month totalled in ${Date.now() - t2} ms (visits in 2026-06: ${month.total.visitEntries})`);
} finally {
  await cluster?.close();
}
