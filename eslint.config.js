// The JavaScript linter of `npm test` (scripts/test.sh): undefined names and unused ones, in every
// hand-written script of the repository. Formatting is not its job.
import globals from 'globals';

export default [
  {
    ignores: [
      'pkg/**',
      'pkg.old/**',
      'target/**',
      'fuzz/**',
      'dist/**',
      '**/node_modules/**',
      'tests/artifacts/**',
      'tests/consumers/*/dist/**',
      'tests/consumers/*/shared/**',
      'tests/consumers/*/public/sim/**',
      'tests/consumers/next/.next/**',
      'tests/consumers/parcel/.parcel-cache/**',
    ],
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.jsx'],
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: 'module',
      // Tests run code both in Node and, through page.evaluate, in the page: both sets of names.
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      'no-undef': 'error',
      'no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true, caughtErrors: 'none' },
      ],
    },
    // Directives for rules this config leaves off are not findings.
    linterOptions: { reportUnusedDisableDirectives: 'off' },
  },
  {
    // Code run in the page by page.evaluate: what the test pages define (tests/support/pkg.mjs),
    // and the recorders tests/v2.test.mjs's fakePortOne puts on the page.
    files: ['tests/**/*.mjs', 'bench/**/*.mjs'],
    languageOptions: {
      globals: {
        npc: 'readonly',
        IMP: 'readonly',
        PortOne: 'readonly',
        sp: 'readonly',
        requests: 'readonly',
        resolvers: 'readonly',
      },
    },
  },
  {
    // A piece scripts/package.mjs splices into the glue: the glue's names, declared in the file.
    files: ['scripts/entries/web-guard.js'],
    languageOptions: {
      sourceType: 'script',
      globals: { wasm: 'writable', wasmInstance: 'writable', wasmModule: 'writable' },
    },
  },
  {
    files: ['tests/consumers/next/**/*.js'],
    languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },
];
