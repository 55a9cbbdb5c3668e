import {
  addRxPlugin,
  createRxDatabase,
  type RxCollection,
  type RxConflictHandler,
  type RxDatabase,
  type RxStorage,
} from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { RxDBQueryBuilderPlugin } from 'rxdb/plugins/query-builder';
import { RxDBLeaderElectionPlugin } from 'rxdb/plugins/leader-election';
import { wrappedValidateGeneratedStorage } from './validate';
import { IDLE_QUERY_POLICY } from './queryCache';
import { schemas, type DocTypes } from './schemas';
import { migrationStrategies } from './migrations';
import { COLLECTION_NAMES, type CollectionName } from './types';

export type DeskCollections = { [K in CollectionName]: RxCollection<DocTypes[K]> };
export type DeskDatabase = RxDatabase<DeskCollections>;

export interface CreateDatabaseOptions {
  /** Database name: one per centre profile. Letters, digits and dashes. */
  name: string;
  /** Dexie (IndexedDB) in the app, memory in unit tests. */
  storage: RxStorage<any, any>;
  /** Check every write against its collection's schema (the generated checks of shared/db/validate.ts: no eval, works under a strict CSP). Default true. */
  validate?: boolean;
  /** Turn on RxDB dev-mode checks (development and tests). */
  devMode?: boolean;
  /** Several tabs/windows on one profile see each other's writes (BroadcastChannel). Default true. */
  multiInstance?: boolean;
  /**
   * Only these collections (default: all). RxDB's free edition allows 13 open collections per JS process,
   * so tests that run several desks in one process open a subset.
   */
  collections?: readonly CollectionName[];
  /** Conflict handler per collection (set by shared/sync). */
  conflictHandlers?: Partial<Record<CollectionName, RxConflictHandler<any>>>;
}

let pluginsAdded = false;
let devModeAdded = false;

async function addPlugins(devMode: boolean): Promise<void> {
  if (!pluginsAdded) {
    addRxPlugin(RxDBMigrationSchemaPlugin);
    addRxPlugin(RxDBQueryBuilderPlugin);
    addRxPlugin(RxDBLeaderElectionPlugin);
    pluginsAdded = true;
  }
  if (devMode && !devModeAdded) {
    const dev = await import('rxdb/plugins/dev-mode');
    dev.disableWarnings();
    addRxPlugin(dev.RxDBDevModePlugin);
    devModeAdded = true;
  }
}

/** Creates (or opens) the desk's local database with every collection. */
export async function createDatabase(options: CreateDatabaseOptions): Promise<DeskDatabase> {
  const { name, validate = true, devMode = false, multiInstance = true } = options;
  await addPlugins(devMode);
  const storage = validate ? wrappedValidateGeneratedStorage({ storage: options.storage }) : options.storage;
  const db = await createRxDatabase<DeskCollections>({
    name,
    storage,
    multiInstance,
    eventReduce: true,
    closeDuplicates: true,
  });
  const collections = Object.fromEntries(
    (options.collections ?? COLLECTION_NAMES).map((c) => [
      c,
      {
        schema: schemas[c],
        migrationStrategies: migrationStrategies[c],
        cacheReplacementPolicy: IDLE_QUERY_POLICY,
        ...(options.conflictHandlers?.[c] ? { conflictHandler: options.conflictHandlers[c] } : {}),
      },
    ]),
  );
  await db.addCollections(collections as any);
  return db;
}
