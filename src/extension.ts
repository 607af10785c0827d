import type * as vscode from 'vscode';
import { registerCommands } from './commands/registerCommands';

/** Thin on purpose: each feature registers itself and returns one disposable. */
export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(registerCommands(context));
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
