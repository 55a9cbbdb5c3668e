/**
 * A small JSON-schema validator for the keywords the desk's collection schemas use
 * (type, properties, required, additionalProperties, enum, maxLength/minLength, minimum/maximum,
 * pattern, items, maxItems/minItems, oneOf). Compiled once per schema into closures: no eval
 * (safe under the app's CSP) and fast enough to check a year's backup (z-schema re-compiles the
 * schema on every call; docs/performance.md). Unknown keywords are refused at compile time,
 * so a schema that grows a new keyword fails loudly in the tests rather than passing silently.
 */
export interface SchemaError {
  path: string;
  message: string;
}

type Check = (value: unknown, path: string, errors: SchemaError[]) => void;

const IGNORED = new Set(['title', 'description', 'version', 'primaryKey', 'indexes', 'keyCompression', 'encrypted', 'default', 'final', 'ref', '$comment', 'attachments', 'internalIndexes', 'crdt', 'sharding']);
const HANDLED = new Set(['type', 'properties', 'required', 'additionalProperties', 'enum', 'maxLength', 'minLength', 'minimum', 'maximum', 'pattern', 'items', 'maxItems', 'minItems', 'oneOf']);

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

const matchesType = (actual: string, wanted: string): boolean => actual === wanted || (wanted === 'number' && actual === 'integer');

export function compileSchema(schema: Record<string, unknown>): (value: unknown) => SchemaError[] {
  const check = compile(schema, '#');
  return (value) => {
    const errors: SchemaError[] = [];
    check(value, '', errors);
    return errors;
  };
}

function compile(schema: Record<string, unknown>, at: string): Check {
  for (const key of Object.keys(schema)) {
    if (!HANDLED.has(key) && !IGNORED.has(key)) throw new Error(`jsonSchema: keyword "${key}" at ${at} is not supported`);
  }
  const checks: Check[] = [];
  const s = schema as {
    type?: string | string[];
    properties?: Record<string, Record<string, unknown>>;
    required?: string[];
    additionalProperties?: boolean;
    enum?: unknown[];
    maxLength?: number;
    minLength?: number;
    minimum?: number;
    maximum?: number;
    pattern?: string;
    items?: Record<string, unknown>;
    maxItems?: number;
    minItems?: number;
    oneOf?: Record<string, unknown>[];
  };
  if (s.type !== undefined) {
    const types = Array.isArray(s.type) ? s.type : [s.type];
    checks.push((v, path, errors) => {
      const t = typeOf(v);
      if (!types.some((w) => matchesType(t, w))) errors.push({ path, message: `expected ${types.join('|')}, got ${t}` });
    });
  }
  if (s.enum) {
    const allowed = s.enum;
    checks.push((v, path, errors) => {
      if (!allowed.includes(v)) errors.push({ path, message: 'not one of the allowed values' });
    });
  }
  if (s.maxLength !== undefined || s.minLength !== undefined || s.pattern !== undefined) {
    const re = s.pattern !== undefined ? new RegExp(s.pattern, 'u') : null;
    checks.push((v, path, errors) => {
      if (typeof v !== 'string') return;
      // JSON schema counts code points; UTF-16 length is an upper bound, so count only when it matters.
      const length = (s.maxLength !== undefined && v.length > s.maxLength) || s.minLength !== undefined ? [...v].length : v.length;
      if (s.maxLength !== undefined && length > s.maxLength) errors.push({ path, message: `longer than ${s.maxLength}` });
      if (s.minLength !== undefined && length < s.minLength) errors.push({ path, message: `shorter than ${s.minLength}` });
      if (re && !re.test(v)) errors.push({ path, message: `does not match ${s.pattern}` });
    });
  }
  if (s.minimum !== undefined || s.maximum !== undefined) {
    checks.push((v, path, errors) => {
      if (typeof v !== 'number') return;
      if (s.minimum !== undefined && v < s.minimum) errors.push({ path, message: `less than ${s.minimum}` });
      if (s.maximum !== undefined && v > s.maximum) errors.push({ path, message: `more than ${s.maximum}` });
    });
  }
  if (s.properties || s.required || s.additionalProperties === false) {
    const props = Object.entries(s.properties ?? {}).map(([k, sub]) => [k, compile(sub, `${at}/${k}`)] as const);
    const known = new Set(props.map(([k]) => k));
    const required = s.required ?? [];
    const closed = s.additionalProperties === false;
    checks.push((v, path, errors) => {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return;
      const o = v as Record<string, unknown>;
      for (const r of required) if (!(r in o) || o[r] === undefined) errors.push({ path: `${path}/${r}`, message: 'required' });
      for (const [k, c] of props) if (o[k] !== undefined) c(o[k], `${path}/${k}`, errors);
      if (closed) for (const k of Object.keys(o)) if (!known.has(k)) errors.push({ path: `${path}/${k}`, message: 'not allowed' });
    });
  }
  if (s.items || s.maxItems !== undefined || s.minItems !== undefined) {
    const item = s.items ? compile(s.items, `${at}/items`) : null;
    checks.push((v, path, errors) => {
      if (!Array.isArray(v)) return;
      if (s.maxItems !== undefined && v.length > s.maxItems) errors.push({ path, message: `more than ${s.maxItems} items` });
      if (s.minItems !== undefined && v.length < s.minItems) errors.push({ path, message: `fewer than ${s.minItems} items` });
      if (item) v.forEach((x, i) => item(x, `${path}/${i}`, errors));
    });
  }
  if (s.oneOf) {
    const alts = s.oneOf.map((sub, i) => compile(sub, `${at}/oneOf/${i}`));
    checks.push((v, path, errors) => {
      const passing = alts.filter((c) => {
        const e: SchemaError[] = [];
        c(v, path, e);
        return e.length === 0;
      }).length;
      if (passing !== 1) errors.push({ path, message: `matches ${passing} of the oneOf alternatives` });
    });
  }
  return (v, path, errors) => {
    for (const c of checks) c(v, path, errors);
  };
}
