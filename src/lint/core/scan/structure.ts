/**
 * Statement-level structure the rules need beyond calls: Python logical lines and indented blocks
 * (a model's layers are grouped by the `def` they are built in; a fix appends to a loop's body), and
 * the value of a simple numeric constant (`EPOCHS = 50`, `const EPOCHS = 50`, `epochs, batch = 50, 32`).
 */
import type { Source } from './source';

/** Token index of the first token of the logical line (statement) holding token `index`. */
export function statementStart(source: Source, index: number): number {
  const outermost = (at: number): number => {
    let top = at;
    while (source.parent[top] >= 0) top = source.parent[top];
    return top;
  };
  let first = outermost(index);
  while (first > 0 && !source.spansLines(source.tokens[first - 1].end, source.tokens[first].start)) {
    const previous = first - 1;
    // A closer continues the statement its opener started, possibly lines above.
    first = outermost(source.match[previous] >= 0 && source.match[previous] < previous ? source.match[previous] : previous);
  }
  return first;
}

export function column(source: Source, index: number): number {
  const start = source.tokens[index].start;
  return start - source.lineStart(start);
}

/** The compound statements (`if`, `def`, `class`…) whose bodies hold token `index`: their first tokens, innermost first. */
export function* enclosingHeaders(source: Source, index: number): Generator<number> {
  let statement = statementStart(source, index);
  let indent = column(source, statement);
  while (statement > 0 && indent > 0) {
    statement = statementStart(source, statement - 1);
    const col = column(source, statement);
    if (col >= indent) continue;
    yield statement;
    indent = col;
  }
}

/** The keyword that opens a statement (`def` for `async def`). */
export function keywordOf(source: Source, statement: number): string | undefined {
  return source.tokens[statement].text === 'async' ? source.tokens[statement + 1]?.text : source.tokens[statement].text;
}

/** The `def` or `class` statement whose body holds token `index` (its first token), or -1 at module level. */
export function enclosingDefinition(source: Source, index: number): number {
  for (const header of enclosingHeaders(source, index)) {
    const keyword = keywordOf(source, header);
    if (keyword === 'def' || keyword === 'class') return header;
  }
  return -1;
}

export interface Block {
  /** Indentation of the body's lines. */
  readonly indent: string;
  /** Token index of the last token of the body. */
  readonly last: number;
}

/** The indented body of the compound statement (`for …:`) starting at token `header`; undefined for a one-line body. */
export function blockOf(source: Source, header: number): Block | undefined {
  let colon = header;
  while (colon < source.tokens.length && !(source.is(colon, ':') && source.parent[colon] === -1)) colon++;
  const body = colon + 1;
  if (body >= source.tokens.length || !source.spansLines(source.tokens[colon].end, source.tokens[body].start)) return undefined;
  const headerColumn = column(source, header);
  let last = source.tokens.length - 1;
  for (let index = body; index < source.tokens.length; index++) {
    const token = source.tokens[index];
    if (source.startsLine(token.start) && statementStart(source, index) === index && column(source, index) <= headerColumn) {
      last = index - 1;
      break;
    }
  }
  return { indent: source.indentAt(source.tokens[body].start), last };
}

/**
 * The number a name holds at token `at` (default: the end of the document): the last simple constant
 * assignment to it before there (`EPOCHS = 50` … `EPOCHS = 200` → 200 after the second).
 */
export function constantValue(source: Source, name: string, at = source.tokens.length): number | undefined {
  const { tokens } = source;
  let value: number | undefined;
  for (let eq = 1; eq < Math.min(at, tokens.length); eq++) {
    if (!source.is(eq, '=')) continue;
    const names = run(source, eq - 1, -1, (token) => token.kind === 'name');
    const values = run(source, eq + 1, 1, (token) => token.kind === 'number');
    const index = names.indexOf(name);
    if (index >= 0) value = names.length === values.length ? Number(values[index].replace(/_/g, '')) : undefined;
  }
  return value;
}

/**
 * Texts of a comma-separated run of tokens matching `accept` on one line, walking from `from` in
 * `step` direction (returned in source order). Empty when the run does not fill its side of the `=`.
 */
function run(source: Source, from: number, step: 1 | -1, accept: (token: Source['tokens'][number]) => boolean): string[] {
  const texts: string[] = [];
  const line = source.lineStart(source.tokens[from]?.start ?? 0);
  let index = from;
  while (source.tokens[index] !== undefined && accept(source.tokens[index]) && source.lineStart(source.tokens[index].start) === line) {
    texts.push(source.tokens[index].text);
    if (!source.is(index + step, ',')) break;
    index += 2 * step;
  }
  const beyond = source.tokens[index + step];
  const ends =
    beyond === undefined ||
    source.lineStart(beyond.start) !== line ||
    (step === 1 ? source.is(index + 1, ';') : beyond.kind === 'name' && ['const', 'let', 'var'].includes(beyond.text));
  return ends ? (step === 1 ? texts : texts.reverse()) : [];
}
