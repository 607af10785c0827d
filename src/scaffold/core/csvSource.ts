/** Turning a parsed CSV and the user's column choices into the CsvSource a csv model reads. */
import { type CsvBadRow, type ParsedCsv, csvClasses, parseCsvNumber } from './csv';
import type { CsvSource, Task } from './scaffoldOptions';

export interface CsvSelection {
  /** Path of the CSV relative to the model file, forward slashes. */
  readonly relativePath: string;
  readonly task: Task;
  readonly targetColumn: number;
  /** Defaults to every numeric column except the target. */
  readonly featureColumns?: readonly number[];
}

/** Every numeric column except the target: the natural inputs. */
export function defaultFeatureColumns(parsed: ParsedCsv, targetColumn: number): number[] {
  return parsed.numericColumns.flatMap((numeric, c) => (numeric && c !== targetColumn ? [c] : []));
}

/** The CsvSource for `selection`; throws an Error saying what is wrong with the choice of columns. */
export function buildCsvSource(parsed: ParsedCsv, selection: CsvSelection): CsvSource {
  const { columnNames } = parsed;
  const target = selection.targetColumn;
  if (columnNames[target] === undefined) throw new Error(`the CSV has no column ${target}`);
  const features = [...(selection.featureColumns ?? defaultFeatureColumns(parsed, target))].sort((a, b) => a - b);
  if (features.length === 0) throw new Error('no numeric column is left to use as input');
  for (const c of features) {
    if (columnNames[c] === undefined) throw new Error(`the CSV has no column ${c}`);
    if (c === target) throw new Error(`column ${columnNames[c]} is the target; it cannot also be an input`);
    if (parsed.numericColumns[c] !== true) throw new Error(`column ${columnNames[c]} is not numeric, so it cannot be an input`);
  }
  if (selection.task === 'regression' && parsed.numericColumns[target] !== true) {
    throw new Error(`column ${columnNames[target]} is not numeric: predict it with classification`);
  }
  const classes = csvClasses(parsed, target, selection.task);
  if (classes !== undefined && classes.length < 2) {
    throw new Error(`column ${columnNames[target]} has ${classes.length} distinct value(s); classification needs 2 or more`);
  }
  return {
    relativePath: selection.relativePath,
    hasHeader: parsed.hasHeader,
    featureColumns: [...new Set(features)],
    targetColumn: target,
    columnNames,
    ...(classes === undefined ? {} : { classes }),
  };
}

/** The rows the generated loader will reject for `source`, with the same messages. */
export function rejectedRows(parsed: ParsedCsv, source: CsvSource, task: Task): CsvBadRow[] {
  const names = parsed.columnNames;
  const bad: CsvBadRow[] = [];
  for (const { line, fields } of parsed.rows) {
    if (fields.length !== names.length) {
      bad.push({ line, message: `expected ${names.length} columns, found ${fields.length}` });
      continue;
    }
    const numericColumns = task === 'regression' ? [...source.featureColumns, source.targetColumn] : source.featureColumns;
    for (const column of numericColumns) {
      const value = fields[column] ?? '';
      if (parseCsvNumber(value) === undefined) {
        bad.push({ line, column, message: `column ${names[column]}: "${value}" is not a number` });
      }
    }
    if (task === 'classification' && (fields[source.targetColumn] ?? '').trim() === '') {
      bad.push({ line, column: source.targetColumn, message: `column ${names[source.targetColumn]}: the class is empty` });
    }
  }
  return bad;
}
