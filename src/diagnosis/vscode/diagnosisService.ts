/**
 * Shows the diagnosis of every training run of the extension: the run's `findings` records (the run
 * diagnoses itself as it goes: src/training/core/trainingRun.ts) go to the Problems panel (at most
 * every 300 ms, so a fast run does not flood it); a file's findings are cleared when its next run
 * starts; quick fixes are offered; listeners (the dashboard) hear what changed.
 */
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { Finding } from '../core/findings';
import type { TrainingController } from '../../training/vscode/trainingController';
import type { TrainingSession } from '../../training/vscode/trainingSession';
import { DiagnosisCodeActions } from './codeActions';
import { explanationLanguage as displayLanguage } from '../../common/vscode/settings';
import { toDiagnostic } from './findingDiagnostics';

const PUBLISH_DELAY_MS = 300;
const MODEL_DOCUMENTS: vscode.DocumentSelector = [
  { language: 'typescript', scheme: 'file' },
  { language: 'javascript', scheme: 'file' },
];

export interface FindingsChange {
  /** The model module the findings are about. */
  readonly uri: vscode.Uri;
  readonly findings: readonly Finding[];
}

interface FileState {
  readonly session: TrainingSession;
  readonly lines: readonly string[];
  findings: readonly Finding[];
}

export class DiagnosisService implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('deepscope-findings');
  private readonly changed = new vscode.EventEmitter<FindingsChange>();
  /** Findings of a model module changed (a run started, or its diagnosis moved on). */
  readonly onDidChangeFindings = this.changed.event;
  private readonly files = new Map<string, FileState>();
  private readonly disposables: vscode.Disposable[];

  constructor(training: TrainingController) {
    this.disposables = [
      training.onDidStartSession((session) => this.follow(session)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('deepscope.language')) this.refreshAll();
      }),
      vscode.languages.registerCodeActionsProvider(MODEL_DOCUMENTS, new DiagnosisCodeActions(this), DiagnosisCodeActions.metadata),
    ];
  }

  /** The latest findings of a model module (empty when it never trained). */
  findings(uri: vscode.Uri): readonly Finding[] {
    return this.files.get(uri.toString())?.findings ?? [];
  }

  dispose(): void {
    this.disposables.forEach((disposable) => disposable.dispose());
    this.files.clear();
    this.collection.dispose();
    this.changed.dispose();
  }

  private follow(session: TrainingSession): void {
    const uri = vscode.Uri.file(session.options.file);
    const source = session.options.contents ?? readText(uri);
    const state: FileState = { session, lines: (source ?? '').split(/\r?\n/), findings: [] };
    this.files.set(uri.toString(), state);
    this.publish(uri, state);
    let latest: readonly Finding[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = (): void => {
      clearTimeout(timer);
      timer = undefined;
      // A newer run of the same file owns its diagnostics now.
      if (this.files.get(uri.toString()) !== state) return;
      state.findings = latest;
      this.publish(uri, state);
    };
    const schedule = (): void => {
      timer ??= setTimeout(flush, PUBLISH_DELAY_MS);
    };
    const listener = session.subscribe((record) => {
      if (record.type !== 'findings') return;
      latest = record.findings;
      schedule();
    });
    const finish = (): void => {
      listener.dispose();
      flush();
    };
    session.done.then(finish, finish);
  }

  private publish(uri: vscode.Uri, state: FileState): void {
    this.show(uri, state);
    this.changed.fire({ uri, findings: state.findings });
  }

  private show(uri: vscode.Uri, state: FileState): void {
    const language = displayLanguage();
    this.collection.set(uri, state.findings.map((finding) => toDiagnostic(finding, state.lines, language)));
  }

  /** The display language changed: same findings, new words (listeners hold both languages already). */
  private refreshAll(): void {
    for (const [key, state] of this.files) this.show(vscode.Uri.parse(key), state);
  }
}

function readText(uri: vscode.Uri): string | undefined {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    return readFileSync(uri.fsPath, 'utf8');
  } catch {
    return undefined;
  }
}
