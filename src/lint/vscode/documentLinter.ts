/**
 * Keeps DeepScope's diagnostics in step with the open documents: lints a document when it opens and
 * 300 ms after the user stops typing (a newer change cancels the pending run), caches the findings per
 * document version for the quick fixes, and forgets a document when it closes.
 */
import * as vscode from 'vscode';
import { noteCommandUri } from '../../notes/core/noteLinks';
import { lint } from '../core/rules';
import { lintCells } from '../core/notebookLint';
import { lintSettings } from '../../common/vscode/settings';
import type { LintFinding, LintLanguage } from '../core/types';

export const DIAGNOSTIC_SOURCE = 'DeepScope';
const NOTEBOOK_CELL = 'vscode-notebook-cell';
const DEBOUNCE_MS = 300;
/** VS Code language ids → the language the rules read. */
const LANGUAGES: Readonly<Record<string, LintLanguage>> = {
  typescript: 'typescript',
  typescriptreact: 'typescript',
  javascript: 'javascript',
  javascriptreact: 'javascript',
  python: 'python',
};
/** Files, unsaved editors and notebook cells (each cell is a document of the `vscode-notebook-cell` scheme). */
export const LINTED_DOCUMENTS: vscode.DocumentSelector = Object.keys(LANGUAGES).flatMap((language) => [
  { language, scheme: 'file' },
  { language, scheme: 'untitled' },
  { language, scheme: NOTEBOOK_CELL },
]);
/** A file that mentions none of these is not a deep-learning file: it is not even tokenised. */
const DEEP_LEARNING = /tensorflow|tfjs|keras|torch|\btf\./;

export class DocumentLinter implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('deepscope');
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly cache = new Map<string, { readonly version: number; readonly findings: readonly LintFinding[] }>();

  /** The document's findings for the enabled rules, computed at most once per document version. */
  findings(document: vscode.TextDocument): readonly LintFinding[] {
    const language = LANGUAGES[document.languageId];
    if (language === undefined || vscode.languages.match(LINTED_DOCUMENTS, document) === 0) return [];
    const settings = lintSettings(document.uri);
    if (!settings.enabled) return [];
    const key = document.uri.toString();
    let entry = this.cache.get(key);
    const notebook = document.uri.scheme === NOTEBOOK_CELL ? notebookOf(document) : undefined;
    if (notebook) {
      // A cell is linted with the cells around it (a version of its own says nothing of theirs).
      return lintNotebookCell(notebook, document).filter((finding) => settings.isOn(finding.rule));
    }
    if (entry?.version !== document.version) {
      entry = { version: document.version, findings: lintText(document.getText(), language) };
      this.cache.set(key, entry);
    }
    return entry.findings.filter((finding) => settings.isOn(finding.rule));
  }

  /** Re-lints a changed document later; for a notebook cell, every cell of its notebook (they are linted together). */
  scheduleChanged(document: vscode.TextDocument): void {
    const notebook = document.uri.scheme === NOTEBOOK_CELL ? notebookOf(document) : undefined;
    for (const changed of notebook ? notebook.getCells().map((cell) => cell.document) : [document]) this.schedule(changed);
  }

  schedule(document: vscode.TextDocument, delay = DEBOUNCE_MS): void {
    const key = document.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        this.publish(document);
      }, delay),
    );
  }

  /** Re-lints every open document now (after a settings change). */
  refreshAll(): void {
    for (const document of vscode.workspace.textDocuments) this.publish(document);
  }

  forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.delete(key);
    this.cache.delete(key);
    this.collection.delete(document.uri);
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    this.collection.dispose();
  }

  private publish(document: vscode.TextDocument): void {
    if (document.isClosed) return;
    const diagnostics = this.findings(document).map((finding) => toDiagnostic(document, finding));
    if (diagnostics.length > 0 || this.collection.has(document.uri)) this.collection.set(document.uri, diagnostics);
  }
}

function notebookOf(cell: vscode.TextDocument): vscode.NotebookDocument | undefined {
  return vscode.workspace.notebookDocuments.find((notebook) => notebook.getCells().some((candidate) => candidate.document === cell));
}

/** The findings of one cell, from the lint of the notebook's code cells in the cell's language. */
function lintNotebookCell(notebook: vscode.NotebookDocument, cell: vscode.TextDocument): readonly LintFinding[] {
  const language = LANGUAGES[cell.languageId] ?? 'python';
  const cells = notebook.getCells().filter((candidate) => candidate.kind === vscode.NotebookCellKind.Code && candidate.document.languageId === cell.languageId);
  const index = cells.findIndex((candidate) => candidate.document === cell);
  if (index < 0 || !DEEP_LEARNING.test(cells.map((candidate) => candidate.document.getText()).join('\n'))) return [];
  return lintCells(cells.map((candidate) => candidate.document.getText()), language, lintText)[index] ?? [];
}

function lintText(text: string, language: LintLanguage): readonly LintFinding[] {
  if (!DEEP_LEARNING.test(text)) return [];
  try {
    return lint(text, language);
  } catch (error) {
    // A rule must never break the editor; the unit tests are where a rule's bug shows.
    console.error('DeepScope lint failed:', error);
    return [];
  }
}

export function rangeOf(document: vscode.TextDocument, at: { readonly start: number; readonly end: number }): vscode.Range {
  return new vscode.Range(document.positionAt(at.start), document.positionAt(at.end));
}

const SEVERITIES: Readonly<Record<LintFinding['severity'], vscode.DiagnosticSeverity>> = {
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

function toDiagnostic(document: vscode.TextDocument, finding: LintFinding): vscode.Diagnostic {
  const severity = SEVERITIES[finding.severity];
  const diagnostic = new vscode.Diagnostic(rangeOf(document, finding), finding.message, severity);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  // The code links to the note in the Problems panel and the hover.
  diagnostic.code = { value: finding.rule, target: vscode.Uri.parse(noteCommandUri(finding.topic)) };
  return diagnostic;
}
