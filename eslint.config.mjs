// ESLint: typescript-eslint's recommended type-aware-free rules plus eslint-plugin-lit for
// template mistakes. Formatting is Prettier's job, so no stylistic rules here.
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'bench/out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  lit.configs['flat/recommended'],
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    // Pure modules must stay free of DOM, Dexie and Lit so they also run in Node and workers.
    files: ['src/model/**', 'src/evaluation/**', 'src/formats/**', 'src/search/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['dexie', 'lit', 'dompurify'],
          patterns: ['lit/*', '@lit/*', '../db/*', '../components/*', '../state/*'],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'indexedDB', 'localStorage', 'navigator'],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bench/**/*.mjs', '*.mjs', '.ci/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly' } },
  },
);
