// Lint config. Besides style, it enforces the layer rules of
// docs/architecture.md with `no-restricted-imports` per folder, so a wrong
// import fails `npm test`, not a review.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [
  'node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net',
  'url', 'util', 'stream', 'worker_threads', 'events', 'buffer', 'zlib',
];
const electronPaths = ['electron', 'electron/*', '**/electron/**', '../electron', '../../electron'];
const rendererPaths = ['**/renderer/**', '../renderer', '../../renderer'];
const uiLibs = ['dexie', 'dexie-*', 'react', 'react-*', 'react/*', 'react-dom/*', '@mui/*', '@emotion/*', 'zustand', 'zustand/*'];

const restrict = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }],
});

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'dist-electron/', 'release/', 'coverage/', '**/*.js', '**/*.mjs', '**/*.cjs'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.config.ts'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }],
    },
  },
  // shared/: pure TypeScript. No electron/renderer, no Node, no DOM, no UI or DB libraries.
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: { ...globals.es2023 } },
    rules: {
      ...restrict(
        [...electronPaths, ...rendererPaths, ...nodeBuiltins, ...uiLibs],
        'shared/ is pure TypeScript: no electron/, renderer/, node:*, DOM, dexie, react or MUI (docs/architecture.md).',
      ),
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'navigator', 'process', 'require', 'Buffer'],
    },
  },
  // renderer/: UI. Never electron/ or Node; reaches the OS only via renderer/platform/api.ts.
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
        [...electronPaths, ...nodeBuiltins],
        'renderer/ never imports electron/ or node:*; use the typed API in renderer/platform/api.ts.',
      ),
    },
  },
  // preload: may import only the IPC contract (and electron itself).
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!electron$|\\.\\./\\.\\./shared/ipc/).*',
              message: 'preload imports only electron and the IPC contract in shared/ipc/.',
            },
          ],
        },
      ],
    },
  },
  // electron/ main: may use Node and shared/, never renderer/.
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/preload/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { ...restrict(rendererPaths, 'electron/ never imports renderer/.') },
  },
  // Only renderer/platform/api.ts may read the API that preload exposes.
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['renderer/platform/**'],
    rules: {
      'no-restricted-properties': ['error', { object: 'window', property: 'quartier', message: 'Read the preload API only through renderer/platform/api.ts.' }],
    },
  },
  {
    files: ['test/**/*.ts', 'test/**/*.tsx'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
      'no-console': 'off',
    },
  },
);
