import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { installCommand, typePackagesFor, unresolvedPackages } from '../core/editorTypes';

const INSTALL = 'Install with npm';

/**
 * After a model is written where the editor cannot resolve its imports, says why the import is underlined and
 * offers to install the type packages in a terminal the user sees. Nothing is installed without that click.
 */
export async function offerEditorTypes(modelFile: vscode.Uri, source: string): Promise<void> {
  const directory = path.dirname(modelFile.fsPath);
  const missing = unresolvedPackages(typePackagesFor(source), directory, existsSync);
  if (missing.length === 0) return;
  const [them, dependencies] = missing.length > 1 ? ['them', 'development dependencies'] : ['it', 'a development dependency'];
  const choice = await vscode.window.showInformationMessage(
    `The editor cannot find ${missing.join(' and ')} for ${path.basename(modelFile.fsPath)}: it underlines the import and offers no completion. ` +
      `Training does not need ${them} (DeepScope uses its own TensorFlow.js); to fix the editor, install ${them} as ${dependencies}.`,
    INSTALL,
  );
  if (choice !== INSTALL) return;
  const root = vscode.workspace.getWorkspaceFolder(modelFile)?.uri.fsPath ?? directory;
  const terminal = vscode.window.createTerminal({ name: 'DeepScope: editor types', cwd: root });
  terminal.show();
  terminal.sendText(installCommand(missing));
}
