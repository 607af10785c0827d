/** Small helpers for writing TypeScript source text. */

/** A short numeric literal: 0.05, 0.0115, 200 (three significant digits are plenty for hyper-parameters). */
export function num(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`Cannot write ${value} as a literal.`);
  return String(Number(value.toPrecision(3)));
}

/** A single-quoted string literal. */
export function str(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\r/g, '\\r')
    .replace(/\n/g, '\\n')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `'${escaped}'`;
}

/** An array literal on one line: [0, 1, 2] or ['a', 'b']. */
export function list(values: readonly (string | number)[]): string {
  return `[${values.map((v) => (typeof v === 'number' ? num(v) : str(v))).join(', ')}]`;
}

/** Text safe inside a `//` comment (user data such as CSV column names can hold line breaks). */
export function commentText(value: string): string {
  return value.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

/** Joins code sections with one blank line, skipping absent ones; ends with a newline. */
export function sections(...parts: readonly (string | false | undefined)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.length > 0).map((p) => p.trimEnd()).join('\n\n') + '\n';
}

/** Joins lines, skipping absent ones (so optional lines can be written inline with `cond && '...'`). */
export function lines(...parts: readonly (string | false | undefined)[]): string {
  return parts.filter((p): p is string => typeof p === 'string').join('\n');
}
