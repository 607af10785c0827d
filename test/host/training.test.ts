import * as assert from 'node:assert/strict';
import { cpSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ProcessRunSummary } from '../../src/training/core/trainInProcess';
import type { DeepScopeApi } from '../../src/extension';
import { activateDeepScope } from './activate';
import { waitFor } from './waitFor';
import { scratchDir } from '../support/scratch';

// Bundled into out/test/host/index.js: the repository root is three levels up. The tests edit
// and train copies, so the repository's fixtures are never touched.
const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'models');
const scratch = scratchDir('host-models');
cpSync(FIXTURES, scratch, { recursive: true });
const fixture = (name: string): vscode.Uri => vscode.Uri.file(path.join(scratch, `${name}.ts`));

describe('training', () => {
  before(async () => {
    await activateDeepScope();
  });

  it('"Train Model" trains the model module in a separate process and returns its history', async () => {
    const summary = await vscode.commands.executeCommand<ProcessRunSummary>('deepscope.trainModel', fixture('tiny-classifier'));
    assert.ok(summary, 'the command returned no run');
    assert.equal(summary.history.length, 4);
    assert.equal(summary.cancelled, false);
    assert.ok(['tensorflow', 'wasm', 'cpu'].includes(summary.start.backend));
    assert.equal(summary.leakedTensors, 0);
    assert.notEqual(process.pid, undefined);
  });

  it('trains the unsaved text of the editor without saving the file', async () => {
    // A copy of its own: the edit stays unsaved in memory and must not leak into other tests.
    const copy = path.join(scratch, 'unsaved-edit.ts');
    cpSync(fixture('tiny-classifier').fsPath, copy);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(copy));
    const editor = await vscode.window.showTextDocument(document);
    const epochs = document.getText().indexOf('epochs: 4');
    await editor.edit((edit) => edit.replace(new vscode.Range(document.positionAt(epochs), document.positionAt(epochs + 9)), 'epochs: 1'));
    try {
      const summary = await vscode.commands.executeCommand<ProcessRunSummary>('deepscope.trainModel');
      assert.equal(summary?.history.length, 1);
      assert.equal(document.isDirty, true, 'the file was not saved');
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('shows a syntax error of the model module as a diagnostic on its line', async () => {
    const uri = fixture('syntax-error');
    const summary = await vscode.commands.executeCommand('deepscope.trainModel', uri);
    assert.equal(summary, undefined);
    const diagnostic = await waitFor('the syntax diagnostic', () =>
      vscode.languages.getDiagnostics(uri).find((d) => d.source === 'DeepScope'),
    );
    assert.equal(diagnostic.range.start.line, 3, 'line 4 of the file');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
  });

  it('shows data that does not fit the model on the loadData line', async () => {
    const uri = fixture('wrong-shape');
    await vscode.commands.executeCommand('deepscope.trainModel', uri);
    const diagnostic = await waitFor('the shape diagnostic', () =>
      vscode.languages.getDiagnostics(uri).find((d) => d.source === 'DeepScope'),
    );
    assert.equal(diagnostic.range.start.line, 6);
    assert.match(diagnostic.message, /expects \[batch, 2\]/);
  });

  it('survives a crashing training process and trains again afterwards', async () => {
    const crashed = await vscode.commands.executeCommand('deepscope.trainModel', fixture('crash'));
    assert.equal(crashed, undefined);
    const summary = await vscode.commands.executeCommand<ProcessRunSummary>('deepscope.trainModel', fixture('tiny-classifier'));
    assert.equal(summary?.history.length, 4);
  });

  it('"Stop Training" cancels the run after its current batch', async () => {
    const api = (await activateDeepScope()).exports as DeepScopeApi;
    const started = new Promise<void>((resolve) => {
      const subscription = api.onDidStartTraining(() => {
        subscription.dispose();
        resolve();
      });
    });
    const running = vscode.commands.executeCommand<ProcessRunSummary>('deepscope.trainModel', fixture('long-training'));
    await started;
    // The command is answered while the model trains: training is off the extension host thread.
    const stopped = await vscode.commands.executeCommand<boolean>('deepscope.stopTraining');
    assert.equal(stopped, true);
    const summary = await running;
    assert.equal(summary?.cancelled, true);
    assert.ok((summary?.history.length ?? 1000) < 1000);
  });
});
