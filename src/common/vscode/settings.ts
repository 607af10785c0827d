/**
 * Every `deepscope.*` setting DeepScope reads, in one place (their declarations, defaults and texts are
 * in package.json). Read on every use: they are cheap, and a change applies without a restart.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LintRuleId } from '../../lint/core/types';
import { asLanguageSetting, pickLanguage } from '../../notes/core/language';
import type { Language } from '../../notes/core/topic';
import { DEFAULT_KEEP_RUNS_PER_FILE, runsDirectory } from '../../runs/core/runLogFiles';
import { BACKEND_PREFERENCES, type BackendPreference } from '../../training/core/backendPreference';
import { DEFAULT_MAX_MEMORY_MB } from '../../training/core/engineProcess';

const SECTION = 'deepscope';

function config(scope?: vscode.Uri): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(SECTION, scope);
}

/** `deepscope.language`: the explanations' language (VS Code's display language for `auto`). */
export function explanationLanguage(): Language {
  return pickLanguage(vscode.env.language, asLanguageSetting(config().get<unknown>('language')));
}

export interface TrainingSettings {
  readonly backend: BackendPreference;
  readonly probeEverySteps: number;
  readonly watchLayers: readonly string[];
  readonly maxMemoryMb: number;
}

export function trainingSettings(scope?: vscode.Uri): TrainingSettings {
  const settings = config(scope);
  const backend = settings.get<string>('backend', 'auto');
  return {
    backend: (BACKEND_PREFERENCES as readonly string[]).includes(backend) ? (backend as BackendPreference) : 'auto',
    probeEverySteps: Math.max(1, Math.floor(settings.get<number>('probe.everySteps', 50))),
    watchLayers: settings.get<string[]>('probe.layers', []),
    maxMemoryMb: Math.max(256, Math.floor(settings.get<number>('training.maxMemoryMb', DEFAULT_MAX_MEMORY_MB))),
  };
}

/** The heap limit of engine processes (training and labs). */
export function maxMemoryMb(scope?: vscode.Uri): number {
  return trainingSettings(scope).maxMemoryMb;
}

export interface RunsSettings {
  /** Absolute folder of the run logs for files of `scope`'s workspace folder. */
  readonly directory: string;
  readonly keepPerFile: number;
}

/**
 * `deepscope.runs.directory` (relative to the workspace folder; default `.deepscope/runs`) and
 * `deepscope.runs.keepPerFile`. A file outside every workspace folder logs in the first folder, or
 * next to itself when no folder is open.
 */
export function runsSettings(scope?: vscode.Uri): RunsSettings {
  const settings = config(scope);
  const folder = (scope && vscode.workspace.getWorkspaceFolder(scope)) ?? vscode.workspace.workspaceFolders?.[0];
  const base = folder?.uri.fsPath ?? (scope ? path.dirname(scope.fsPath) : process.cwd());
  return {
    directory: runsDirectory(base, settings.get<string>('runs.directory', '')),
    keepPerFile: Math.max(1, Math.floor(settings.get<number>('runs.keepPerFile', DEFAULT_KEEP_RUNS_PER_FILE))),
  };
}

/** `deepscope.python.interpreter`: empty when unset (the Python extension's choice, else python3, applies). */
export function pythonInterpreterSetting(scope?: vscode.Uri): string {
  return config(scope).get<string>('python.interpreter', '').trim();
}

export function openDashboardOnTrain(): boolean {
  return config().get<boolean>('dashboard.openOnTrain', true);
}

/** Whether the walkthrough opens the first time DeepScope starts: DeepScope's setting and VS Code's own both allow it. */
export function openWalkthroughOnFirstStart(): boolean {
  const vscodeAllows = vscode.workspace.getConfiguration('workbench.welcomePage.walkthroughs').get<boolean>('openOnInstall', true);
  return vscodeAllows && config().get<boolean>('walkthrough.openOnFirstStart', true);
}

/** `deepscope.lint.enabled` and `deepscope.lint.rules` (rule id → boolean). */
export const LINT_SECTION = `${SECTION}.lint`;

export interface LintSettings {
  readonly enabled: boolean;
  isOn(rule: LintRuleId): boolean;
}

export function lintSettings(scope: vscode.Uri): LintSettings {
  const settings = vscode.workspace.getConfiguration(LINT_SECTION, scope);
  const rules = settings.get<Record<string, unknown>>('rules') ?? {};
  return { enabled: settings.get<boolean>('enabled', true), isOn: (rule) => rules[rule] !== false };
}
