/** Runs `npm run server:setup` (scripts/server-setup.ts) against an admin URL, as a person would. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function serverSetup(adminUrl: string, ...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const r = await run(process.execPath, ['--import', 'tsx', 'scripts/server-setup.ts', '--url', adminUrl, ...args], { timeout: 120000 });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: err.code ?? 1, out: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

/** The accounts a run printed (user → the password shown once). */
export function printedAccounts(out: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of out.matchAll(/^\s+user\s+(\S+)\n\s+password\s+(\S+)$/gm)) found.set(m[1]!, m[2]!);
  return found;
}
