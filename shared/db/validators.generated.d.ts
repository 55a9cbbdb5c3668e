/** Compiled checks per collection (true: the document is valid) and the schema fingerprint each was made from. */
export declare const validators: Record<string, (doc: unknown) => boolean>;
export declare const fingerprints: Record<string, string>;
