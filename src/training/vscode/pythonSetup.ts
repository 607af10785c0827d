/**
 * "DeepScope: Use DeepScope in Your Own Python…": *Run with DeepScope* needs nothing installed, but a
 * script run from the user's terminal or a notebook kernel imports `deepscope` itself. Two ways, the
 * user picks: pip-install DeepScope's bundled package into the chosen interpreter (offline, in a
 * terminal where pip's own messages show), or copy the lines that import it from where it is.
 */
import * as vscode from 'vscode';
import { bundledPythonPath } from '../core/pythonInterpreter';
import { pythonInterpreterFor } from './pythonExtension';

type Way = 'install' | 'copy';

export async function setUpPython(): Promise<Way | undefined> {
  const resource = vscode.window.activeTextEditor?.document.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(process.cwd());
  const { python } = await pythonInterpreterFor(resource);
  const folder = bundledPythonPath();
  const picked = await vscode.window.showQuickPick(
    [
      {
        way: 'install' as const,
        label: vscode.l10n.t('Install into {0}', python),
        detail: vscode.l10n.t("pip install of DeepScope's own copy ({0}), offline. Then `import deepscope` works in that Python's scripts and kernels.", folder),
      },
      {
        way: 'copy' as const,
        label: vscode.l10n.t('Copy the lines to add to a script or notebook'),
        detail: vscode.l10n.t('Imports DeepScope from the extension, with nothing installed: add them above the training loop.'),
      },
    ],
    { title: vscode.l10n.t('DeepScope: Use DeepScope in Your Own Python'), placeHolder: vscode.l10n.t('deepscope.watch(model) writes the run log; the dashboard follows it') },
  );
  if (!picked) return undefined;
  if (picked.way === 'install') {
    const terminal = vscode.window.createTerminal({ name: 'DeepScope: pip install' });
    terminal.show();
    terminal.sendText(`${shellQuote(python)} -m pip install --no-index --no-build-isolation ${shellQuote(folder)}`);
  } else {
    await vscode.env.clipboard.writeText(importLines(folder));
    void vscode.window.showInformationMessage(vscode.l10n.t('DeepScope: the lines are in the clipboard. Paste them above your training loop; the dashboard opens when the run starts.'));
  }
  return picked.way;
}

/** The lines that import the bundled package and watch a model named `model`. */
export function importLines(folder: string): string {
  return [`import sys; sys.path.insert(0, ${JSON.stringify(folder)})`, 'import deepscope', 'deepscope.watch(model)  # your model: its run log goes to .deepscope/runs/', ''].join('\n');
}

function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
