import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { installCommand, typePackagesFor, unresolvedPackages } from '../core/editorTypes';


/**
 * Says that the model was written. Where the workspace lacks the packages its imports name, the editor already
 * reads their types from DeepScope (its TypeScript server plugin), so there is no squiggle to explain; the same
 * notification still offers to install them, for a user who wants them in the project (to run the model with
 * plain Node, or to pin a version). The install runs in a terminal the user sees, only on that click.
 */
export async function announceWrittenModel(modelFile: vscode.Uri, source: string, summary: string): Promise<void> {
  const directory = path.dirname(modelFile.fsPath);
  const missing = unresolvedPackages(typePackagesFor(source), directory, existsSync);
  if (missing.length === 0) {
    await vscode.window.showInformationMessage(summary);
    return;
  }
  const install = vscode.l10n.t('Install with npm');
  const packages = missing.join(vscode.l10n.t(' or '));
  const advice =
    missing.length > 1
      ? vscode.l10n.t('This workspace has no {0}: the editor takes them from DeepScope, and training needs none. To have them in the project itself, install them as development dependencies.', packages)
      : vscode.l10n.t('This workspace has no {0}: the editor takes it from DeepScope, and training needs none. To have it in the project itself, install it as a development dependency.', packages);
  const choice = await vscode.window.showInformationMessage(`${summary} ${advice}`, install);
  if (choice !== install) return;
  const root = vscode.workspace.getWorkspaceFolder(modelFile)?.uri.fsPath ?? directory;
  const terminal = vscode.window.createTerminal({ name: 'DeepScope: npm install', cwd: root });
  terminal.show();
  terminal.sendText(installCommand(missing));
}
