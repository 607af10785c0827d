import type * as vscode from 'vscode';
import { runNewModel } from './newModel/newModelCommand';

/**
 * Every command DeepScope contributes, in one table. package.json's `contributes.commands`
 * must list the same ids (a host test checks both directions).
 */
export interface CommandSpec {
  readonly id: string;
  /**
   * Commands that execute workspace code (training, labs) need a trusted workspace;
   * scaffolding only writes a new file, so it works in Restricted Mode too.
   */
  readonly requiresTrust: boolean;
  readonly run: (context: vscode.ExtensionContext, ...args: unknown[]) => unknown;
}

export const COMMANDS: readonly CommandSpec[] = [
  { id: 'deepscope.newModel', requiresTrust: false, run: () => runNewModel() },
];
