/**
 * The runtime diagnosis in a real extension host: "Train Model" on bug-zoo models (copies in a temp
 * folder) puts the finding on the line of the layer or setting at fault, with its note link, and its
 * quick fix edits the model; the next run of the file replaces the findings; the display language applies.
 */
import * as assert from 'node:assert/strict';
import { cpSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DeepScopeApi } from '../../src/extension';
import { RULE_IDS } from '../../src/diagnosis/core/findings';
import { activateDeepScope } from './activate';
import { waitFor } from './waitFor';
import { scratchDir } from '../support/scratch';

// Bundled into out/test/host/index.js: the repository root is three levels up.
const ZOO = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'zoo');
const scratch = scratchDir('host-zoo');
cpSync(ZOO, scratch, { recursive: true });
const zoo = (name: string): vscode.Uri => vscode.Uri.file(path.join(scratch, `${name}.ts`));
/** 0-based line of the first line of the file containing `text`. */
const lineOf = (uri: vscode.Uri, text: string): number => readFileSync(uri.fsPath, 'utf8').split('\n').findIndex((line) => line.includes(text));

function codeOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  return typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
}

/** DeepScope's runtime findings on a file (lint diagnostics share the source, not the rule ids). */
function findings(uri: vscode.Uri, rule?: string): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'DeepScope' && (RULE_IDS as readonly unknown[]).includes(codeOf(d)) && (rule === undefined || codeOf(d) === rule));
}

/** Applies the quick fix titled `title` offered at the start of the diagnostic's line. */
async function applyFix(uri: vscode.Uri, diagnostic: vscode.Diagnostic, title: string): Promise<void> {
  // An empty range at the code's first character: the lint's own fixes (on a word further right) stay out.
  const at = new vscode.Range(diagnostic.range.start, diagnostic.range.start);
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, at);
  const fix = actions.find((action): action is vscode.CodeAction => action.title === title && 'edit' in action);
  assert.ok(fix?.edit, `no "${title}" among: ${actions.map((action) => action.title).join(', ')}`);
  assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind));
  assert.ok(await vscode.workspace.applyEdit(fix.edit));
}

describe('diagnosis', () => {
  before(async () => {
    await activateDeepScope();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('all-zero init: symmetric-neurons on the first layer\'s line, linked to its note; He normal fixes the line', async () => {
    const uri = zoo('zero-init');
    await vscode.commands.executeCommand('deepscope.trainModel', uri);
    const line = lineOf(uri, 'inputShape: [2]');
    const diagnostic = await waitFor('the symmetric-neurons finding', () => findings(uri, 'symmetric-neurons').find((d) => d.range.start.line === line));
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(diagnostic.message, /have identical weights .* Fix: Initialise the weights randomly/);
    const target = typeof diagnostic.code === 'object' ? diagnostic.code.target : undefined;
    assert.equal(target?.toString(true), `command:deepscope.openNote?${JSON.stringify(['init-homogeneous'])}`);

    const document = await vscode.workspace.openTextDocument(uri);
    await applyFix(uri, diagnostic, 'Use He normal initialisation');
    assert.match(document.lineAt(line).text, /activation: 'relu', kernelInitializer: 'heNormal' \}\)\);$/);
    assert.match(document.lineAt(line + 1).text, /kernelInitializer: 'zeros'/, 'only the line at fault changes');
  });

  it('the next run of the file clears its findings when it starts, then reports what is still wrong', async () => {
    const uri = zoo('zero-init');
    const api = (await activateDeepScope()).exports as DeepScopeApi;
    let atStart: number | undefined;
    const subscription = api.onDidStartTraining(() => {
      atStart = findings(uri).length;
    });
    try {
      // The editor holds the fixed, unsaved text: that is what trains.
      await vscode.commands.executeCommand('deepscope.trainModel', uri);
    } finally {
      subscription.dispose();
    }
    assert.equal(atStart, 0);
    const lines = await waitFor('the findings of the second run', () => {
      const found = findings(uri, 'symmetric-neurons');
      return found.length > 0 ? found.map((d) => d.range.start.line) : undefined;
    });
    assert.ok(!lines.includes(lineOf(uri, 'inputShape: [2]')), 'the fixed layer is no longer symmetric');
    assert.ok(lines.includes(lineOf(uri, 'inputShape: [2]') + 1), 'the next one still is');
  });

  it('learning rate 10: a NaN loss is an error on the optimizer line; the quick fix divides the rate by 10', async () => {
    const uri = zoo('learning-rate-10');
    await vscode.commands.executeCommand('deepscope.trainModel', uri);
    const line = lineOf(uri, 'optimizer:');
    const diagnostic = await waitFor('the nan-loss finding', () => findings(uri, 'nan-loss')[0]);
    assert.equal(diagnostic.range.start.line, line);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    const document = await vscode.workspace.openTextDocument(uri);
    await applyFix(uri, diagnostic, 'Divide the learning rate by 10');
    assert.match(document.lineAt(line).text, /optimizer: \(\) => tf\.train\.sgd\(1\),$/);
  });

  it('findings speak the display language (deepscope.language)', async () => {
    const config = vscode.workspace.getConfiguration('deepscope');
    await config.update('language', 'fr', vscode.ConfigurationTarget.Global);
    try {
      const uri = zoo('learning-rate-10');
      const diagnostic = await waitFor('French findings', () => findings(uri, 'nan-loss').find((d) => /La loss est devenue NaN/.test(d.message)));
      assert.match(diagnostic.message, /Correction : Diviser le learning rate par 10/);
      const at = new vscode.Range(diagnostic.range.start, diagnostic.range.start);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, at);
      assert.ok(actions.some((action) => action.title === 'Diviser le learning rate par 10'), actions.map((action) => action.title).join(', '));
    } finally {
      await config.update('language', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
