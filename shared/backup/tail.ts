/**
 * The end of a version-2 backup file: its checksum, the SHA-256 (hex) of every byte of the file before this tail.
 * Its own module with no imports, so that the gzip worker, which seals the file, bundles only this.
 */
export const backupTail = (checksum: string): string => `,\n"checksum":"${checksum}"}\n`;
