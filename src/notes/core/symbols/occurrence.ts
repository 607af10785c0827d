/**
 * What sits at a position in a few lines of code, in the terms symbol patterns are written in:
 * a dotted name (with its call's arguments), a `key: literal` / `key=literal` pair, or a string
 * passed to a call. Comments and ordinary strings yield nothing.
 */
import { literalAt, parseCallArgs, type CallArgs, type Literal } from './callArgs';
import { lex, type SourceDialect } from '../../../syntax/lexer';
import { stringContent, type Token } from '../../../syntax/token';

export type Occurrence =
  | {
      readonly kind: 'name';
      /** `tf.train.momentum` → ['tf', 'train', 'momentum']; ends with the hovered name. */
      readonly chain: readonly string[];
      /** Called on something (`model.eval()`, `foo().eval()`), not a free function. */
      readonly receiver: boolean;
      readonly call?: CallArgs;
      /** The key this expression is the value of (`biasInitializer: tf.initializers.zeros()`). */
      readonly valueOf?: string;
      /** Set when the hovered token is this call's positional string argument (`Activation("relu")`). */
      readonly argIndex?: number;
      readonly start: number;
      readonly end: number;
    }
  | { readonly kind: 'slot'; readonly key: string; readonly value: Literal; readonly start: number; readonly end: number };

/**
 * Candidate readings of the token at `offset`, most specific first: a key followed by a literal is
 * tried as a slot, then as a name.
 */
export function occurrencesAt(text: string, offset: number, dialect: SourceDialect): Occurrence[] {
  if (dialect === 'js' && isBlockCommentContinuation(text, offset)) {
    return [];
  }
  // Comments are not among the tokens, so a position in one finds nothing.
  const { tokens } = lex(text, dialect);
  const k = tokens.findIndex((token) => token.start <= offset && offset < token.end);
  const hovered = tokens[k];
  if (!hovered || hovered.kind === 'punct') {
    return [];
  }
  const found: Occurrence[] = [];
  const asLiteral = literalAt(tokens, k, dialect);
  if (asLiteral) {
    const slot = slotEndingAt(tokens, k, dialect);
    if (slot) {
      found.push({ kind: 'slot', key: slot, value: asLiteral.literal, start: hovered.start, end: hovered.end });
    } else if (hovered.kind === 'string') {
      const argument = enclosingCall(text, tokens, k, dialect);
      if (argument) {
        found.push({ ...argument, start: hovered.start, end: hovered.end });
      }
    }
    return found;
  }
  if (hovered.kind !== 'name') {
    return found;
  }
  const separator = tokens[k + 1];
  if (separator?.kind === 'punct' && (separator.text === ':' || separator.text === '=')) {
    const value = literalAt(tokens, k + 2, dialect);
    if (value) {
      found.push({ kind: 'slot', key: hovered.text, value: value.literal, start: hovered.start, end: hovered.end });
    }
  }
  found.push({ ...nameEndingAt(text, tokens, k, dialect), start: hovered.start, end: hovered.end });
  return found;
}

function isPunct(token: Token | undefined, ...texts: string[]): boolean {
  return token?.kind === 'punct' && texts.includes(token.text);
}

/** The key of `key: <literal>` or `key=<literal>` when the literal starts at or just before `k`. */
function slotEndingAt(tokens: readonly Token[], k: number, dialect: SourceDialect): string | undefined {
  const valueStart = isPunct(tokens[k - 1], '-') && literalAt(tokens, k - 1, dialect) ? k - 1 : k;
  return keyBefore(tokens, valueStart);
}

/** The key before the `:` / `=` that precedes `tokens[index]`, if there is one. */
function keyBefore(tokens: readonly Token[], index: number): string | undefined {
  const key = tokens[index - 2];
  if (!isPunct(tokens[index - 1], ':', '=') || !key) {
    return undefined;
  }
  if (key.kind === 'name') {
    return key.text;
  }
  return key.kind === 'string' ? stringContent(key) : undefined;
}

function nameEndingAt(text: string, tokens: readonly Token[], k: number, dialect: SourceDialect) {
  let first = k;
  while (isPunct(tokens[first - 1], '.', '?.') && tokens[first - 2]?.kind === 'name') {
    first -= 2;
  }
  const chain = [];
  for (let i = first; i <= k; i += 2) {
    chain.push(tokens[i].text);
  }
  const receiver = chain.length > 1 || isPunct(tokens[first - 1], '.', '?.');
  const call = isPunct(tokens[k + 1], '(') ? parseCallArgs(tokens, k + 1, text, dialect) : undefined;
  return { kind: 'name' as const, chain, receiver, call, valueOf: keyBefore(tokens, first) };
}

/** The call a string literal is a positional argument of: `layers.Activation("relu")`. */
function enclosingCall(text: string, tokens: readonly Token[], k: number, dialect: SourceDialect) {
  if (!isPunct(tokens[k - 1], '(', ',') || !isPunct(tokens[k + 1], ')', ',')) {
    return undefined;
  }
  let depth = 0;
  let commas = 0;
  for (let i = k - 1; i >= 0; i -= 1) {
    const token = tokens[i];
    if (isPunct(token, ')', ']', '}')) {
      depth += 1;
    } else if (isPunct(token, '[', '{')) {
      if (depth === 0) {
        return undefined; // inside a list or an object, not directly an argument
      }
      depth -= 1;
    } else if (isPunct(token, '(')) {
      if (depth === 0) {
        if (tokens[i - 1]?.kind !== 'name') {
          return undefined;
        }
        return { ...nameEndingAt(text, tokens, i - 1, dialect), argIndex: commas };
      }
      depth -= 1;
    } else if (depth === 0 && isPunct(token, ',')) {
      commas += 1;
    }
  }
  return undefined;
}

/**
 * A ` * text` line of a JSDoc or block comment opened above the scanned lines: the lexer cannot
 * see the opening `/*`, so the line's leading `*` is the tell.
 */
function isBlockCommentContinuation(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*\*(?!\/)/.test(text.slice(lineStart, offset + 1));
}
