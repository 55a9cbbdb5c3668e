/**
 * Schema checks for every write: the compiled checks generated at build time from shared/db/schemas
 * (validators.generated.js, Ajv standalone code: no eval, which the desk's CSP forbids; `npm run gen:validators`).
 * The desk has two validators, both made from the same schemas: these checks for what it writes, and the server's
 * validate_doc_update (shared/sync/checker.js), which the desk also runs on what it pulls;
 * test/unit/validators-generated.test.ts proves they accept and refuse the same documents.
 *
 * Which storage instances are checked: each of the app's collections at its current schema version, by the check
 * generated from that very schema (same fingerprint; a stale file is refused when the collection opens, never
 * skipped). Not checked: RxDB's own instances (its internal store, replication and migration meta documents, which
 * RxDB writes and reads itself) and a collection's older schema version opened only to migrate its documents away
 * (they were checked when written; after migration they are written again, checked, into the current version).
 * Nothing is compiled at run time.
 */
import { getPrimaryFieldOfPrimaryKey, type RxJsonSchema, type RxStorage } from 'rxdb';
import { schemaFingerprint } from './fingerprint';
import { schemas } from './schemas';
import type { GeneratedCheck as Check } from './validators.generated';

interface Generated {
  validators: Record<string, Check>;
  fingerprints: Record<string, string>;
}

let loading: Promise<Generated> | null = null;
/** The generated checks (one chunk, loaded once, when the first storage instance opens). */
function loadGeneratedValidators(): Promise<Generated> {
  loading ??= import('./validators.generated') as Promise<Generated>;
  return loading;
}

/** One broken rule, as RxDB reports it in a 422 write error (`validationErrors`): "#/capacity", "must be >= 0". */
export interface ValidationDetail {
  path: string;
  message: string;
  keyword: string;
  params: Record<string, unknown>;
}

/** The details of the last refusal of `check`. */
export function detailsOf(check: Check): ValidationDetail[] {
  return (check.errors ?? []).map((e) => ({ path: `#${e.instancePath}`, message: e.message ?? e.keyword, keyword: e.keyword, params: e.params }));
}

/**
 * The generated check for a schema as RxDB hands it to the storage; null for a schema the desk does not check
 * (RxDB's own, or an older version of a collection). Throws when the generated file is stale for it.
 */
export function generatedCheck(generated: Generated, schema: RxJsonSchema<any>): Check | null {
  const name = String(schema.title ?? '');
  if (!Object.hasOwn(schemas, name) || schema.version !== schemas[name as keyof typeof schemas].version) return null;
  const check = generated.validators[name];
  if (!check || generated.fingerprints[name] !== schemaFingerprint(schema)) {
    throw new Error(`shared/db/validators.generated.js does not match the ${name} schema: run npm run gen:validators`);
  }
  return check;
}

/**
 * Wraps a storage so that every write to the app's collections is checked (RxDB's `wrappedValidateStorageFactory`
 * contract): valid rows go on to the wrapped storage, invalid ones come back as status 422 errors with their
 * validation details. A write is checked document by document with no detail collected until one fails.
 */
export function wrappedValidateGeneratedStorage(args: { storage: RxStorage<any, any> }): RxStorage<any, any> {
  return Object.assign({}, args.storage, {
    name: 'validate-generated-' + args.storage.name,
    async createStorageInstance(params: any) {
      const [instance, generated] = await Promise.all([args.storage.createStorageInstance(params), loadGeneratedValidators()]);
      const check = generatedCheck(generated, params.schema);
      if (!check) return instance;
      const primaryPath = getPrimaryFieldOfPrimaryKey(params.schema.primaryKey);
      const bulkWrite = instance.bulkWrite.bind(instance);
      instance.bulkWrite = (rows: any[], context: string) => {
        if (rows.every((row) => check(row.document))) return bulkWrite(rows, context);
        const errors: any[] = [];
        const valid: any[] = [];
        for (const row of rows) {
          if (check(row.document)) valid.push(row);
          else errors.push({ status: 422, isError: true, documentId: row.document[primaryPath], validationErrors: detailsOf(check), schema: instance.schema, writeRow: row, context });
        }
        const written = valid.length ? bulkWrite(valid, context) : Promise.resolve({ error: [] as any[] });
        return written.then((result: any) => {
          result.error.push(...errors);
          return result;
        });
      };
      return instance;
    },
  });
}
