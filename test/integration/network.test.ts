/**
 * Network figures on real Apache CouchDB 3: `server:setup --network N --centres a,b,c` (idempotent); each centre's
 * desk publishes the month's counts from its own report; the coordinator account reads the figures and nothing else:
 * every request for a centre's people, visits, loans or bookings is refused (403); the network total is the sum of
 * the centres' own reports. pouchdb-server keeps no `_security`: skipped there with that reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basicAuth, dbName, type SyncConfig } from '../../shared/sync';
import { NETWORK_KEYS, networkFigures, sumFigures } from '../../shared/network/figures';
import { readNetwork } from '../../shared/network/publish';
import { figuresDbName } from '../../shared/network/accounts';
import { SERVER_KIND, startTestServer, type TestServer } from './server';
import { printedAccounts, serverSetup } from './setupCli';
import { centreDesk, MONTH, QUARTER, serverAs } from './networkHarness';

const onCouch = SERVER_KIND === 'couchdb';
if (!onCouch) console.log('skipped: network figures need real Apache CouchDB 3 (pouchdb-server keeps no _security): SOSEDI_SERVER=couchdb');

let server: TestServer;
beforeAll(async () => {
  if (onCouch) server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe.skipIf(!onCouch)('network figures on Apache CouchDB 3', () => {
  it('the coordinator reads counts only (403 on every personal database); the network total equals the sum of the centres’ own reports', async () => {
    const tag = `${process.pid % 1000}${Math.random().toString(36).slice(2, 5)}`;
    const centres = ['a', 'b', 'c'].map((c) => `n${tag}-${c}`);
    const desks: SyncConfig[] = [];
    for (const centre of centres) {
      const r = await serverSetup(server.adminUrl, '--centre', centre, '--desk', 'counter');
      expect(r.code, r.out).toBe(0);
      desks.push({ url: server.url, centre, user: `${centre}.counter`, password: printedAccounts(r.out).get(`${centre}.counter`)! });
    }
    const network = `city${tag}`;
    const made = await serverSetup(server.adminUrl, '--network', network, '--centres', centres.join(','));
    expect(made.code, made.out).toBe(0);
    const password = printedAccounts(made.out).get(`network-${network}`);
    expect(password).toBeTruthy();
    const again = await serverSetup(server.adminUrl, '--network', network, '--centres', centres.join(','));
    expect(again.code, again.out).toBe(0);
    expect(again.out).not.toMatch(/^(created|updated|failed)/m);
    expect(printedAccounts(again.out).size).toBe(0);

    // each centre's desk publishes its own month report's counts
    const own = [];
    const ownQuarter = [];
    for (const [i, desk] of desks.entries()) {
      const { report, quarter, written } = await centreDesk(100 + i, desk);
      expect(report.current.visits.entries).toBeGreaterThan(0);
      expect(written).toBeGreaterThan(0);
      own.push(report);
      ownQuarter.push(quarter);
    }

    // the coordinator: every centre's figures and the total, equal to the centres' own reports
    const coordinator = serverAs(server.url, `network-${network}`, password!);
    const seen = await readNetwork(coordinator, network);
    expect(seen.centres).toEqual([...centres].sort());
    const month = seen.docs.filter((d) => d.period === MONTH.from.slice(0, 7));
    expect(month.map((d) => d.centre).sort()).toEqual([...centres].sort());
    for (const [i, centre] of centres.entries()) expect(month.find((d) => d.centre === centre)!.figures).toEqual(networkFigures(own[i]!));
    const total = sumFigures(month.map((d) => d.figures));
    expect(total.visitEntries).toBe(own.reduce((n, r) => n + r.current.visits.entries, 0));
    expect(total.uniquePeople).toBe(own.reduce((n, r) => n + r.current.visits.unique, 0));
    expect(total.eventsHeld).toBe(own.reduce((n, r) => n + r.current.events.held, 0));
    expect(total.loansMade).toBe(own.reduce((n, r) => n + r.current.loans.made, 0));
    expect(total.hoursUsed).toBeCloseTo(own.reduce((n, r) => n + r.current.rooms.usedHours, 0), 2);
    expect(total.partnerOrganisations).toBe(own.reduce((n, r) => n + r.current.partners.partnerCount, 0));
    // a quarter: each centre's own quarter report (its unique participants counted over the quarter), and their sum
    const q = seen.docs.filter((d) => d.period === '2026-Q1');
    for (const [i, centre] of centres.entries()) expect(q.find((d) => d.centre === centre)!.figures).toEqual(networkFigures(ownQuarter[i]!));
    expect(sumFigures(q.map((d) => d.figures)).uniquePeople).toBe(ownQuarter.reduce((n, r) => n + r.current.visits.unique, 0));
    expect(QUARTER.from).toBe('2026-01-01');
    // nothing but counts in a figure document
    for (const d of month) expect(Object.keys(d).sort()).toEqual(['_id', '_rev', 'centre', 'figures', 'period', 'publishedAt', 'type', 'version']);
    for (const d of month) expect(Object.keys(d.figures).sort()).toEqual([...NETWORK_KEYS].sort());

    // publishing the same counts again writes nothing
    expect((await centreDesk(100, desks[0]!)).written).toBe(0);
    const after = await readNetwork(coordinator, network);
    expect(after.docs.map((d) => d._rev).sort()).toEqual(seen.docs.map((d) => d._rev).sort());

    // personal data never reaches the coordinator: 403 on every centre's people, visits, loans and bookings
    const asCoordinator = { Authorization: basicAuth(`network-${network}`, password!) };
    const refused: string[] = [];
    for (const centre of centres)
      for (const c of ['people', 'visits', 'loans', 'bookings'])
        for (const path of ['', '/_all_docs?include_docs=true', '/_changes?include_docs=true', '/_find']) {
          const r = await fetch(`${server.url}${dbName(centre, c)}${path}`, path === '/_find' ? { method: 'POST', headers: { ...asCoordinator, 'content-type': 'application/json' }, body: '{"selector":{}}' } : { headers: asCoordinator });
          if (r.status !== 403) refused.push(`${dbName(centre, c)}${path}: ${r.status}`);
        }
    expect(refused).toEqual([]);

    // a desk writes only its own centre's figures, and numbers only
    const a = desks[0]!;
    const put = (id: string, body: Record<string, unknown>) =>
      fetch(`${server.url}${figuresDbName(network)}/${encodeURIComponent(id)}`, { method: 'PUT', headers: { Authorization: basicAuth(a.user, a.password), 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const other = centres[1]!;
    expect((await put(`figures:${other}:2026-01`, { type: 'sosedi-figures', version: 1, centre: other, period: '2026-01', figures: { visitEntries: 1 }, publishedAt: 'x' })).status).toBe(403);
    expect((await put(`figures:${a.centre}:2026-01`, { type: 'sosedi-figures', version: 1, centre: a.centre, period: '2026-01', figures: { visitEntries: 1 }, names: ['Иванов'], publishedAt: 'x' })).status).toBe(403);
    expect((await put(`figures:${a.centre}:2026-01`, { type: 'sosedi-figures', version: 1, centre: a.centre, period: '2026-01', figures: { visitEntries: 'Иванов' }, publishedAt: 'x' })).status).toBe(403);
    // and the coordinator writes nothing
    const asNet = await fetch(`${server.url}${figuresDbName(network)}/x`, { method: 'PUT', headers: { ...asCoordinator, 'content-type': 'application/json' }, body: '{}' });
    expect(asNet.status).toBe(403);
  }, 240000);
});
