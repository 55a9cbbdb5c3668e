/**
 * One document validator for both sides:
 * - the desk runs it on pulled documents (is this a document my app version understands?);
 * - `server:setup` embeds its source in every database's `validate_doc_update` (the server refuses what the
 *   desk would), so it is written in plain ES5 (CouchDB's JavaScript engine may be old): no arrows, no spread,
 *   no closures over module scope, no TypeScript-only runtime features.
 *
 * It checks required fields, types, enums, maxLength, minimum/maximum, maxItems and (with `strictExtra`)
 * unknown fields. `_`-prefixed keys (CouchDB/RxDB metadata) are ignored; the primary key travels as `_id`.
 */
export interface ValidationProblem {
  path: string;
  /** 'required' | 'type' | 'enum' | 'maxLength' | 'minimum' | 'maximum' | 'maxItems' | 'unknown' */
  rule: string;
}

export type JsonSchemaLike = Record<string, unknown>;

export function checkDocument(schema: JsonSchemaLike, doc: unknown, strictExtra: boolean): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  function typeOf(v: unknown): string {
    if (v === null) return 'null';
    if (Array.isArray(v)) return 'array';
    if (typeof v === 'number') return Math.floor(v) === v ? 'integer' : 'number';
    return typeof v;
  }
  function typeOk(want: unknown, got: string): boolean {
    const wants = Array.isArray(want) ? want : [want];
    for (let i = 0; i < wants.length; i++) {
      if (wants[i] === got || (wants[i] === 'number' && got === 'integer')) return true;
    }
    return false;
  }
  function walk(s: any, v: any, path: string, top: boolean): void {
    if (!s || typeof s !== 'object') return;
    const t = typeOf(v);
    if (s.type !== undefined && !typeOk(s.type, t)) {
      problems.push({ path: path, rule: 'type' });
      return;
    }
    if (s['enum'] && s['enum'].indexOf(v) < 0) problems.push({ path: path, rule: 'enum' });
    if (t === 'string') {
      if (typeof s.maxLength === 'number' && v.length > s.maxLength) problems.push({ path: path, rule: 'maxLength' });
    }
    if (t === 'number' || t === 'integer') {
      if (typeof s.minimum === 'number' && v < s.minimum) problems.push({ path: path, rule: 'minimum' });
      if (typeof s.maximum === 'number' && v > s.maximum) problems.push({ path: path, rule: 'maximum' });
    }
    if (t === 'array') {
      if (typeof s.maxItems === 'number' && v.length > s.maxItems) problems.push({ path: path, rule: 'maxItems' });
      if (s.items) for (let i = 0; i < v.length; i++) walk(s.items, v[i], path + '[' + i + ']', false);
    }
    if (t === 'object') {
      const props = s.properties || {};
      const req = s.required || [];
      for (let r = 0; r < req.length; r++) {
        const key = req[r];
        if (top && (key === s.__primaryKey || key.charAt(0) === '_')) continue;
        if (v[key] === undefined) problems.push({ path: path ? path + '.' + key : key, rule: 'required' });
      }
      for (const k in v) {
        if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
        if (top && k.charAt(0) === '_') continue;
        const sub = path ? path + '.' + k : k;
        if (Object.prototype.hasOwnProperty.call(props, k)) walk(props[k], v[k], sub, false);
        else if (strictExtra && s.additionalProperties === false) problems.push({ path: sub, rule: 'unknown' });
      }
    }
  }
  walk(schema, doc, '', true);
  return problems;
}

/** A schema copy the validator understands: marks the primary key (it travels as `_id` on the server). */
export function validatorSchema(schema: { primaryKey: unknown } & JsonSchemaLike): JsonSchemaLike {
  const primaryKey = typeof schema.primaryKey === 'string' ? schema.primaryKey : '';
  return { ...schema, __primaryKey: primaryKey };
}

/** Problems in words-free form for the "could not sync" list and server messages: "title: maxLength". */
export function describeProblems(problems: ValidationProblem[]): string {
  return problems
    .slice(0, 5)
    .map((p) => `${p.path || '(document)'}: ${p.rule}`)
    .join('; ');
}

/**
 * The same checker as plain ES5 source, for CouchDB's JavaScript engine (SpiderMonkey 1.8.5 on older
 * CouchDB 3 builds: no shorthand properties, no arrows). Bundlers rewrite `checkDocument.toString()`,
 * so this text is kept by hand and `validate.test.ts` proves it gives exactly the answers of `checkDocument`
 * on thousands of generated documents.
 */
export const CHECKER_SOURCE = `function checkDocument(schema, doc, strictExtra) {
  var problems = [];
  function typeOf(v) {
    if (v === null) return 'null';
    if (Array.isArray(v)) return 'array';
    if (typeof v === 'number') return Math.floor(v) === v ? 'integer' : 'number';
    return typeof v;
  }
  function typeOk(want, got) {
    var wants = Array.isArray(want) ? want : [want];
    for (var i = 0; i < wants.length; i++) {
      if (wants[i] === got || (wants[i] === 'number' && got === 'integer')) return true;
    }
    return false;
  }
  function walk(s, v, path, top) {
    if (!s || typeof s !== 'object') return;
    var t = typeOf(v);
    if (s.type !== undefined && !typeOk(s.type, t)) {
      problems.push({ path: path, rule: 'type' });
      return;
    }
    if (s['enum'] && s['enum'].indexOf(v) < 0) problems.push({ path: path, rule: 'enum' });
    if (t === 'string') {
      if (typeof s.maxLength === 'number' && v.length > s.maxLength) problems.push({ path: path, rule: 'maxLength' });
    }
    if (t === 'number' || t === 'integer') {
      if (typeof s.minimum === 'number' && v < s.minimum) problems.push({ path: path, rule: 'minimum' });
      if (typeof s.maximum === 'number' && v > s.maximum) problems.push({ path: path, rule: 'maximum' });
    }
    if (t === 'array') {
      if (typeof s.maxItems === 'number' && v.length > s.maxItems) problems.push({ path: path, rule: 'maxItems' });
      if (s.items) for (var i = 0; i < v.length; i++) walk(s.items, v[i], path + '[' + i + ']', false);
    }
    if (t === 'object') {
      var props = s.properties || {};
      var req = s.required || [];
      for (var r = 0; r < req.length; r++) {
        var key = req[r];
        if (top && (key === s.__primaryKey || key.charAt(0) === '_')) continue;
        if (v[key] === undefined) problems.push({ path: path ? path + '.' + key : key, rule: 'required' });
      }
      for (var k in v) {
        if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
        if (top && k.charAt(0) === '_') continue;
        var sub = path ? path + '.' + k : k;
        if (Object.prototype.hasOwnProperty.call(props, k)) walk(props[k], v[k], sub, false);
        else if (strictExtra && s.additionalProperties === false) problems.push({ path: sub, rule: 'unknown' });
      }
    }
  }
  walk(schema, doc, '', true);
  return problems;
}`;

/**
 * The `validate_doc_update` source for one collection: the checker, the schema inlined as JSON.
 * Design documents and deletions pass; the refusal says which fields broke which rule
 * ("schema: title: maxLength"), and the desk lists it under "could not sync".
 */
export function validateDocUpdateSource(schema: { primaryKey: unknown } & JsonSchemaLike): string {
  return [
    'function (newDoc, oldDoc, userCtx, secObj) {',
    "  if (newDoc._deleted === true || String(newDoc._id).indexOf('_design/') === 0) return;",
    '  var checkDocument = ' + CHECKER_SOURCE + ';',
    '  var schema = ' + JSON.stringify(validatorSchema(schema)) + ';',
    '  var problems = checkDocument(schema, newDoc, false);',
    '  if (problems.length) {',
    '    var words = [];',
    "    for (var i = 0; i < problems.length && i < 5; i++) words.push(problems[i].path + ': ' + problems[i].rule);",
    "    throw({ forbidden: 'schema: ' + words.join('; ') });",
    '  }',
    '}',
  ].join('\n');
}
