/**
 * A small tokenizer for a few lines of TypeScript/JavaScript or Python: enough to tell code from
 * comments and strings and to read a call's arguments around a hover position. It never sees the
 * whole file, so it is cheap; the price is that a position inside a multi-line string or comment
 * that starts above the window looks like code (the hover layer skips `*`-prefixed comment lines).
 */

/** Source syntax: tfjs code is TypeScript/JavaScript, Keras and PyTorch code is Python. */
export type SourceDialect = 'js' | 'python';

export type TokenKind = 'ident' | 'number' | 'string' | 'punct' | 'comment';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  /** Offsets in the scanned text, `end` exclusive. */
  readonly start: number;
  readonly end: number;
  /** For strings: the content between the quotes (escapes left as written). */
  readonly value?: string;
}

const IDENT_START = /[\p{L}_$]/u;
const IDENT_REST = /[\p{L}\p{N}_$]/u;
const NUMBER = /(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?[nNjJ]?/y;
const PUNCTUATORS = ['===', '!==', '...', '**=', '==', '!=', '<=', '>=', '=>', '?.', '**', ':=', '->'];
const PYTHON_STRING_PREFIX = /[rRbBuUfF]{1,2}(?=['"])/y;

export function tokenize(text: string, dialect: SourceDialect): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      i += 1;
      continue;
    }
    const start = i;
    if (dialect === 'python' && ch === '#') {
      i = lineEnd(text, i);
      tokens.push({ kind: 'comment', text: text.slice(start, i), start, end: i });
      continue;
    }
    if (dialect === 'js' && text.startsWith('//', i)) {
      i = lineEnd(text, i);
      tokens.push({ kind: 'comment', text: text.slice(start, i), start, end: i });
      continue;
    }
    if (dialect === 'js' && text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 2;
      tokens.push({ kind: 'comment', text: text.slice(start, i), start, end: i });
      continue;
    }
    if (dialect === 'python') {
      PYTHON_STRING_PREFIX.lastIndex = i;
      const prefix = PYTHON_STRING_PREFIX.exec(text);
      if (prefix) {
        const end = scanPythonString(text, i + prefix[0].length);
        tokens.push(stringToken(text, start, end, i + prefix[0].length));
        i = end;
        continue;
      }
    }
    if (ch === '"' || ch === "'" || (ch === '`' && dialect === 'js')) {
      const end = dialect === 'python' ? scanPythonString(text, i) : scanJsString(text, i);
      tokens.push(stringToken(text, start, end, i));
      i = end;
      continue;
    }
    if (IDENT_START.test(ch)) {
      i += 1;
      while (i < text.length && IDENT_REST.test(text[i])) {
        i += 1;
      }
      tokens.push({ kind: 'ident', text: text.slice(start, i), start, end: i });
      continue;
    }
    NUMBER.lastIndex = i;
    const number = /[\d.]/.test(ch) ? NUMBER.exec(text) : null;
    if (number) {
      i += number[0].length;
      tokens.push({ kind: 'number', text: number[0], start, end: i });
      continue;
    }
    const punct = PUNCTUATORS.find((candidate) => text.startsWith(candidate, i)) ?? ch;
    i += punct.length;
    tokens.push({ kind: 'punct', text: punct, start, end: i });
  }
  return tokens;
}

function lineEnd(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  return newline < 0 ? text.length : newline;
}

/** `quoteAt` is the offset of the opening quote; returns the offset after the closing one. */
function scanJsString(text: string, quoteAt: number): number {
  const quote = text[quoteAt];
  let i = quoteAt + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\\') {
      i += 2;
    } else if (ch === quote) {
      return i + 1;
    } else if (ch === '\n' && quote !== '`') {
      return i; // unterminated: stop at the end of the line
    } else {
      i += 1;
    }
  }
  return text.length;
}

function scanPythonString(text: string, quoteAt: number): number {
  const quote = text[quoteAt];
  const triple = quote.repeat(3);
  const isTriple = text.startsWith(triple, quoteAt);
  let i = quoteAt + (isTriple ? 3 : 1);
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\\') {
      i += 2;
    } else if (isTriple ? text.startsWith(triple, i) : ch === quote) {
      return i + (isTriple ? 3 : 1);
    } else if (ch === '\n' && !isTriple) {
      return i;
    } else {
      i += 1;
    }
  }
  return text.length;
}

function stringToken(text: string, start: number, end: number, quoteAt: number): Token {
  const quote = text[quoteAt];
  const quoteLength = text.startsWith(quote.repeat(3), quoteAt) && end - quoteAt >= 6 ? 3 : 1;
  const closed = end - quoteAt >= 2 * quoteLength && text.slice(end - quoteLength, end) === quote.repeat(quoteLength);
  const value = text.slice(quoteAt + quoteLength, closed ? end - quoteLength : end);
  return { kind: 'string', text: text.slice(start, end), start, end, value };
}
