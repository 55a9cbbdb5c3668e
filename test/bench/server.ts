/** The server a sync metric runs against: real Apache CouchDB 3 where there is one, else pouchdb-server (in memory). */
import { couchDbUnavailable, startCouchServer } from '../../scripts/lib/couchdb-server';
import { startPouchServer, type PouchServer } from '../../scripts/lib/pouchdb-server';

export interface BenchServer {
  server: PouchServer;
  /** What it is, for the metric's note. */
  kind: string;
  /** Stops what was started (a COUCHDB_URL server is left running). */
  stop: () => Promise<void>;
}

/** `../shared/couchdb` (started on a free loopback port with its own run dir) or COUCHDB_URL; pouchdb-server in `dir` otherwise. */
export async function startBenchServer(dir: string): Promise<BenchServer> {
  if (couchDbUnavailable()) {
    const pouch = await startPouchServer({ dir, inMemory: true });
    return { server: pouch, kind: 'pouchdb-server (no CouchDB 3 here)', stop: () => pouch.stop() };
  }
  const couch = await startCouchServer();
  return { server: couch, kind: 'Apache CouchDB 3', stop: () => couch.close() };
}
