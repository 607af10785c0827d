/** The lint core (rules, scanner, its lexer in src/syntax, types) stays VS Code-free, so the CLI and these tests can use it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const LINT = path.resolve(__dirname, '../../../src/lint');

test('src/lint/rules, src/lint/scan, src/syntax and src/lint/types.ts never import vscode', () => {
  const files = [
    path.join(LINT, 'types.ts'),
    ...['rules', 'scan', '../syntax'].flatMap((folder) => readdirSync(path.join(LINT, folder)).map((name) => path.join(LINT, folder, name))),
  ];
  for (const file of files) {
    assert.doesNotMatch(readFileSync(file, 'utf8'), /from ['"]vscode['"]|require\(['"]vscode['"]\)/, path.relative(LINT, file));
  }
});
