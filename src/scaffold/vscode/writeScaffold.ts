import * as path from 'node:path';
import * as vscode from 'vscode';

/**
 * Asks where the model goes: a path inside the first workspace folder (an input box holding
 * `suggestedPath`, fast to accept), or a save dialog when no folder is open.
 */
export async function chooseModelFile(suggestedPath: string, title = vscode.l10n.t('DeepScope: New Model: file')): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    return vscode.window.showSaveDialog({
      title: vscode.l10n.t('{0}: save the model module', title),
      filters: { TypeScript: ['ts'] },
      defaultUri: vscode.Uri.file(path.join(process.cwd(), path.basename(suggestedPath))),
    });
  }
  const relative = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('Model file, relative to {0}', folder.name),
    value: suggestedPath,
    ignoreFocusOut: true,
    validateInput: (text) => validateRelativePath(text),
  });
  return relative === undefined ? undefined : vscode.Uri.joinPath(folder.uri, relative.trim());
}

function validateRelativePath(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed.endsWith('.ts')) {
    return vscode.l10n.t('The model module is a TypeScript file: end the name with .ts');
  }
  if (path.isAbsolute(trimmed) || trimmed.split(/[\\/]/).includes('..')) {
    return vscode.l10n.t('Give a path inside the workspace folder.');
  }
  return undefined;
}

/**
 * Writes the planned files next to the model file. Never replaces a user's file without a
 * modal confirmation; a data file already holding the same bytes is left as it is.
 * Returns false when the user declined, in which case nothing was written.
 */
export async function writeScaffoldFiles(
  modelFile: vscode.Uri,
  files: readonly { relativePath: string; contents: string }[],
): Promise<boolean> {
  const folder = vscode.Uri.joinPath(modelFile, '..');
  const targets = files.map((file) => ({ uri: vscode.Uri.joinPath(folder, file.relativePath), bytes: Buffer.from(file.contents, 'utf8') }));
  const toReplace: vscode.Uri[] = [];
  const unchanged = new Set<string>();
  for (const target of targets) {
    const existing = await readIfExists(target.uri);
    if (existing === undefined) {
      continue;
    }
    if (Buffer.compare(existing, target.bytes) === 0) {
      unchanged.add(target.uri.toString());
    } else {
      toReplace.push(target.uri);
    }
  }
  if (toReplace.length > 0) {
    const names = toReplace.map((uri) => vscode.workspace.asRelativePath(uri)).join(', ');
    const replace = vscode.l10n.t('Replace');
    const answer = await vscode.window.showWarningMessage(vscode.l10n.t('{0} already exists. Replace it?', names), { modal: true }, replace);
    if (answer !== replace) {
      return false;
    }
  }
  for (const target of targets) {
    if (!unchanged.has(target.uri.toString())) {
      await vscode.workspace.fs.writeFile(target.uri, target.bytes);
    }
  }
  return true;
}

async function readIfExists(uri: vscode.Uri): Promise<Uint8Array | undefined> {
  try {
    return await vscode.workspace.fs.readFile(uri);
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') {
      return undefined;
    }
    throw error;
  }
}
