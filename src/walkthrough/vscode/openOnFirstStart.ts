import * as vscode from 'vscode';
import { openWalkthroughOnFirstStart as allowed } from '../../common/vscode/settings';
import { WALKTHROUGH_ID } from '../core/steps';
const SHOWN_KEY = 'deepscope.walkthroughShown';

/**
 * Opens the walkthrough the first time DeepScope starts on this machine. VS Code opens it itself after an
 * install from the Extensions view; this covers the other installs (a VSIX, the command line). VS Code's
 * `workbench.welcomePage.walkthroughs.openOnInstall: false` or `deepscope.walkthrough.openOnFirstStart: false`
 * keeps it closed (the first may not reach an extension host on a remote machine: the second always does).
 */
export async function openWalkthroughOnFirstStart(context: vscode.ExtensionContext): Promise<void> {
  if (context.globalState.get<boolean>(SHOWN_KEY)) return;
  await context.globalState.update(SHOWN_KEY, true);
  if (!allowed()) return;
  await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#${WALKTHROUGH_ID}`, false);
}
