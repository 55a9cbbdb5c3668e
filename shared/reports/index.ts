export * from './period';
export * from './figures';
export * from './funderTable';
export * from './tables';
// './exports' (ExcelJS, PapaParse) is imported on its own so that the renderer can load it lazily.
export * from './visitParts';
export * from './loanParts';
