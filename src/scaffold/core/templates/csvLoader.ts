/**
 * Reading a CSV file at run time (the csv and iris templates). The parser is written into the module so
 * the model file runs on its own; src/scaffold/core/csv.ts inspects the same format when scaffolding.
 */
import type { CsvSource, Task } from '../scaffoldOptions';
import { commentText, lines, list, str } from './code';

/** Bad rows listed in the error before "… and N more". */
const MAX_LISTED = 20;

function names(source: CsvSource, columns: readonly number[]): string {
  return columns.map((c) => commentText(source.columnNames[c] ?? `column${c + 1}`)).join(', ');
}

function constantsPart(source: CsvSource, task: Task): string {
  const classification = task === 'classification';
  return lines(
    '/** The CSV file, relative to this model file. */',
    `const CSV_FILE = ${str(source.relativePath)};`,
    '/** Whether the first line holds the column names (it is skipped). */',
    `const HAS_HEADER = ${String(source.hasHeader)};`,
    '/** Every column of the file, in order; rows must have exactly this many fields. */',
    `const COLUMN_NAMES = ${list(source.columnNames)};`,
    `/** Input columns (0-based): ${names(source, source.featureColumns)}. Only numbers are accepted. */`,
    `const FEATURE_COLUMNS = ${list(source.featureColumns)};`,
    `/** Predicted column (0-based): ${names(source, [source.targetColumn])}. */`,
    `const TARGET_COLUMN = ${source.targetColumn};`,
    classification && '/** Values of the target column, one output unit each, in this order. */',
    classification && `const CLASSES = ${list(source.classes ?? [])};`,
    'const N_FEATURES = FEATURE_COLUMNS.length;',
    classification && 'const N_CLASSES = CLASSES.length;',
  );
}

const PARSER = `/**
 * Splits CSV text into records of fields, each with the line it starts on (for error messages).
 * Handles "quoted, fields", "" inside quotes, CRLF line ends and blank lines.
 */
function parseCsvRecords(text: string): { line: number; fields: string[] }[] {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const endRecord = (): void => {
    fields.push(field);
    if (fields.length > 1 || fields[0].trim() !== '') records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        if (c === '\\n') line++;
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\\n' || c === '\\r') {
      if (c === '\\r' && text[i + 1] === '\\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += c;
    }
  }
  if (quoted) throw new Error(\`\${CSV_FILE}:\${recordLine}: a quoted field is never closed\`);
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

/** The number in a field, or undefined if it holds something else. */
function parseNumber(field: string): number | undefined {
  const trimmed = field.trim();
  const value = Number(trimmed);
  return trimmed === '' || !Number.isFinite(value) ? undefined : value;
}`;

/** Reads the target of a row into `target`, or reports it and skips the row. */
function targetCode(task: Task): string {
  return task === 'classification'
    ? lines(
        '    const target = CLASSES.indexOf(fields[TARGET_COLUMN].trim());',
        '    if (target < 0) {',
        '      const value = fields[TARGET_COLUMN].trim();',
        '      problems.push(`${where}: column ${COLUMN_NAMES[TARGET_COLUMN]}: "${value}" is not one of ${CLASSES.join(\', \')}`);',
        '      continue;',
        '    }',
      )
    : lines(
        '    const target = parseNumber(fields[TARGET_COLUMN]);',
        '    if (target === undefined) {',
        '      problems.push(`${where}: column ${COLUMN_NAMES[TARGET_COLUMN]}: "${fields[TARGET_COLUMN]}" is not a number`);',
        '      continue;',
        '    }',
      );
}

function readerPart(task: Task): string {
  return lines(
    '/** Reads CSV_FILE into Examples; throws one Error listing every bad row with its line number. */',
    'function readCsvExamples(): Examples {',
    "  const text = fs.readFileSync(path.join(__dirname, CSV_FILE), 'utf8').replace(/^\\uFEFF/, '');",
    '  const records = parseCsvRecords(text).slice(HAS_HEADER ? 1 : 0);',
    '  const examples: Examples = { features: [], targets: [] };',
    '  const problems: string[] = [];',
    '  for (const { line, fields } of records) {',
    '    const where = `${CSV_FILE}:${line}`;',
    '    if (fields.length !== COLUMN_NAMES.length) {',
    '      problems.push(`${where}: expected ${COLUMN_NAMES.length} columns, found ${fields.length}`);',
    '      continue;',
    '    }',
    '    const row: number[] = [];',
    '    for (const column of FEATURE_COLUMNS) {',
    '      const value = parseNumber(fields[column]);',
    '      if (value === undefined) {',
    '        problems.push(`${where}: column ${COLUMN_NAMES[column]}: "${fields[column]}" is not a number`);',
    '      } else {',
    '        row.push(value);',
    '      }',
    '    }',
    targetCode(task),
    '    if (row.length === N_FEATURES) {',
    '      examples.features.push(row);',
    '      examples.targets.push(target);',
    '    }',
    '  }',
    '  if (problems.length > 0) {',
    `    const listed = problems.slice(0, ${MAX_LISTED}).join('\\n');`,
    `    const more = problems.length > ${MAX_LISTED} ? \`\\n… and \${problems.length - ${MAX_LISTED}} more\` : '';`,
    '    throw new Error(`${CSV_FILE} has ${problems.length} bad value(s); fix or delete these rows:\\n${listed}${more}`);',
    '  }',
    '  if (examples.targets.length === 0) throw new Error(`${CSV_FILE} has no data rows.`);',
    '  return examples;',
    '}',
  );
}

/** Constants, parser and reader; `readCsvExamples()` returns the Examples. */
export function csvLoaderPart(source: CsvSource, task: Task): string {
  return [constantsPart(source, task), PARSER, readerPart(task)].join('\n\n');
}
