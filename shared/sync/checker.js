/* Plain ES5 on purpose (var, no arrows): this file's text is CouchDB's validate_doc_update, see below. */
/**
 * The server's document check, and the desk's reading of it: ONE function in ONE file.
 *
 * - `server:setup` embeds this file's text (from `function checkDocument` on, scripts/lib/provision.ts) in every
 *   database's `validate_doc_update`, so it is plain ES5 for CouchDB's JavaScript engine (SpiderMonkey 1.8.5 on
 *   older CouchDB 3 builds): `var`, no arrows, no spread, no closures over module scope.
 * - The desk imports the same function (shared/sync/validate.ts) to check pulled documents and to say which fields
 *   broke which rule; its writes are checked by the generated checks (shared/db/validators.generated.js), and
 *   test/unit/validators-generated.test.ts proves the two accept and refuse the same documents.
 *
 * Keywords: type, enum, maxLength, pattern, minimum/maximum, items/maxItems, properties/required, oneOf and (with
 * `strictExtra`) additionalProperties: false. `_`-prefixed top-level keys (CouchDB/RxDB metadata) are ignored;
 * the primary key travels as `_id` (`schema.__primaryKey`).
 */
export function checkDocument(schema, doc, strictExtra) {
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
    if (s.oneOf) {
      var before = problems.length;
      var passing = 0;
      for (var o = 0; o < s.oneOf.length; o++) {
        walk(s.oneOf[o], v, path, false);
        if (problems.length === before) passing++;
        problems.length = before;
      }
      if (passing !== 1) problems.push({ path: path, rule: 'oneOf' });
    }
    if (s['enum'] && s['enum'].indexOf(v) < 0) problems.push({ path: path, rule: 'enum' });
    if (t === 'string') {
      if (typeof s.maxLength === 'number' && v.length > s.maxLength) problems.push({ path: path, rule: 'maxLength' });
      if (typeof s.pattern === 'string' && !new RegExp(s.pattern).test(v)) problems.push({ path: path, rule: 'pattern' });
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
}
