// Flat ESLint config: typescript-eslint's recommended rules plus the layer boundaries of DESIGN.md.
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

/** VS Code-free layers: usable from the CLI and unit tests, so they must never import `vscode`. */
const vscodeFree = ['src/engine/**', 'src/scaffold/**', 'src/cli/**', 'src/knowledge/**', 'src/shared/**', 'src/lint/rules/**', 'src/lint/scan/**', 'src/lint/types.ts', 'src/syntax/**'];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', '.vscode-test/**', '.test-results/**', 'examples/**', 'test/fixtures/**', '**/__snapshots__/**'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', require: 'readonly', __dirname: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', fetch: 'readonly', URL: 'readonly', URLSearchParams: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: vscodeFree,
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'This layer is VS Code-free (DESIGN.md): move the VS Code part to src/commands or src/editor.' }] }],
    },
  },
  {
    files: ['webviews/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'Webviews run in the browser: no vscode API.' }],
          patterns: [{ regex: '(^|/)src/(?!shared/|knowledge/topicIds)', message: 'Webviews share only src/shared (typed messages and plain data) with the host.' }],
        },
      ],
    },
  },
  {
    // Test drivers and the host-test entry load modules at run time on purpose.
    files: ['test/**', 'scripts/**'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
