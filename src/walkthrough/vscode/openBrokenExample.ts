import * as path from 'node:path';
import * as vscode from 'vscode';
import { chooseModelFile, writeScaffoldFiles } from '../../scaffold/vscode/writeScaffold';
import { brokenExamples, brokenExamplePath, type BrokenExample } from '../core/brokenExamples';

/**
 * "DeepScope: Open a Broken Example…": picks one of the broken examples DeepScope ships, copies it into the
 * workspace where the user says (an identical file already there is simply opened) and opens it, ready for
 * Train Model and the finding's quick fix.
 */
export async function openBrokenExample(extensionUri: vscode.Uri): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showQuickPick(
    brokenExamples().map((example) => ({
      label: example.file,
      description: vscode.l10n.t('finds {0}', example.finding),
      detail: vscode.l10n.t('Quick fix: {0}', example.fix),
      example,
    })),
    { title: vscode.l10n.t('DeepScope: Open a Broken Example'), placeHolder: vscode.l10n.t('Each has one classic training bug that DeepScope diagnoses') },
  );
  if (!picked) return undefined;
  const target = await chooseModelFile(brokenExamplePath(picked.example), vscode.l10n.t('DeepScope: Open a Broken Example: file'));
  if (!target) return undefined;
  const contents = new TextDecoder().decode(await vscode.workspace.fs.readFile(shippedFile(extensionUri, picked.example)));
  if (!(await writeScaffoldFiles(target, [{ relativePath: path.basename(target.fsPath), contents }]))) return undefined;
  await vscode.window.showTextDocument(target);
  return target;
}

function shippedFile(extensionUri: vscode.Uri, example: BrokenExample): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'examples', 'broken', example.file);
}
