/**
 * The document check shared by the desk and the server lives in checker.js (one ES5 function: the desk imports it,
 * `server:setup` embeds its text in validate_doc_update). This module adds what both sides need around it.
 */
import { checkDocument, type ValidationProblem } from './checker';

export { checkDocument, type ValidationProblem };

export type JsonSchemaLike = Record<string, unknown>;

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
 * The `validate_doc_update` source for one collection: the checker's text (`checkerSource`, from
 * `function checkDocument` on in checker.js: scripts/lib/checkerSource.ts reads it), the schema inlined as JSON.
 * Design documents and deletions pass; the refusal says which fields broke which rule
 * ("schema: title: maxLength"), and the desk lists it under "could not sync".
 */
export function validateDocUpdateSource(schema: { primaryKey: unknown } & JsonSchemaLike, checkerSource: string): string {
  return [
    'function (newDoc, oldDoc, userCtx, secObj) {',
    "  if (newDoc._deleted === true || String(newDoc._id).indexOf('_design/') === 0) return;",
    '  var checkDocument = ' + checkerSource + ';',
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
