import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Imports that shared/ must never use: it runs in main, preload, renderer and tests alike. */
const sharedForbidden = {
  paths: [
    { name: 'electron', message: 'shared/ is platform-free: no Electron imports.' },
    { name: 'react-dom', message: 'shared/ is platform-free: no React DOM.' },
    { name: 'react-dom/client', message: 'shared/ is platform-free: no React DOM.' },
    ...['fs', 'path', 'os', 'crypto', 'http', 'https', 'net', 'child_process', 'url', 'util', 'stream', 'events', 'buffer', 'zlib', 'worker_threads'].map((name) => ({
      name,
      message: 'shared/ is platform-free: no Node built-ins.',
    })),
  ],
  patterns: [
    { group: ['node:*'], message: 'shared/ is platform-free: no Node built-ins.' },
    { group: ['**/renderer/**', '@renderer/*', '**/electron/**'], message: 'shared/ must not import renderer/ or electron/ code.' },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'release/**', 'test-results/**', 'playwright-report/**', 'bench/**', '.data/**', 'coverage/**', 'shared/db/validators.generated.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // One write path: components call a feature's hooks, hooks call its commands (renderer/features/<name>/commands.ts
    // or hooks.ts); a component never holds the database, builds a Mango query or writes a document.
    files: ['renderer/**/*.tsx'],
    ignores: ['renderer/app/db.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/app/db', '@renderer/app/db'],
              importNames: ['useDb', 'useLiveQuery'],
              message: 'Components do not touch the database: read and write through the feature\'s hooks (hooks.ts / commands.ts).',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "Property[key.name='selector']", message: 'Mango queries belong in a hook (hooks.ts), not in a component.' },
        {
          selector: "CallExpression[callee.property.name=/^(insert|bulkInsert|upsert|bulkUpsert|incrementalUpsert|incrementalPatch|incrementalModify|incrementalRemove|bulkRemove|findOne|findByIds)$/]",
          message: 'Components do not write or query collections: call a command through the feature\'s hooks.',
        },
        { selector: "MemberExpression[property.name='collections']", message: 'Components do not touch collections: use a hook.' },
      ],
    },
  },
  {
    // RxDB 17.6's collection.$ and database.$ keep every event bulk they pass on (a Map that is never emptied): a
    // subscriber keeps every document written while it listens. Listen through shared/db/changes.ts instead.
    files: ['renderer/**/*.ts', 'shared/**/*.ts', 'electron/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='$'][object.type!='CallExpression']",
          message: 'collection.$ / db.$ keep every change event for good (RxDB 17.6): use collectionChanges / databaseChanges from @shared/db. (A query\'s own .$ is fine.)',
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', sharedForbidden],
      // No DOM or Node globals in shared/ either.
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'location', 'process', 'Buffer', '__dirname', 'require'].map((name) => ({
          name,
          message: 'shared/ is platform-free.',
        })),
      ],
    },
  },
);
