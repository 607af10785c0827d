// Flat ESLint config: typescript-eslint's recommended rules plus the one layer boundary of ARCHITECTURE.md.
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';


export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', '.vscode-test/**', '.test-results/**', 'examples/**', 'test/fixtures/**', 'bench/programs/**', '**/__snapshots__/**'] },
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
    // Only a feature's vscode/ folder (and the extension entry) may use the VS Code API: everything
    // else runs in the CLI, the training and lab processes and unit tests too.
    files: ['src/**/*.ts'],
    ignores: ['src/**/vscode/**', 'src/extension.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: "Outside a feature's vscode/ folder, code is VS Code-free (ARCHITECTURE.md): move the VS Code part into <feature>/vscode/." }] }],
    },
  },
  {
    files: ['webviews/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'Webviews run in the browser: no vscode API.' }],
          patterns: [{ regex: '(^|/)src/(?![a-z]+/core/)', message: "Webviews share only features' core/ modules (typed messages and plain data) with the host." }],
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
