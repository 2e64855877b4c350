// ESLint: typescript-eslint's recommended type-aware-free rules plus eslint-plugin-lit for
// template mistakes. Formatting is Prettier's job, so no stylistic rules here.
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import tseslint from 'typescript-eslint';

const LAZY_PATHS = ['marked', 'dompurify', 'fuse.js', 'd3-hierarchy', 'd3-zoom', 'd3-selection', '@dagrejs/dagre'].map(
  (name) => ({
    name,
    message: 'Load it on first use with import() (see markdown.ts, citations.ts).',
    allowTypeImports: true,
  }),
);
// The lazily loaded modules themselves (and the parts only they import) may import each other.
const LAZY_FILES = [
  'src/components/markdown-render.ts',
  'src/components/sunburst.ts',
  'src/components/diagram.ts',
  'src/components/diagram-svg.ts',
  'src/components/diagram-print.ts',
];
const LAZY_PATTERNS = [
  {
    group: ['**/markdown-render.js'],
    message: 'Use markdown.ts, which loads the renderer on first use.',
    allowTypeImports: true,
  },
  {
    group: [
      '**/sunburst.js',
      '**/diagram.js',
      '**/diagram-svg.js',
      '**/diagram-print.js',
      '**/pictures/sunburst-layout.js',
      '**/pictures/diagram-layout.js',
    ],
    message: 'The pictures load on first use: import() them (see map-pictures.ts).',
    allowTypeImports: true,
  },
];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'bench/out/', '.tmp/'] },
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
    files: [
      'src/model/**',
      'src/evaluation/**',
      'src/formats/**',
      'src/search/**',
      'src/pictures/**',
      'src/anchoring/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['dexie', 'lit', 'dompurify'],
          patterns: ['lit/*', '@lit/*', '**/db/*', '**/components/*', '**/state/*'],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'indexedDB', 'localStorage', 'navigator'],
    },
  },
  {
    // Not in the initial load (issue #9's budget): the app imports these with import() on first use.
    // A static import here would put them back into app.js.
    // state/purifier.ts is the one DOMPurify instance; like markdown-render.ts it is itself reached only by import().
    files: ['src/main.ts', 'src/components/**', 'src/state/**', 'src/db/**'],
    ignores: [...LAZY_FILES, 'src/state/purifier.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths: LAZY_PATHS, patterns: LAZY_PATTERNS }] },
  },
  {
    // Layers: components talk to state/, never to the database (state/storage.ts is the door).
    files: ['src/components/**'],
    ignores: LAZY_FILES,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: LAZY_PATHS,
          patterns: [
            ...LAZY_PATTERNS,
            {
              group: ['**/db/*'],
              message: 'Components reach storage through state/ (state/storage.ts, the controllers), not db/.',
            },
          ],
        },
      ],
    },
  },
  {
    // A promise nobody awaits loses its errors: await it, return it, or mark it with void.
    files: ['src/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
  {
    files: ['scripts/**/*.mjs', 'bench/**/*.mjs', '*.mjs', '.ci/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly' } },
  },
);
