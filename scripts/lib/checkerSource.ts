/** The text CouchDB runs: shared/sync/checker.js from `function checkDocument` on (its `export` and header cut off). */
import { readFileSync } from 'node:fs';

export function checkerSource(): string {
  const text = readFileSync(new URL('../../shared/sync/checker.js', import.meta.url), 'utf8');
  const start = text.indexOf('\nexport function checkDocument(');
  if (start < 0) throw new Error('shared/sync/checker.js: no `export function checkDocument(`');
  return text.slice(start + '\nexport '.length).trim();
}
