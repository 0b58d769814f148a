// Lint = typescript-eslint recommended + the layer rule (CONVENTIONS 1): a layer that reaches into a
// layer it must not import from fails the lint. `npm run lint` runs with --max-warnings 0.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const layer = (message, paths, patterns) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: paths.map((name) => ({ name, message })),
      patterns: patterns.map((group) => ({ group: [group], message })),
    },
  ],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'build/**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: layer(
      'shared/ runs anywhere: no Node built-ins, no Electron, no DOM, no other layer',
      [...nodeBuiltins, 'electron', 'react', 'react-dom'],
      ['**/electron/**', '**/renderer/**', 'node:*'],
    ),
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: layer(
      'renderer/ is DOM only: reach the core through the bridge (shared/ipc), never Node or electron/',
      [...nodeBuiltins, 'electron', 'werift'],
      ['**/electron/**', 'node:*'],
    ),
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/**'],
    rules: layer(
      'electron/core, host and cli run under plain Node: only electron/main may import electron; nothing imports renderer/',
      ['electron', 'react', 'react-dom'],
      ['**/renderer/**'],
    ),
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: layer('the Electron shell never imports renderer code', ['react', 'react-dom'], ['**/renderer/**']),
  },
);
