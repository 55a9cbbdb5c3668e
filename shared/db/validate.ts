/**
 * Schema validation for every write, without eval (works under the strict CSP), and fast.
 *
 * RxDB's `wrappedValidateZSchemaStorage` calls `zSchema.validateSafe(doc, schemaObject)`; z-schema 12
 * deep-clones, compiles and re-validates a schema passed as an object on EVERY call (SchemaCache.getSchema),
 * which made validation most of a bulk insert (figures: docs/performance.md, "Figures behind the code").
 * Here each collection schema is registered once under an id; z-schema then keeps the compiled copy
 * (cache by URI) and a write costs only the document check. Same rules, same error details.
 *
 * Even by id, each `validateSafe` call still walks the whole schema once (`compileSchema` →
 * `collectAndCacheIds`, a fifth of a document's check). A bulk write is therefore checked in ONE call against
 * "an array whose items are the collection schema" (`{ type: 'array', items: { $ref } }`): the same rules for
 * every document. Only when that fails are the documents checked one by one, so each refused document gets
 * exactly the 422 error and details it would get alone.
 *
 * Faster still: the app's own collection schemas also have a compiled check generated at build time
 * (validators.generated.js, Ajv standalone code: no eval). Loaded at the first big write (not on the first screen); once there, a
 * write whose schema has the same fingerprint is checked by it first, and z-schema runs only for a document it
 * refuses (for the exact 422 details; z-schema has the last word). A property test keeps both in agreement.
 */
import ZSchema from 'z-schema';
import { getPrimaryFieldOfPrimaryKey, requestIdleCallbackIfAvailable, type RxJsonSchema, type RxStorage } from 'rxdb';
import { schemaFingerprint } from './fingerprint';

type Generated = { validators: Record<string, (doc: unknown) => boolean>; fingerprints: Record<string, string> };
let generated: Generated | null = null;
let loading: Promise<void> | null = null;

/** Whether the generated checks were asked for yet, and whether they are there. */
export function generatedValidatorsState(): 'not asked' | 'loading' | 'loaded' {
  return generated ? 'loaded' : loading ? 'loading' : 'not asked';
}

/** Loads the generated checks (once); until then, and if loading fails, every write uses z-schema alone. */
export function loadGeneratedValidators(): Promise<void> {
  loading ??= import('./validators.generated').then(
    (m) => {
      generated = m as Generated;
    },
    (e: unknown) => {
      console.warn('generated validators not loaded, z-schema checks every write', e);
    },
  );
  return loading;
}

export interface ValidationDetail {
  title?: string;
  description?: string;
  message: string;
  path: string;
}

/** One document's errors ([] when valid), plus `all(docs)`: true when every document is valid (one call). */
export interface CachedValidator {
  (doc: unknown): ValidationDetail[];
  all(docs: readonly unknown[]): boolean;
  /** 'generated' once the compiled check for this very schema is in use, else 'z-schema'. */
  kind(): 'generated' | 'z-schema';
}

let counter = 0;
/** Rows in one write from which loading the generated checks is worth it. */
const BIG_WRITE = 20;

export function getCachedValidator(schema: RxJsonSchema<any>): CachedValidator {
  const z = ZSchema.create({ strictMode: false });
  const uri = `sosedi-schema-${schema.title ?? 'doc'}-v${schema.version}-${counter++}`;
  z.setRemoteReference(uri, schema as never);
  z.setRemoteReference(`${uri}-many`, { type: 'array', items: { $ref: uri } } as never);
  const fingerprint = schemaFingerprint(schema);
  let fast: ((doc: unknown) => boolean) | null | undefined; // undefined: not looked up yet
  const fastCheck = () => {
    if (fast === undefined && generated) {
      const name = String(schema.title ?? '');
      const check = Object.hasOwn(generated.validators, name) ? generated.validators[name] : undefined;
      fast = check && generated.fingerprints[name] === fingerprint ? check : null;
    }
    return fast ?? null;
  };
  const validate = ((doc: unknown) => {
    if (fastCheck()?.(doc)) return [];
    const result = z.validateSafe(doc, uri) as { valid: boolean; err?: { details?: unknown[] }; error?: { details?: unknown[] } };
    if (result.valid) return [];
    const details = (result.err?.details ?? result.error?.details ?? []) as ValidationDetail[];
    return details.map(({ title, description, message, path }) => ({ title, description, message, path }));
  }) as CachedValidator;
  validate.all = (docs) => {
    const check = fastCheck();
    if (check) return docs.every((d) => check(d)); // false: the caller checks one by one (z-schema decides)
    return (z.validateSafe(docs, `${uri}-many`) as { valid: boolean }).valid;
  };
  validate.kind = () => (fastCheck() ? 'generated' : 'z-schema');
  return validate;
}

/** One validator per distinct schema (RxDB's factory caches by the schema's JSON too). */
const validators = new Map<string, CachedValidator>();
function validatorFor(schema: RxJsonSchema<any>): CachedValidator {
  const key = JSON.stringify(schema);
  let v = validators.get(key);
  if (!v) validators.set(key, (v = getCachedValidator(schema)));
  return v;
}

/**
 * Drop-in for `wrappedValidateZSchemaStorage` from 'rxdb/plugins/validate-z-schema' (RxDB's
 * `wrappedValidateStorageFactory`, with the whole write checked in one call first): valid rows go on to the
 * wrapped storage, invalid ones come back as status 422 errors with their validation details.
 */
export function wrappedValidateCachedZSchemaStorage(args: { storage: RxStorage<any, any> }): RxStorage<any, any> {
  return Object.assign({}, args.storage, {
    name: 'validate-z-schema-cached-' + args.storage.name,
    async createStorageInstance(params: any) {
      const instance = await args.storage.createStorageInstance(params);
      const primaryPath = getPrimaryFieldOfPrimaryKey(params.schema.primaryKey);
      let validator: CachedValidator | undefined;
      requestIdleCallbackIfAvailable(() => (validator ??= validatorFor(params.schema))); // compile before the first write, as RxDB does
      const bulkWrite = instance.bulkWrite.bind(instance);
      instance.bulkWrite = (rows: any[], context: string) => {
        validator ??= validatorFor(params.schema);
        // The generated checks pay off on big writes (a demo load, an import, a first sync); the desk's everyday
        // single writes are quick with z-schema, so the first screen never waits for that chunk.
        if (rows.length >= BIG_WRITE) void loadGeneratedValidators();
        if (validator.all(rows.map((row) => row.document))) return bulkWrite(rows, context);
        const errors: any[] = [];
        const valid: any[] = [];
        for (const row of rows) {
          const validationErrors = validator(row.document);
          if (validationErrors.length) {
            errors.push({ status: 422, isError: true, documentId: row.document[primaryPath], validationErrors, schema: instance.schema, writeRow: row, context });
          } else valid.push(row);
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
