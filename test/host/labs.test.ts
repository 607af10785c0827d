import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { createCommands, type Services } from '../../src/common/vscode/commandTable';
import { findLab, runLab, type LabRun } from '../../src/labs/core/experiments';
import type { LabPanel } from '../../src/labs/vscode/labPanel';
import { typedArraysAsArrays } from '../../src/common/core/plainJson';
import { activateDeepScope, EXTENSION_ID } from './activate';

const OPEN_LAB = 'deepscope.openLab';

/** The tabs of DeepScope's lab panels (VS Code prefixes an extension's webview viewType). */
function labTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('deepscope.lab'));
}

async function eventually(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The numbers of a run (its duration aside), comparable across processes. */
function numbers(run: LabRun): unknown {
  const report = { ...run.report, elapsedMs: 0 };
  return JSON.parse(JSON.stringify({ report, tables: run.tables }, typedArraysAsArrays));
}

describe('labs', () => {
  const settings = () => vscode.workspace.getConfiguration('deepscope');

  before(async () => {
    await activateDeepScope();
    await settings().update('language', 'en', vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await vscode.window.tabGroups.close(labTabs());
    await settings().update('language', undefined, vscode.ConfigurationTarget.Global);
  });

  it('is trust-gated like training: in the command table and by its enablement clause', () => {
    assert.equal(createCommands({} as Services)[OPEN_LAB].requiresTrust, true);
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { commands: { command: string; enablement?: string }[] } };
    assert.equal(manifest.contributes.commands.find((command) => command.command === OPEN_LAB)?.enablement, 'isWorkspaceTrusted');
  });

  it("executeCommand('deepscope.openLab', 'optimizers') opens the lab's panel; opening it again reveals that panel", async () => {
    const panel = await vscode.commands.executeCommand<LabPanel | undefined>(OPEN_LAB, 'optimizers');
    assert.ok(panel, 'the command returned no panel');
    assert.equal(panel.lab, 'optimizers');
    await eventually(() => labTabs().some((tab) => tab.label === 'Lab: Optimisers: SGD, momentum, Nesterov'), 'a tab titled "Lab: Optimisers…"');
    const again = await vscode.commands.executeCommand<LabPanel | undefined>(OPEN_LAB, 'optimizers');
    assert.equal(again, panel);
    assert.equal(labTabs().length, 1);
  });

  it('a lab run through the lab process returns the numbers runLab computes in-process (plain JS and tfjs)', async () => {
    const cases = [
      { lab: 'optimizers', params: { kappa: 10, pathSteps: 20, saddleSteps: 50 } },
      { lab: 'weight-init', params: { layers: 2, units: 20, samples: 16, symmetrySteps: 2 } },
    ] as const;
    for (const { lab, params } of cases) {
      const panel = await vscode.commands.executeCommand<LabPanel | undefined>(OPEN_LAB, lab);
      assert.ok(panel);
      // This run replaces the one the panel started with its defaults.
      const separate = await panel.run(params);
      assert.ok(separate, `${lab} did not run`);
      const inProcess = await runLab(findLab(lab)!, params, 'auto');
      assert.deepEqual(numbers(separate), numbers(inProcess), lab);
    }
  });

  it('refuses parameters outside the schema without starting a process', async () => {
    const panel = await vscode.commands.executeCommand<LabPanel | undefined>(OPEN_LAB, 'optimizers');
    assert.ok(panel);
    assert.equal(await panel.run({ kappa: -1 }), undefined);
    assert.equal(await panel.run({ script: 'require("child_process")' }), undefined);
  });

  it('an unknown lab name opens nothing and does not throw', async () => {
    const before = labTabs().length;
    assert.equal(await vscode.commands.executeCommand(OPEN_LAB, 'no-such-lab'), undefined);
    assert.equal(labTabs().length, before);
  });
});
