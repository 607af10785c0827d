import * as vscode from 'vscode';
import type { RuleId } from '../core/types';

/** `deepscope.lint.enabled` and `deepscope.lint.rules` (rule id → boolean) in package.json. */
export const LINT_SECTION = 'deepscope.lint';

export interface LintSettings {
  readonly enabled: boolean;
  isOn(rule: RuleId): boolean;
}

/** Read on every use (it is cheap), so a change applies without restarting anything. */
export function lintSettings(scope: vscode.Uri): LintSettings {
  const config = vscode.workspace.getConfiguration(LINT_SECTION, scope);
  const rules = config.get<Record<string, unknown>>('rules') ?? {};
  return { enabled: config.get<boolean>('enabled', true), isOn: (rule) => rules[rule] !== false };
}
