/**
 * Schema validation for every write, without eval (works under the strict CSP), and fast.
 *
 * RxDB's `wrappedValidateZSchemaStorage` calls `zSchema.validateSafe(doc, schemaObject)`; z-schema 12
 * deep-clones, compiles and re-validates a schema passed as an object on EVERY call (SchemaCache.getSchema),
 * which made validation ~90% of a bulk insert (bench: loading a busy centre's year took 36× raw IndexedDB puts).
 * Here each collection schema is registered once under an id; z-schema then keeps the compiled copy
 * (cache by URI) and a write costs only the document check. Same rules, same error details.
 */
import ZSchema from 'z-schema';
import { wrappedValidateStorageFactory, type RxJsonSchema } from 'rxdb';

let counter = 0;

export function getCachedValidator(schema: RxJsonSchema<any>) {
  const z = ZSchema.create({ strictMode: false });
  const uri = `sosedi-schema-${schema.title ?? 'doc'}-v${schema.version}-${counter++}`;
  z.setRemoteReference(uri, schema as never);
  return (doc: unknown) => {
    const result = z.validateSafe(doc, uri) as { valid: boolean; err?: { details?: unknown[] }; error?: { details?: unknown[] } };
    if (result.valid) return [];
    const details = (result.err?.details ?? result.error?.details ?? []) as { title?: string; description?: string; message: string; path: string }[];
    return details.map(({ title, description, message, path }) => ({ title, description, message, path }));
  };
}

/** Drop-in for `wrappedValidateZSchemaStorage` from 'rxdb/plugins/validate-z-schema'. */
export const wrappedValidateCachedZSchemaStorage = wrappedValidateStorageFactory(getCachedValidator as never, 'z-schema-cached');
