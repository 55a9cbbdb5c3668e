import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

/** shared/ stays platform-free: lint must refuse Electron, Node, React DOM, DOM globals and renderer imports there. */
describe('lint keeps shared/ platform-free', () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const lint = async (code: string, filePath: string) => {
    const [result] = await eslint.lintText(code, { filePath });
    return (result?.messages ?? []).map((m) => m.ruleId);
  };

  it.each([
    ["import { app } from 'electron';\nexport const a = app;\n", 'no-restricted-imports'],
    ["import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n", 'no-restricted-imports'],
    ["import fs from 'fs';\nexport const r = fs;\n", 'no-restricted-imports'],
    ["import { createRoot } from 'react-dom/client';\nexport const c = createRoot;\n", 'no-restricted-imports'],
    ["import { useDb } from '../../renderer/app/db';\nexport const u = useDb;\n", 'no-restricted-imports'],
    ['export const w = window.location.href;\n', 'no-restricted-globals'],
    ['export const s = localStorage.getItem("x");\n', 'no-restricted-globals'],
  ])('refuses %s', async (code, rule) => {
    expect(await lint(code, 'shared/bookings/forbidden-example.ts')).toContain(rule);
  });

  it('allows the same imports outside shared/', async () => {
    expect(await lint("import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n", 'scripts/example.ts')).toEqual([]);
  });

  it('allows pure code in shared/', async () => {
    expect(await lint("import dayjs from 'dayjs';\nexport const d = () => dayjs('2026-11-22').day();\n", 'shared/bookings/ok-example.ts')).toEqual([]);
  });
});

/** RxDB 17.6's collection.$ / db.$ keep every change event for good: lint sends the desk's code to shared/db/changes.ts. */
describe('lint refuses RxDB change streams that keep what was written', () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const rules = async (code: string, filePath: string) => ((await eslint.lintText(code, { filePath }))[0]?.messages ?? []).map((m) => m.ruleId);

  it.each([
    ['export const f = (db: any) => db.visits.$.subscribe(() => undefined);\n', 'renderer/features/visitors/example.ts'],
    ['export const f = (db: any) => db.$.subscribe(() => undefined);\n', 'shared/backup/example.ts'],
  ])('refuses %s', async (code, file) => {
    expect(await rules(code, file)).toContain('no-restricted-syntax');
  });

  it("allows a query's own $ and the desk's change streams", async () => {
    expect(await rules('export const f = (db: any) => db.visits.find().$.subscribe(() => undefined);\n', 'renderer/features/visitors/example.ts')).toEqual([]);
    expect(await rules("import { collectionChanges } from '../../db/changes';\nexport const f = (db: any) => collectionChanges(db.visits).subscribe(() => undefined);\n", 'shared/backup/example.ts')).toEqual([]);
  });
});
