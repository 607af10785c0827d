/**
 * What sits at a position in a few lines of code, in the terms symbol patterns are written in:
 * a dotted name (with its call's arguments), an argument of a call (`nesterov=True` in `SGD(…)`,
 * `activation: 'relu'` in `tf.layers.dense({…})`, the `true` of `tf.train.momentum(lr, 0.9, true)`),
 * or a `key: value` / `key=value` pair read on its own. Comments and ordinary strings yield nothing.
 */
import { literalAt, parseCallArgs, type CallArgs, type Literal } from './callArgs';
import { canonicalChain } from './aliases';
import { lex, type SourceDialect } from '../../../syntax/lexer';
import { stringContent, type Token } from '../../../syntax/token';

/** The argument of a call a hovered token is: a keyword (Python) or property (JS object), or a position. */
export type ArgumentRef = { readonly keyword: string } | { readonly index: number };

export type Occurrence =
  | {
      readonly kind: 'name';
      /** `tf.train.momentum` → ['tf', 'train', 'momentum']; ends with the hovered name (aliases.ts spelling). */
      readonly chain: readonly string[];
      /** Called on something (`model.eval()`, `foo().eval()`), not a free function. */
      readonly receiver: boolean;
      readonly call?: CallArgs;
      /** The key this expression is the value of (`biasInitializer: tf.initializers.zeros()`). */
      readonly valueOf?: string;
      /** Set when the hovered token is an argument of this call, not the called name. */
      readonly argument?: ArgumentRef;
      readonly start: number;
      readonly end: number;
    }
  | {
      readonly kind: 'slot';
      readonly key: string;
      /** Undefined when the value is not a single literal (`weight_decay=args.wd`). */
      readonly value?: Literal;
      readonly start: number;
      readonly end: number;
    };

/**
 * Candidate readings of the token at `offset`, most specific first: an argument of the enclosing
 * call, then a key with its value read on its own, then a name. `lineStart` is where the hovered line
 * starts in `text`: the lines before it are only context for finding the enclosing call, and are
 * ignored when lexing from there reads the hovered line differently (a string or comment opened above).
 */
export function occurrencesAt(text: string, offset: number, dialect: SourceDialect, lineStart = 0): Occurrence[] {
  if (dialect === 'js' && isBlockCommentContinuation(text, offset)) {
    return [];
  }
  // Comments are not among the tokens, so a position in one finds nothing.
  const tokens = contextTokens(text, dialect, lineStart);
  const k = tokens.findIndex((token) => token.start <= offset && offset < token.end);
  const hovered = tokens[k];
  if (!hovered || hovered.kind === 'punct') {
    return [];
  }
  if (isDefinition(tokens[k - 1], dialect)) {
    return []; // `class LSTM(nn.Module):` defines a name, it does not use the library's
  }
  const range = { start: hovered.start, end: hovered.end };
  const found: Occurrence[] = [];
  const isKey = (hovered.kind === 'name' || hovered.kind === 'string') && keyBefore(tokens, k + 2, dialect) !== undefined;
  const asLiteral = isKey ? undefined : literalAt(tokens, k, dialect);
  if (asLiteral) {
    const valueStart = isPunct(tokens[k - 1], '-') && literalAt(tokens, k - 1, dialect) ? k - 1 : k;
    const key = keyBefore(tokens, valueStart, dialect);
    if (key !== undefined) {
      const call = callOfKey(text, tokens, valueStart - 2, key, dialect);
      if (call) {
        found.push({ ...call, ...range });
      }
      found.push({ kind: 'slot', key, value: asLiteral.literal, ...range });
    } else {
      const call = callOfPositional(text, tokens, valueStart, asLiteral.next, dialect);
      if (call) {
        found.push({ ...call, ...range });
      }
    }
    return found;
  }
  if (isKey) {
    const key = keyBefore(tokens, k + 2, dialect) as string;
    const call = callOfKey(text, tokens, k, key, dialect);
    if (call) {
      found.push({ ...call, ...range });
    }
    const value = literalAt(tokens, k + 2, dialect);
    const single = value && endsValue(text, tokens, value.next);
    found.push({ kind: 'slot', key, value: single ? value.literal : undefined, ...range });
  }
  if (hovered.kind === 'name') {
    found.push({ ...nameEndingAt(text, tokens, k, dialect), ...range });
  }
  return found;
}

function isDefinition(previous: Token | undefined, dialect: SourceDialect): boolean {
  const keywords = dialect === 'python' ? ['def', 'class'] : ['function', 'class'];
  return previous?.kind === 'name' && keywords.includes(previous.text);
}

/** Tokens of the whole window when they read the hovered line as its own lexing does, else of the line on. */
function contextTokens(text: string, dialect: SourceDialect, lineStart: number): Token[] {
  const near = lex(text.slice(lineStart), dialect).tokens.map((token) => ({ ...token, start: token.start + lineStart, end: token.end + lineStart }));
  if (lineStart === 0) {
    return near;
  }
  const full = lex(text, dialect).tokens;
  const from = full.findIndex((token) => token.end > lineStart);
  const agree =
    from >= 0 &&
    full.length - from === near.length &&
    near.every((token, i) => token.start === full[from + i].start && token.end === full[from + i].end && token.kind === full[from + i].kind);
  return agree ? full : near;
}

function isPunct(token: Token | undefined, ...texts: string[]): boolean {
  return token?.kind === 'punct' && texts.includes(token.text);
}

function isEndOfArgument(token: Token | undefined): boolean {
  return token === undefined || isPunct(token, ',', ')', '}', ']');
}

/** Whether a value ends before `tokens[next]`: an argument's end, a `;` or a new line (`x.trainable = False`). */
function endsValue(text: string, tokens: readonly Token[], next: number): boolean {
  const token = tokens[next];
  return isEndOfArgument(token) || isPunct(token, ';') || text.slice(tokens[next - 1].end, token.start).includes('\n');
}

/**
 * The key of the `key=` / `key:` that precedes `tokens[index]`: a Python keyword argument (after `(`,
 * `,` or at the start of the text), a quoted dict key, a JavaScript property, or an attribute set on an
 * object (`base.trainable = false`). A plain variable (`momentum = 0.9`) is not a key.
 */
function keyBefore(tokens: readonly Token[], index: number, dialect: SourceDialect): string | undefined {
  const key = tokens[index - 2];
  const separator = tokens[index - 1];
  if (!key || !isPunct(separator, ':', '=')) {
    return undefined;
  }
  const before = tokens[index - 3];
  if (separator.text === '=') {
    const argument = dialect === 'python' && (before === undefined || isPunct(before, '(', ','));
    return key.kind === 'name' && (argument || isPunct(before, '.')) ? key.text : undefined;
  }
  if (key.kind === 'string') {
    return stringContent(key);
  }
  return dialect === 'js' && key.kind === 'name' ? key.text : undefined;
}

function nameEndingAt(text: string, tokens: readonly Token[], k: number, dialect: SourceDialect) {
  let first = k;
  while (isPunct(tokens[first - 1], '.', '?.') && tokens[first - 2]?.kind === 'name') {
    first -= 2;
  }
  const written = [];
  for (let i = first; i <= k; i += 2) {
    written.push(tokens[i].text);
  }
  const receiver = written.length > 1 || isPunct(tokens[first - 1], '.', '?.');
  const call = isPunct(tokens[k + 1], '(') ? parseCallArgs(tokens, k + 1, text, dialect) : undefined;
  return { kind: 'name' as const, chain: canonicalChain(written, dialect), receiver, call, valueOf: keyBefore(tokens, first, dialect) };
}

/**
 * The innermost bracket open before `tokens[k]` and the number of commas between them at its level,
 * or undefined when `k` is at top level.
 */
function openerBefore(tokens: readonly Token[], k: number): { open: number; commas: number } | undefined {
  let depth = 0;
  let commas = 0;
  for (let i = k - 1; i >= 0; i -= 1) {
    const token = tokens[i];
    if (isPunct(token, ')', ']', '}')) {
      depth += 1;
    } else if (isPunct(token, '(', '[', '{')) {
      if (depth === 0) {
        return { open: i, commas };
      }
      depth -= 1;
    } else if (depth === 0 && isPunct(token, ',')) {
      commas += 1;
    }
  }
  return undefined;
}

/** The called name whose `(` is `tokens[open]`, read as a name occurrence. */
function callAt(text: string, tokens: readonly Token[], open: number | undefined, dialect: SourceDialect) {
  if (open === undefined || !isPunct(tokens[open], '(') || tokens[open - 1]?.kind !== 'name') {
    return undefined;
  }
  return nameEndingAt(text, tokens, open - 1, dialect);
}

/** The call a literal (tokens `from`..`to`) is directly a positional argument of: `layers.Activation("relu")`. */
function callOfPositional(text: string, tokens: readonly Token[], from: number, to: number, dialect: SourceDialect) {
  if (!isPunct(tokens[from - 1], '(', ',') || !isEndOfArgument(tokens[to])) {
    return undefined;
  }
  const opener = openerBefore(tokens, from);
  const call = callAt(text, tokens, opener?.open, dialect);
  return call && opener ? { ...call, argument: { index: opener.commas } } : undefined;
}

/**
 * The call whose argument the key at `tokens[keyIndex]` names: `SGD(…, nesterov=True)` in Python, a
 * property of an object passed straight to a call in JavaScript (`tf.layers.dense({activation: …})`).
 */
function callOfKey(text: string, tokens: readonly Token[], keyIndex: number, key: string, dialect: SourceDialect) {
  const opener = openerBefore(tokens, keyIndex);
  if (!opener) {
    return undefined;
  }
  let open = opener.open;
  if (dialect === 'js') {
    if (!isPunct(tokens[open], '{') || !isPunct(tokens[open - 1], '(', ',')) {
      return undefined;
    }
    open = openerBefore(tokens, open)?.open ?? -1;
  }
  const call = callAt(text, tokens, open, dialect);
  return call ? { ...call, argument: { keyword: key } } : undefined;
}

/**
 * A ` * text` line of a JSDoc or block comment opened above the scanned lines: the lexer cannot
 * see the opening `/*`, so the line's leading `*` is the tell.
 */
function isBlockCommentContinuation(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*\*(?!\/)/.test(text.slice(lineStart, offset + 1));
}
