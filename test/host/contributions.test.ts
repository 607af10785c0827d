import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMAND_IDS } from '../../src/common/vscode/commandTable';
import { activateDeepScope } from './activate';

interface Manifest {
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    snippets: { language: string; path: string }[];
  };
  capabilities: { untrustedWorkspaces: { supported: boolean | string } };
}

describe('contributions', () => {
  let extension: vscode.Extension<unknown>;
  let manifest: Manifest;

  before(async () => {
    extension = await activateDeepScope();
    manifest = extension.packageJSON as Manifest;
  });

  it('registers every contributed command, and contributes every registered command', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed = manifest.contributes.commands.map((command) => command.command);
    for (const id of contributed) {
      assert.ok(registered.has(id), `${id} is contributed in package.json but not registered`);
    }
    assert.deepEqual([...contributed].sort(), [...COMMAND_IDS].sort());
  });

  it('titles every command under the DeepScope category', () => {
    for (const command of manifest.contributes.commands) {
      assert.equal(command.category, 'DeepScope', `${command.command} has no DeepScope category`);
      assert.ok(command.title.length > 0);
    }
  });

  it('declares limited support for untrusted workspaces', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
  });

  it('contributes snippet files that exist and parse, for TypeScript, JavaScript and Python', () => {
    const languages = new Set(manifest.contributes.snippets.map((entry) => entry.language));
    assert.deepEqual([...languages].sort(), ['javascript', 'python', 'typescript']);
    for (const entry of manifest.contributes.snippets) {
      const file = path.join(extension.extensionPath, entry.path);
      const snippets = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { prefix: string | string[] }>;
      assert.ok(Object.keys(snippets).length >= 5, `${entry.path} holds too few snippets`);
    }
  });

  it('offers the DeepScope snippets in a TypeScript editor', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'typescript', content: 'ds-' });
    await vscode.window.showTextDocument(document);
    const position = new vscode.Position(0, 3);
    const completions = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      document.uri,
      position,
    );
    const snippetLabels = completions.items
      .filter((item) => item.kind === vscode.CompletionItemKind.Snippet)
      .map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    assert.ok(snippetLabels.some((label) => label.startsWith('ds-dense')), `no ds-dense snippet among ${snippetLabels.join(', ')}`);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('offers the Keras and PyTorch snippets in a Python editor', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'python', content: 'ds-' });
    await vscode.window.showTextDocument(document);
    const completions = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      document.uri,
      new vscode.Position(0, 3),
    );
    const labels = completions.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    assert.ok(labels.some((label) => label.startsWith('ds-keras')), 'no Keras snippet offered');
    assert.ok(labels.some((label) => label.startsWith('ds-torch')), 'no PyTorch snippet offered');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
