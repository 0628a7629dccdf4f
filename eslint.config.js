// Lint rules: ESLint's and typescript-eslint's recommended sets. (Biome was the first choice, but its
// platform binaries are optional dependencies that `npm ci` cannot resolve from this project's registry.)
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'test/fixtures/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', performance: 'readonly', Buffer: 'readonly' } },
    rules: {
      // Parsers index arrays they have just bounds-checked; `!` there is clearer than a dead branch.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Binary-file detection and normalisation match control characters on purpose.
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Type-aware rules for async code, before the Slack and Discord SDK handlers arrive: a promise nobody awaits
    // loses its error, and an async function where a void callback is expected drops its rejection.
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
);
