import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseCsv, type ParsedCsv } from '../core/csv';
import { buildCsvSource, defaultFeatureColumns, rejectedRows } from '../core/csvSource';
import type { CsvSource, Task } from '../core/scaffoldOptions';
import { pickItem, pickMany } from './prompts';

/** The user's CSV and column choices; `source.relativePath` is filled in once the model file is known. */
export interface PickedCsv {
  readonly absolutePath: string;
  readonly source: CsvSource;
}

/**
 * CSV steps of "New Model…": pick the file, the target column and the input columns. Rows the
 * generated loader would reject are reported with their line numbers before anything is written.
 */
export async function pickCsvSource(task: Task): Promise<PickedCsv | undefined> {
  const [file] =
    (await vscode.window.showOpenDialog({
      title: vscode.l10n.t('DeepScope: New Model: CSV file'),
      canSelectMany: false,
      filters: { CSV: ['csv'] },
      defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    })) ?? [];
  if (!file) {
    return undefined;
  }
  const name = path.basename(file.fsPath);
  let parsed: ParsedCsv;
  try {
    parsed = parseCsv(new TextDecoder().decode(await vscode.workspace.fs.readFile(file)));
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('DeepScope cannot read {0}: {1}', name, (error as Error).message));
    return undefined;
  }
  if (parsed.rows.length === 0) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} has no data rows.', name));
    return undefined;
  }
  const targetColumn = await pickItem<number>(
    vscode.l10n.t('target column'),
    task === 'regression' ? vscode.l10n.t('Which numeric column should the model predict?') : vscode.l10n.t('Which column holds the class?'),
    columnItems(parsed, (column) => task === 'classification' || parsed.numericColumns[column] === true),
  );
  if (targetColumn === undefined) {
    return undefined;
  }
  const defaults = new Set(defaultFeatureColumns(parsed, targetColumn));
  const featureColumns = await pickMany<number>(
    vscode.l10n.t('input columns'),
    vscode.l10n.t('Numeric columns used as inputs (Space toggles, Enter confirms)'),
    columnItems(parsed, (column) => column !== targetColumn && parsed.numericColumns[column] === true).map((item) => ({
      ...item,
      picked: defaults.has(item.value),
    })),
  );
  if (!featureColumns) {
    return undefined;
  }
  let source: CsvSource;
  try {
    source = buildCsvSource(parsed, { relativePath: name, task, targetColumn, featureColumns });
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('DeepScope cannot use {0}: {1}.', name, (error as Error).message));
    return undefined;
  }
  reportBadRows(name, parsed, source, task);
  return { absolutePath: file.fsPath, source };
}

function columnItems(parsed: ParsedCsv, include: (column: number) => boolean): { value: number; label: string; description: string }[] {
  return parsed.columnNames.flatMap((columnName, column) =>
    include(column)
      ? [{ value: column, label: columnName, description: parsed.numericColumns[column] ? vscode.l10n.t('numeric') : vscode.l10n.t('text') }]
      : [],
  );
}

/** The generated loader stops on these rows, so the user hears about them now, with line numbers. */
function reportBadRows(name: string, parsed: ParsedCsv, source: CsvSource, task: Task): void {
  const bad = rejectedRows(parsed, source, task);
  if (bad.length === 0) {
    return;
  }
  const shown = bad.slice(0, 5).map((row) => vscode.l10n.t('line {0}: {1}', row.line, row.message)).join(vscode.l10n.t('; '));
  const more = bad.length > 5 ? vscode.l10n.t(' (and {0} more)', bad.length - 5) : '';
  void vscode.window.showWarningMessage(
    vscode.l10n.t('{0}: {1} row(s) cannot be used — {2}{3}. The model will refuse to train until they are fixed or removed.', name, bad.length, shown, more),
  );
}
