import * as vscode from 'vscode';
import { COMMANDS, type CommandSpec } from './commandTable';

/** Registers the whole command table in one loop, each command behind its trust check. */
export function registerCommands(context: vscode.ExtensionContext): vscode.Disposable {
  return vscode.Disposable.from(
    ...COMMANDS.map((spec) =>
      vscode.commands.registerCommand(spec.id, (...args: unknown[]) => runGuarded(spec, context, args)),
    ),
  );
}

async function runGuarded(spec: CommandSpec, context: vscode.ExtensionContext, args: unknown[]): Promise<unknown> {
  if (spec.requiresTrust && !vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(
      'DeepScope runs the code of this workspace for this command, so it needs a trusted workspace (Restricted Mode is on).',
    );
    return undefined;
  }
  try {
    return await spec.run(context, ...args);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(`DeepScope: ${message}`);
    return undefined;
  }
}
