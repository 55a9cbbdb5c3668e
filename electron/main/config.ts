/** Main-process settings kept in userData/desk-config.json. */
import path from 'node:path';
import { z } from 'zod';
import { LANGUAGES } from '@shared/ipc/contract';
import { isSyncOrigin } from '@shared/net/syncUrl';
import { readJsonFile, writeJsonFile } from './jsonFile';
import { updateFeedSchema } from './updates';

const configSchema = z.object({
  menuLanguage: z.enum(LANGUAGES).catch('ru'),
  /** Origins of the configured CouchDB server(s), added to CSP connect-src (exactly as checkSyncUrl writes them). */
  syncOrigins: z.array(z.string().refine(isSyncOrigin)).max(4).catch([]),
  /** Folder of the automatic daily backups on this computer (absolute), null until chosen. */
  backupFolder: z
    .string()
    .max(4096)
    .refine((p) => path.isAbsolute(p) && !p.includes('\0'))
    .nullable()
    .catch(null),
  /** Where this desk looks for new versions (set by the centre; docs/distribution.md); null: the installer's own. */
  updateFeed: updateFeedSchema.nullable().catch(null),
});
export type MainConfig = z.infer<typeof configSchema>;

export function loadMainConfig(file: string): MainConfig {
  const raw = readJsonFile(file);
  return configSchema.parse(raw && typeof raw === 'object' ? raw : {});
}

export function saveMainConfig(file: string, config: MainConfig): void {
  writeJsonFile(file, config);
}
