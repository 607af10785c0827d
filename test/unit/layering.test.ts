/**
 * The boundary every feature keeps: only `vscode/` folders (and the extension's entry) import `vscode`,
 * so the cores run in the CLI, the training and lab processes and these tests. ESLint enforces the same
 * rule while editing; this test also covers files ESLint is not asked about.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

const SRC = path.resolve(__dirname, '../../src');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : full.endsWith('.ts') ? [full] : [];
  });
}

test('no file outside a vscode/ folder imports vscode', () => {
  const cores = sourceFiles(SRC).filter((file) => !file.split(path.sep).includes('vscode') && file !== path.join(SRC, 'extension.ts'));
  assert.ok(cores.length > 100, `only ${cores.length} core files found`);
  for (const file of cores) {
    assert.doesNotMatch(readFileSync(file, 'utf8'), /from ['"]vscode['"]|require\(['"]vscode['"]\)/, path.relative(SRC, file));
  }
});
