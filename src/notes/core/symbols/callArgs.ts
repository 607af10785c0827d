import type { SourceDialect } from '../../../syntax/lexer';
import { stringContent, type Token } from '../../../syntax/token';

/** A literal value as written in code: what symbol patterns can constrain. */
export type Literal =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'null' };

export interface ArgValue {
  /** Set when the argument is a single literal (`'relu'`, `0.9`, `-1`, `True`, `null`). */
  readonly literal?: Literal;
  /** The argument's source text, e.g. `model.parameters()`. */
  readonly text: string;
}

/**
 * The arguments of one call. Python keyword arguments and the top-level properties of a JavaScript
 * object-literal argument both land in `keywords`, so `SGD(momentum=0.9)` and
 * `randomNormal({stddev: 0.01})` are matched the same way.
 */
export interface CallArgs {
  readonly positional: readonly ArgValue[];
  readonly keywords: ReadonlyMap<string, ArgValue>;
  /** False when the closing parenthesis lies beyond the scanned text. */
  readonly closed: boolean;
}

const OPEN: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const CLOSE = new Set([')', ']', '}']);

/** Reads a literal from a token, or a `-` and a number (`start` is the index of the first token). */
export function literalAt(tokens: readonly Token[], start: number, dialect: SourceDialect): { literal: Literal; next: number } | undefined {
  const token = tokens[start];
  if (!token) {
    return undefined;
  }
  if (token.kind === 'string') {
    return { literal: { kind: 'string', value: stringContent(token) }, next: start + 1 };
  }
  if (token.kind === 'number') {
    return { literal: { kind: 'number', value: parseNumber(token.text) }, next: start + 1 };
  }
  if (token.kind === 'punct' && token.text === '-' && tokens[start + 1]?.kind === 'number') {
    return { literal: { kind: 'number', value: -parseNumber(tokens[start + 1].text) }, next: start + 2 };
  }
  if (token.kind === 'name') {
    const keyword = keywordLiteral(token.text, dialect);
    return keyword ? { literal: keyword, next: start + 1 } : undefined;
  }
  return undefined;
}

function keywordLiteral(word: string, dialect: SourceDialect): Literal | undefined {
  const words: Record<string, Literal> =
    dialect === 'python'
      ? { True: { kind: 'boolean', value: true }, False: { kind: 'boolean', value: false }, None: { kind: 'null' } }
      : { true: { kind: 'boolean', value: true }, false: { kind: 'boolean', value: false }, null: { kind: 'null' }, undefined: { kind: 'null' } };
  return Object.hasOwn(words, word) ? words[word] : undefined;
}

function parseNumber(text: string): number {
  return Number(text.replace(/_/g, '').replace(/[nNjJ]$/, ''));
}

/** Index of the bracket closing the one at `open`, or -1 when it is not in `tokens`. */
export function matchingClose(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i += 1) {
    const text = tokens[i].kind === 'punct' ? tokens[i].text : '';
    if (text in OPEN) {
      depth += 1;
    } else if (CLOSE.has(text)) {
      depth -= 1;
      if (depth === 0) {
        return i;
      }
    }
  }
  return -1;
}

/** Splits tokens (start..end exclusive) at commas that are not nested in brackets. */
function splitTopLevel(tokens: readonly Token[], start: number, end: number): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  let depth = 0;
  let partStart = start;
  for (let i = start; i < end; i += 1) {
    const text = tokens[i].kind === 'punct' ? tokens[i].text : '';
    if (text in OPEN) {
      depth += 1;
    } else if (CLOSE.has(text)) {
      depth -= 1;
    } else if (text === ',' && depth === 0) {
      parts.push([partStart, i]);
      partStart = i + 1;
    }
  }
  if (partStart < end) {
    parts.push([partStart, end]);
  }
  return parts;
}

/** Parses the arguments of the call whose `(` is `tokens[open]`. */
export function parseCallArgs(tokens: readonly Token[], open: number, source: string, dialect: SourceDialect): CallArgs {
  const close = matchingClose(tokens, open);
  const end = close < 0 ? tokens.length : close;
  const positional: ArgValue[] = [];
  const keywords = new Map<string, ArgValue>();
  for (const [from, to] of splitTopLevel(tokens, open + 1, end)) {
    const first = tokens[from];
    if (dialect === 'python' && first.kind === 'name' && tokens[from + 1]?.text === '=' && tokens[from + 1].kind === 'punct') {
      keywords.set(first.text, argValue(tokens, from + 2, to, source, dialect));
      continue;
    }
    if (first.kind === 'punct' && first.text === '{') {
      readObjectProperties(tokens, from, source, dialect, keywords);
    }
    positional.push(argValue(tokens, from, to, source, dialect));
  }
  return { positional, keywords, closed: close >= 0 };
}

/** Adds the top-level `key: value` properties of the object literal opening at `open` to `into`. */
function readObjectProperties(
  tokens: readonly Token[],
  open: number,
  source: string,
  dialect: SourceDialect,
  into: Map<string, ArgValue>,
): void {
  const close = matchingClose(tokens, open);
  const end = close < 0 ? tokens.length : close;
  for (const [from, to] of splitTopLevel(tokens, open + 1, end)) {
    const key = tokens[from];
    const isKey = key.kind === 'name' || key.kind === 'string';
    if (isKey && tokens[from + 1]?.kind === 'punct' && tokens[from + 1].text === ':') {
      into.set(key.kind === 'string' ? stringContent(key) : key.text, argValue(tokens, from + 2, to, source, dialect));
    } else if (key.kind === 'name' && to === from + 1) {
      into.set(key.text, { text: key.text }); // shorthand `{ momentum }`
    }
  }
}

function argValue(tokens: readonly Token[], from: number, to: number, source: string, dialect: SourceDialect): ArgValue {
  const text = from < to ? source.slice(tokens[from].start, tokens[to - 1].end) : '';
  const literal = literalAt(tokens, from, dialect);
  return literal && literal.next === to ? { literal: literal.literal, text } : { text };
}
