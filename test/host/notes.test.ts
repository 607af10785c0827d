import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { createCommands, type Services } from '../../src/common/vscode/commandTable';
import { activateDeepScope, EXTENSION_ID } from './activate';

const OPEN_NOTE = 'deepscope.openNote';

/** The tabs of DeepScope's notes viewer (VS Code prefixes an extension's webview viewType). */
function notesTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('deepscope.notes'));
}

/** Tab changes reach the extension host asynchronously: poll until `check` holds. */
async function eventually(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const notesTitles = () => notesTabs().map((tab) => tab.label);

describe('notes viewer', () => {
  const language = () => vscode.workspace.getConfiguration('deepscope');

  before(async () => {
    await activateDeepScope();
    await language().update('language', 'en', vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await vscode.window.tabGroups.close(notesTabs());
    await language().update('language', undefined, vscode.ConfigurationTarget.Global);
  });

  it('works in Restricted Mode: no trust check in the command table, no enablement clause in package.json', () => {
    // The table is only read here, never run: its services are not needed.
    assert.equal(createCommands({} as Services)[OPEN_NOTE].requiresTrust, false);
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { commands: { command: string; enablement?: string }[] } };
    const contribution = manifest.contributes.commands.find((command) => command.command === OPEN_NOTE);
    assert.ok(contribution, `${OPEN_NOTE} is not contributed`);
    assert.equal(contribution.enablement, undefined);
  });

  it('opens a webview panel titled with the topic for a topic id (as hovers and diagnostics do)', async () => {
    await vscode.commands.executeCommand(OPEN_NOTE, 'init-he');
    await eventually(() => notesTitles().includes('He initialisation'), 'a notes panel titled "He initialisation"');
  });

  it('reuses its one panel for the next topic', async () => {
    await vscode.commands.executeCommand(OPEN_NOTE, 'optim-nesterov');
    await eventually(() => notesTitles().join() === 'Nesterov momentum', `one panel titled "Nesterov momentum" (tabs: ${notesTitles().join(', ')})`);
  });

  it('follows the deepscope.language setting', async () => {
    await language().update('language', 'fr', vscode.ConfigurationTarget.Global);
    await eventually(() => notesTitles().join() === 'Momentum de Nesterov', 'the French title');
    await language().update('language', 'en', vscode.ConfigurationTarget.Global);
    await eventually(() => notesTitles().join() === 'Nesterov momentum', 'the English title again');
  });

  it('does not throw on an unknown id, and opens nothing for it', async () => {
    await vscode.commands.executeCommand(OPEN_NOTE, 'no-such-topic');
    assert.deepEqual(notesTitles(), ['Nesterov momentum']);
  });

  it('opens the quick pick for an argument that is no id, and closing it opens nothing', async () => {
    let settled = false;
    const pending = Promise.resolve(vscode.commands.executeCommand(OPEN_NOTE, 42)).finally(() => {
      settled = true;
    });
    // The command resolves once its quick pick is closed (what Escape does).
    for (const deadline = Date.now() + 10_000; !settled && Date.now() < deadline; ) {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await pending;
    assert.deepEqual(notesTitles(), ['Nesterov momentum']);
  });
});
