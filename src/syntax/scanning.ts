/** The pieces of lexing that TypeScript/JavaScript and Python share. */
import type { Token } from './token';

const NAME = /[\p{L}_$][\p{L}\p{N}_$]*/uy;
const NUMBER = /(?:0[xXoObB][\da-fA-F_]+|(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?)[njJ]?/y;
/** Multi-character operators that matter: `==` must never read as `=`, nor `=>` as `=`. */
const OPERATORS = ['===', '!==', '**=', '//=', '...', '==', '!=', '<=', '>=', '=>', '->', '**', '//', '+=', '-=', '*=', '/=', ':=', '?.', '&&', '||', '??'];

function stickyEnd(pattern: RegExp, text: string, at: number): number {
  pattern.lastIndex = at;
  return pattern.test(text) ? pattern.lastIndex : -1;
}

export function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f' || ch === '\v' || ch === '\u00a0' || ch === '\ufeff';
}

/** Offset of the end of the line holding `at` (the `\n`, or the end of the text). */
export function lineEnd(text: string, at: number): number {
  const end = text.indexOf('\n', at);
  return end < 0 ? text.length : end;
}

/** Reads a name, a number or an operator at `at` (which is not a space, comment or string). */
export function readPlainToken(text: string, at: number): Token {
  const nameEnd = stickyEnd(NAME, text, at);
  if (nameEnd > at) return { kind: 'name', text: text.slice(at, nameEnd), start: at, end: nameEnd };
  const numberEnd = stickyEnd(NUMBER, text, at);
  if (numberEnd > at) return { kind: 'number', text: text.slice(at, numberEnd), start: at, end: numberEnd };
  const operator = OPERATORS.find((op) => text.startsWith(op, at)) ?? text[at];
  return { kind: 'punct', text: operator, start: at, end: at + operator.length };
}

/**
 * The offset after a quoted string that opens at `at` with `quote` (repeated three times for a Python
 * triple-quoted string). A single-line string stops at an unescaped newline, so a quote still being
 * typed swallows one line, not the rest of the file.
 */
export function skipQuoted(text: string, at: number, quote: string, triple: boolean): number {
  const closing = triple ? quote.repeat(3) : quote;
  for (let j = at + closing.length; j < text.length; j++) {
    const ch = text[j];
    if (ch === '\\') j++;
    else if (text.startsWith(closing, j)) return j + closing.length;
    else if (ch === '\n' && !triple) return j;
  }
  return text.length;
}
