/**
 * Shows the diagnosis of every training run of the extension: the run's `findings` records (the run
 * diagnoses itself as it goes: src/training/core/trainingRun.ts) go to the Problems panel (at most
 * every 300 ms, so a fast run does not flood it), each on its file: the model module, or for a
 * program any module of it that built a layer. The next run of the same model or program replaces
 * everything the previous one showed, in every file, when it starts; quick fixes are offered;
 * listeners hear what changed.
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
  { language: 'python', scheme: 'file' },
];

export interface FindingsChange {
  /** The file the findings are in. */
  readonly uri: vscode.Uri;
  readonly findings: readonly Finding[];
}

/** What one run (the latest of its model or program) shows: its findings by file. */
interface RunState {
  readonly session: TrainingSession;
  byFile: ReadonlyMap<string, readonly Finding[]>;
}

export class DiagnosisService implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('deepscope-findings');
  private readonly changed = new vscode.EventEmitter<FindingsChange>();
  /** Findings in a file changed (a run started, or its diagnosis moved on). */
  readonly onDidChangeFindings = this.changed.event;
  /** By the run's model file or program: one state per file that trains. */
  private readonly runs = new Map<string, RunState>();
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

  /** The latest findings in a file, from every run that points at it (empty when none does). */
  findings(uri: vscode.Uri): readonly Finding[] {
    const key = uri.toString();
    return [...this.runs.values()].flatMap((run) => run.byFile.get(key) ?? []);
  }

  dispose(): void {
    this.disposables.forEach((disposable) => disposable.dispose());
    this.runs.clear();
    this.collection.dispose();
    this.changed.dispose();
  }

  private follow(session: TrainingSession): void {
    // A notebook's layers are built in its kernel's cell files, not in lines of the .ipynb: its findings stay in the dashboard.
    if (session.options.file.endsWith('.ipynb')) return;
    const runKey = vscode.Uri.file(session.options.file).toString();
    const state: RunState = { session, byFile: new Map() };
    const previous = this.runs.get(runKey);
    this.runs.set(runKey, state);
    this.update(state, previous?.byFile.keys() ?? [], []);
    let latest: readonly Finding[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = (): void => {
      clearTimeout(timer);
      timer = undefined;
      // A newer run of the same file owns its diagnostics now.
      if (this.runs.get(runKey) === state) this.update(state, state.byFile.keys(), latest);
    };
    const listener = session.subscribe((record) => {
      if (record.type !== 'findings') return;
      latest = record.findings;
      timer ??= setTimeout(flush, PUBLISH_DELAY_MS);
    });
    const finish = (): void => {
      listener.dispose();
      flush();
    };
    session.done.then(finish, finish);
  }

  /** Gives the run `findings`, and shows again every file they or the run's former ones (`shown`) are in. */
  private update(state: RunState, shown: Iterable<string>, findings: readonly Finding[]): void {
    const modelFile = vscode.Uri.file(state.session.options.file).toString();
    const byFile = new Map<string, Finding[]>();
    for (const finding of findings) {
      const key = finding.file === undefined ? modelFile : vscode.Uri.file(finding.file).toString();
      byFile.set(key, [...(byFile.get(key) ?? []), finding]);
    }
    const touched = new Set([...shown, ...byFile.keys(), modelFile]);
    state.byFile = byFile;
    for (const key of touched) {
      const uri = vscode.Uri.parse(key);
      this.show(uri);
      this.changed.fire({ uri, findings: this.findings(uri) });
    }
  }

  private show(uri: vscode.Uri): void {
    const language = displayLanguage();
    const findings = this.findings(uri);
    if (findings.length === 0) {
      this.collection.delete(uri);
      return;
    }
    const lines = (readText(uri) ?? '').split(/\r?\n/);
    this.collection.set(uri, findings.map((finding) => toDiagnostic(finding, lines, language)));
  }

  /** The display language changed: same findings, new words (listeners hold both languages already). */
  private refreshAll(): void {
    const files = new Set([...this.runs.values()].flatMap((run) => [...run.byFile.keys()]));
    for (const key of files) this.show(vscode.Uri.parse(key));
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
