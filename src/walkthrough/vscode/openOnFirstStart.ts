import * as vscode from 'vscode';
import { WALKTHROUGH_ID } from '../core/steps';
const SHOWN_KEY = 'deepscope.walkthroughShown';

/**
 * Opens the walkthrough the first time DeepScope starts on this machine. VS Code opens it itself after an
 * install from the Extensions view; this covers the other installs (a VSIX, the command line). Either way the
 * user's `workbench.welcomePage.walkthroughs.openOnInstall: false` keeps it closed.
 */
export async function openWalkthroughOnFirstStart(context: vscode.ExtensionContext): Promise<void> {
  if (context.globalState.get<boolean>(SHOWN_KEY)) return;
  await context.globalState.update(SHOWN_KEY, true);
  if (!vscode.workspace.getConfiguration('workbench.welcomePage.walkthroughs').get<boolean>('openOnInstall', true)) return;
  await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#${WALKTHROUGH_ID}`, false);
}
