/**
 * Both languages say the same things: every key of a Russian namespace exists in English and back (plural forms
 * aside: Russian has one/few/many/other, English one/other), with the same {{placeholders}}. A key missing in one
 * language would show the raw key to a volunteer.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = join(__dirname, 'locales');
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(value: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else out.set(prefix, String(value));
  return out;
}

/** key without its plural suffix → the placeholders used by any of its forms */
function shape(file: string): Map<string, string> {
  const out = new Map<string, Set<string>>();
  for (const [key, text] of flatten(JSON.parse(readFileSync(file, 'utf8')))) {
    const base = key.replace(PLURAL, '');
    const vars = out.get(base) ?? new Set<string>();
    for (const m of text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)) vars.add(m[1]!);
    out.set(base, vars);
  }
  return new Map([...out].map(([k, v]) => [k, [...v].sort().join(',')]));
}

const namespaces = readdirSync(join(DIR, 'ru')).filter((f) => f.endsWith('.json'));

describe('locales', () => {
  it('have the same namespaces in Russian and English', () => {
    expect(readdirSync(join(DIR, 'en')).filter((f) => f.endsWith('.json')).sort()).toEqual([...namespaces].sort());
  });

  it.each(namespaces)('%s: the same keys and placeholders in both languages', (ns) => {
    const ru = shape(join(DIR, 'ru', ns));
    const en = shape(join(DIR, 'en', ns));
    expect([...en.keys()].filter((k) => !ru.has(k)), 'in English only').toEqual([]);
    expect([...ru.keys()].filter((k) => !en.has(k)), 'in Russian only').toEqual([]);
    const differ = [...ru].filter(([k, vars]) => en.get(k) !== vars).map(([k, vars]) => `${k}: ru {${vars}} en {${en.get(k)}}`);
    expect(differ, 'placeholders differ').toEqual([]);
  });
});
