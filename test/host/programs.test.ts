/**
 * Run with DeepScope in a real extension host: a plain tfjs program (copied to a temp folder) runs
 * unchanged, its run is logged, and a finding about a layer built in a helper module lands in the
 * Problems panel on that module's line, not on the program's.
 */
import * as assert from 'node:assert/strict';
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ProgramOutcome } from '../../src/training/core/programInProcess';
import { activateDeepScope } from './activate';
import { waitFor } from './waitFor';
import { scratchDir } from '../support/scratch';

const PROGRAM = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'programs', 'zero-init-helper');
const scratch = scratchDir('host-program');
cpSync(PROGRAM, scratch, { recursive: true });
const runsFolder = path.join(scratch, 'runs');
const lineOf = (file: string, text: string): number => readFileSync(file, 'utf8').split('\n').findIndex((line) => line.includes(text));

describe('run with DeepScope', () => {
  before(async () => {
    await activateDeepScope();
    await vscode.workspace.getConfiguration('deepscope').update('runs.directory', runsFolder, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await vscode.workspace.getConfiguration('deepscope').update('runs.directory', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('runs a program unchanged, logs it, and puts a helper module\'s layer finding on that module\'s line', async () => {
    const program = path.join(scratch, 'train.js');
    const helper = vscode.Uri.file(path.join(scratch, 'layers.js'));
    const outcome = await vscode.commands.executeCommand<ProgramOutcome>('deepscope.runProgram', vscode.Uri.file(program));
    assert.equal(outcome?.exitCode, 0);
    assert.equal(outcome?.history.length, 6);
    const logs = readdirSync(runsFolder).filter((name) => name.endsWith('.jsonl'));
    assert.equal(logs.length, 1);
    const line = lineOf(helper.fsPath, 'tf.layers.dense(');
    const finding = await waitFor('symmetric-neurons on layers.js', () =>
      vscode.languages.getDiagnostics(helper).find((d) => d.source === 'DeepScope' && d.range.start.line === line && /identical weights/.test(d.message)),
    );
    assert.equal(finding.severity, vscode.DiagnosticSeverity.Warning);
    const onProgram = vscode.languages.getDiagnostics(vscode.Uri.file(program)).filter((d) => /identical weights/.test(d.message));
    assert.deepEqual(onProgram, [], 'not on the program that trains');

    // The quick fix works in the helper module too: He normal instead of zeros, on that line only.
    await vscode.window.showTextDocument(helper);
    const at = new vscode.Range(finding.range.start, finding.range.start);
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', helper, at);
    const fix = actions.find((action): action is vscode.CodeAction => action.title === 'Use He normal initialisation' && 'edit' in action);
    assert.ok(fix?.edit, `no He normal fix among: ${actions.map((action) => action.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const fixed = (await vscode.workspace.openTextDocument(helper)).lineAt(line).text;
    assert.match(fixed, /kernelInitializer: 'heNormal'/);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
