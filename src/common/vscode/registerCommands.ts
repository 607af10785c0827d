import * as vscode from 'vscode';
import { completeWalkthroughStep } from '../../walkthrough/vscode/completeStep';
import { COMMAND_IDS, createCommands, type CommandSpec, type Services } from './commandTable';

/** Registers the whole command table in one loop, each command behind its trust check. */
export function registerCommands(services: Services): vscode.Disposable {
  const commands = createCommands(services);
  return vscode.Disposable.from(
    ...COMMAND_IDS.map((id) =>
      vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        const result = await runGuarded(commands[id], args);
        completeWalkthroughStep(id, result);
        return result;
      }),
    ),
  );
}

async function runGuarded(spec: CommandSpec, args: unknown[]): Promise<unknown> {
  if (spec.requiresTrust && !vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('DeepScope runs the code of this workspace for this command, so it needs a trusted workspace (Restricted Mode is on).'),
    );
    return undefined;
  }
  try {
    return await spec.run(...args);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(vscode.l10n.t('DeepScope: {0}', message));
    return undefined;
  }
}
