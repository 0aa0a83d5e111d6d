// Lint for the whole repository: typescript-eslint's strict and stylistic type-checked sets, React's
// hook rules for the renderer. Run by `npm run lint`, which `npm test` runs.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'release/', 'node_modules/', 'test-results/', 'playwright-report/', 'bench/results/', 'resources/', '**/*.d.ts', '**/*.d.mts'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // With noUncheckedIndexedAccess every indexed read is `T | undefined`; in numeric kernels and
      // shape code the index is in range by construction, and `a[i]!` is the honest way to say so.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // `onClick={() => setOpen(false)}` returns nothing useful and reads clearly; the rule is kept for
      // every other place a void value is used.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // Template strings show numbers in messages all over the UI and logs; that is intended.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // `while (true)` with a break inside is the clearest form of a read loop.
      '@typescript-eslint/no-unnecessary-condition': ['error', { allowConstantLoopConditions: 'only-allowed-literals' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // tfjs hands a kernel its backend as `KernelBackend` and types verbosity as a numeric enum; the
    // casts to the concrete backend and the plain `verbose: 0` are how its public API is used.
    files: ['main/engine/**/*.ts', 'app/layers/tfjs/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'renderer/src/run/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-class-instance-assignment': 'off', '@typescript-eslint/no-unsafe-enum-assignment': 'off' },
  },
  {
    // Tests read JSON printed by child processes and use vitest's asymmetric matchers (typed `any`),
    // and their fakes implement async interfaces with empty or synchronous bodies.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-empty-function': 'off',
      '@typescript-eslint/require-await': 'off',
    },
  },
  { files: ['**/*.{js,mjs,cjs}'], ...tseslint.configs.disableTypeChecked },
);
