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
