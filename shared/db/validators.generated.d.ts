/** One broken rule, as Ajv reports it (allErrors: every one). */
export interface GeneratedError {
  instancePath: string;
  message?: string;
  keyword: string;
  params: Record<string, unknown>;
}
/** A compiled check: true when the document is valid; after a refusal, `errors` says why. */
export type GeneratedCheck = ((doc: unknown) => boolean) & { errors?: GeneratedError[] | null };
/** Compiled checks per collection and the schema fingerprint each was made from. */
export declare const validators: Record<string, GeneratedCheck>;
export declare const fingerprints: Record<string, string>;
