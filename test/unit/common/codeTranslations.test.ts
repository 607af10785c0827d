/**
 * The extension's messages in English and French: every vscode.l10n.t('…') in src/ has its French in
 * l10n/bundle.l10n.fr.json (English is the source text), with the same {0} placeholders, and the bundle
 * holds no string the code no longer says.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';
import { REPO_ROOT } from '../../support/paths';

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((entry) => {
    const full = path.join(folder, entry);
    return statSync(full).isDirectory() ? sourceFiles(full) : entry.endsWith('.ts') ? [full] : [];
  });
}

interface Call {
  readonly where: string;
  /** The message's source text, or undefined when it is not a plain string literal. */
  readonly text: string | undefined;
}

/** Every l10n.t(…) call of src/, found by the TypeScript parser (not a regex: strings hold quotes and commas). */
function l10nCalls(): Call[] {
  const calls: Call[] = [];
  for (const file of sourceFiles(path.join(REPO_ROOT, 'src'))) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 't' && /(^|\.)l10n$/.test(node.expression.expression.getText(source))) {
        const first = node.arguments[0];
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        const text = first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)) ? first.text : undefined;
        calls.push({ where: `${path.relative(REPO_ROOT, file)}:${line + 1}`, text });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return calls;
}

const placeholders = (text: string): string[] => [...text.matchAll(/\{\d+\}/g)].map((match) => match[0]).sort();
const french = JSON.parse(readFileSync(path.join(REPO_ROOT, 'l10n', 'bundle.l10n.fr.json'), 'utf8')) as Record<string, string>;
const calls = l10nCalls();

test('every message is a literal the bundle can hold, and has its French with the same placeholders', () => {
  assert.ok(calls.length > 30, 'the extension speaks through vscode.l10n');
  assert.deepEqual(calls.filter((call) => call.text === undefined).map((call) => call.where), [], 'l10n.t takes a string literal (put values in {0})');
  const missing = calls.filter((call) => call.text !== undefined && !(call.text in french)).map((call) => `${call.where}: ${call.text}`);
  assert.deepEqual(missing, [], 'add these to l10n/bundle.l10n.fr.json');
  for (const call of calls) {
    if (call.text !== undefined && call.text in french) assert.deepEqual(placeholders(french[call.text]), placeholders(call.text), call.where);
  }
});

test('the French bundle holds only what the code says', () => {
  const said = new Set(calls.map((call) => call.text));
  assert.deepEqual(Object.keys(french).filter((text) => !said.has(text)), []);
  assert.deepEqual(Object.entries(french).filter(([, text]) => text.trim() === '').map(([key]) => key), []);
});

test('the manifest points VS Code at the bundles', () => {
  const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { l10n?: string };
  assert.equal(manifest.l10n, './l10n');
});
