import * as vscode from 'vscode';
import { STEP_CONTEXT_KEYS } from '../core/steps';

/** After `command` did its work (it returned something: undefined means cancelled), ticks its walkthrough step. */
export function completeWalkthroughStep(command: string, result: unknown): void {
  const key = STEP_CONTEXT_KEYS[command];
  if (key !== undefined && result !== undefined) void vscode.commands.executeCommand('setContext', key, true);
}
