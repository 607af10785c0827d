/**
 * Inspecting a CSV file when the user picks one: column names, whether the first line is a header, which
 * columns hold numbers, and the rows the generated loader would reject, with their line numbers.
 * Same format as the loader written into csv models: commas, "quoted fields" with "" escapes, CRLF or LF,
 * blank lines ignored.
 */
import type { Task } from './scaffoldOptions';

export interface CsvRecord {
  /** 1-based line the record starts on. */
  readonly line: number;
  readonly fields: readonly string[];
}

export interface CsvBadRow {
  readonly line: number;
  readonly message: string;
  /** The column at fault (0-based), absent for a wrong number of columns. */
  readonly column?: number;
}

export interface ParsedCsv {
  readonly hasHeader: boolean;
  /** From the header, or `column1`, `column2`… */
  readonly columnNames: readonly string[];
  /** Data records (header excluded), with their line numbers. */
  readonly rows: readonly CsvRecord[];
  /** Per column: most of its non-empty values are numbers. */
  readonly numericColumns: readonly boolean[];
  readonly badRows: readonly CsvBadRow[];
}

/** Splits text into records. Throws when a quoted field is never closed. */
export function splitCsvRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const endRecord = (): void => {
    fields.push(field);
    if (fields.length > 1 || field.trim() !== '') records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += c;
    }
  }
  if (quoted) throw new Error(`line ${recordLine}: a quoted field is never closed`);
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

/** The number in a field, or undefined (empty fields are not numbers). Same rule as the generated loader. */
export function parseCsvNumber(field: string): number | undefined {
  const trimmed = field.trim();
  const value = Number(trimmed);
  return trimmed === '' || !Number.isFinite(value) ? undefined : value;
}

/** Per column of `records`: more than half of its non-empty values are numbers. */
function numericColumns(records: readonly CsvRecord[], width: number): boolean[] {
  return Array.from({ length: width }, (_, c) => {
    const values = records.map((r) => r.fields[c]).filter((v): v is string => v !== undefined && v.trim() !== '');
    const numbers = values.filter((v) => parseCsvNumber(v) !== undefined).length;
    return numbers > 0 && numbers * 2 > values.length;
  });
}

/** A header names the columns: its field in some numeric column is not a number. */
function guessHeader(records: readonly CsvRecord[]): boolean {
  const first = records[0];
  if (first === undefined) return false;
  if (records.length === 1) return first.fields.every((f) => parseCsvNumber(f) === undefined);
  const numeric = numericColumns(records.slice(1), first.fields.length);
  return first.fields.some((f, c) => numeric[c] === true && parseCsvNumber(f) === undefined);
}

function badRowsOf(rows: readonly CsvRecord[], names: readonly string[], numeric: readonly boolean[]): CsvBadRow[] {
  const bad: CsvBadRow[] = [];
  for (const { line, fields } of rows) {
    if (fields.length !== names.length) {
      bad.push({ line, message: `expected ${names.length} columns, found ${fields.length}` });
      continue;
    }
    fields.forEach((value, column) => {
      if (numeric[column] === true && parseCsvNumber(value) === undefined) {
        bad.push({ line, column, message: `column ${names[column]}: "${value}" is not a number` });
      }
    });
  }
  return bad;
}

/**
 * Parses `text`; `hasHeader` is guessed when not given. Throws only for an unclosed quote (the rest of the
 * file would be one field); every other problem is a bad row.
 */
export function parseCsv(text: string, hasHeader?: boolean): ParsedCsv {
  const records = splitCsvRecords(text);
  const header = hasHeader ?? guessHeader(records);
  const first = records[0];
  const width = first?.fields.length ?? 0;
  const columnNames = Array.from({ length: width }, (_, c) => {
    const name = header ? (first?.fields[c] ?? '').trim() : '';
    return name === '' ? `column${c + 1}` : name;
  });
  const rows = header ? records.slice(1) : records;
  const numeric = numericColumns(rows, width);
  return { hasHeader: header, columnNames, rows, numericColumns: numeric, badRows: badRowsOf(rows, columnNames, numeric) };
}

/**
 * The classes of a classification target: its distinct trimmed values in first-seen order, ignoring rows
 * with the wrong number of columns or an empty target. Undefined for regression.
 */
export function csvClasses(parsed: ParsedCsv, targetColumn: number, task: Task): string[] | undefined {
  if (task === 'regression') return undefined;
  const classes = new Set<string>();
  for (const { fields } of parsed.rows) {
    const value = fields.length === parsed.columnNames.length ? fields[targetColumn]?.trim() : undefined;
    if (value !== undefined && value !== '') classes.add(value);
  }
  return [...classes];
}

/** A column given by name (exact, then ignoring case) or by 0-based index; undefined if none matches. */
export function findCsvColumn(parsed: ParsedCsv, nameOrIndex: string): number | undefined {
  const wanted = nameOrIndex.trim();
  const exact = parsed.columnNames.indexOf(wanted);
  if (exact >= 0) return exact;
  const lower = parsed.columnNames.findIndex((n) => n.toLowerCase() === wanted.toLowerCase());
  if (lower >= 0) return lower;
  const index = /^\d+$/.test(wanted) ? Number(wanted) : -1;
  return index >= 0 && index < parsed.columnNames.length ? index : undefined;
}
