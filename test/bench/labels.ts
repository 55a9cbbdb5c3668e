/** The Russian UI strings, read from the locale files, so the benchmark drives the app by its real labels. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const dir = path.resolve('renderer/app/i18n/locales/ru');

/** `label('visitors', 'door.name')` → "Имя или телефон"; undefined when the namespace or key does not exist (yet). */
export function label(ns: string, key: string, vars: Record<string, string | number> = {}): string | undefined {
  const file = path.join(dir, `${ns}.json`);
  if (!existsSync(file)) return undefined;
  let node: unknown = JSON.parse(readFileSync(file, 'utf8'));
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== 'string') return undefined;
  return node.replace(/\{\{(\w+)\}\}/g, (_, v: string) => String(vars[v] ?? ''));
}

/** A CSS attribute-value string literal. */
export function cssString(s: string): string {
  return JSON.stringify(s);
}
