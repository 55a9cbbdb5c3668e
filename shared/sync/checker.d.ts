/** See checker.js: the one document check of the server (validate_doc_update) and of the desk's pulls. */
export interface ValidationProblem {
  path: string;
  /** 'required' | 'type' | 'oneOf' | 'enum' | 'maxLength' | 'pattern' | 'minimum' | 'maximum' | 'maxItems' | 'unknown' */
  rule: string;
}
export declare function checkDocument(schema: Record<string, unknown>, doc: unknown, strictExtra: boolean): ValidationProblem[];
