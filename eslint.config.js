// Lint keeps the architecture honest: shared code imports no app, clients import no server code,
// the portal and the add-in share browser code only through src/client, and the on-send bundle
// stays free of React.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const appDirs = ['**/server/**', '**/portal/**', '**/addin/**', '**/client/**'];

/** Import rules for code that runs in browsers: the given patterns, and never a `node:` module. */
function browserCode(files, ...patterns) {
  return {
    files,
    rules: {
      'no-restricted-imports': ['error', { patterns: [...patterns, { group: ['node:*'], message: 'Browser code: no node: imports.' }] }],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', '.tmp/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      'no-console': ['error', { allow: ['warn', 'error'] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: appDirs, message: 'src/shared is isomorphic and imports no app.' },
          { group: ['node:*'], message: 'src/shared runs in browsers too: no node: imports.' },
          { group: ['react', 'react-dom', '@fluentui/*'], message: 'src/shared has no UI.' },
        ],
      }],
    },
  },
  browserCode(['src/client/**'], {
    group: ['**/server/**', '**/portal/**', '**/addin/**'],
    message: 'src/client is what both clients share: it imports neither app, nor server code.',
  }),
  browserCode(
    ['src/portal/**'],
    { group: ['**/server/**'], message: 'Clients never import server code.' },
    { group: ['**/addin/**'], message: 'The portal does not import the add-in: share through src/client.' },
  ),
  browserCode(
    ['src/addin/**'],
    { group: ['**/server/**'], message: 'Clients never import server code.' },
    { group: ['**/portal/**'], message: 'The add-in does not import the portal: share through src/client.' },
  ),
  browserCode(
    ['src/addin/commands/**'],
    { group: ['**/server/**', '**/portal/**', '**/taskpane/**'], message: 'The on-send bundle stands alone.' },
    { group: ['react', 'react-dom', '@fluentui/*', '@azure/*'], message: 'The on-send bundle must stay tiny: no React, Fluent or MSAL.' },
  ),
  {
    files: ['scripts/**', 'bench/**', 'test/**', '**/*.test.ts', '**/*.test.tsx', '*.config.js'],
    rules: { 'no-console': 'off' },
  },
  {
    // Tests run in Node whatever they test: node:test, node:assert and friends are fine there.
    files: ['src/shared/**/*.test.ts', 'src/client/**/*.test.ts', 'src/client/**/*.test.tsx', 'src/portal/**/*.test.ts', 'src/portal/**/*.test.tsx', 'src/addin/**/*.test.ts', 'src/addin/**/*.test.tsx'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
