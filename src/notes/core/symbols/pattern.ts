/**
 * The grammar of a topic's `symbols` entries. Each entry is a piece of code, so it reads well in the
 * notes viewer and the matcher can recognise it in the editor:
 *
 *   nn.ReLU, tf.layers.batchNormalization   a name; code must end with these segments
 *                                            (`torch.nn.ReLU` matches `nn.ReLU`)
 *   StepLR, kaiming_normal_                 a bare name: matches on its own, so only distinctive names
 *   activation: 'relu', kernel_initializer="he_normal", training=False
 *                                            a property or keyword with this literal value, in any call
 *   weight_decay=..., clipnorm=...           a property or keyword with any value (only distinctive keys)
 *   tf.train.momentum(learningRate, momentum, true), optim.SGD(params, momentum=0.9, nesterov=True),
 *   tf.initializers.randomNormal({stddev: 1})
 *                                            a call: literal arguments are constraints, identifiers are
 *                                            placeholders; the matching entry with most constraints wins.
 *                                            A hovered argument (`nesterov=True`, or the `true` above)
 *                                            takes the entry with fewest constraints among those that
 *                                            constrain that very argument: the one most about it
 *   .eval(), .train(False)                  a method on any receiver, called with exactly these arguments
 *
 * Literals compare by kind and value, except numbers, which compare by magnitude class (zero, below
 * one, one or more) so `momentum=0.9` stands for any momentum and `stddev: 1` for a large deviation.
 */
import { canonicalChain } from './aliases';
import { literalAt, matchingClose, parseCallArgs, type Literal } from './callArgs';
import { lex, type SourceDialect } from '../../../syntax/lexer';
import { stringContent, type Token } from '../../../syntax/token';

export interface CallConstraints {
  readonly positional: ReadonlyMap<number, Literal>;
  readonly keywords: ReadonlyMap<string, Literal>;
  readonly arity: number;
}

export type Pattern =
  | { readonly kind: 'name'; readonly chain: readonly string[]; readonly method: boolean; readonly call?: CallConstraints }
  /** `value` undefined: any value (`weight_decay=...`). */
  | { readonly kind: 'slot'; readonly key: string; readonly value?: Literal };

export interface ParsedPattern {
  readonly pattern: Pattern;
  /** Offset in the symbol text of the token a hover sits on (the name, or the slot's value). */
  readonly head: number;
}

/** Parses one `symbols` entry; throws an Error saying what is wrong with it. */
export function parsePattern(symbol: string, dialect: SourceDialect): ParsedPattern {
  const { tokens, comments } = lex(symbol, dialect);
  if (comments.length > 0) {
    throw new Error(`"${symbol}" contains a comment`);
  }
  if (tokens.length === 0) {
    throw new Error('is empty');
  }
  return parseSlot(tokens, dialect) ?? parseName(symbol, tokens, dialect);
}

function parseSlot(tokens: readonly Token[], dialect: SourceDialect): ParsedPattern | undefined {
  const [key, separator] = tokens;
  const isKey = key.kind === 'name' || key.kind === 'string';
  if (!isKey || separator?.kind !== 'punct' || (separator.text !== ':' && separator.text !== '=')) {
    return undefined;
  }
  const keyText = key.kind === 'string' ? stringContent(key) : key.text;
  if (tokens.length === 3 && tokens[2].kind === 'punct' && tokens[2].text === '...') {
    return { pattern: { kind: 'slot', key: keyText }, head: key.start };
  }
  const value = literalAt(tokens, 2, dialect);
  if (!value || value.next !== tokens.length) {
    throw new Error(`the value of "${tokens.map((token) => token.text).join(' ')}" must be a single literal`);
  }
  const valueToken = tokens[value.next - 1];
  return { pattern: { kind: 'slot', key: keyText, value: value.literal }, head: valueToken.start };
}

function parseName(symbol: string, tokens: readonly Token[], dialect: SourceDialect): ParsedPattern {
  let i = 0;
  const method = tokens[0].kind === 'punct' && tokens[0].text === '.';
  if (method) {
    i = 1;
  }
  const chain: string[] = [];
  let head = -1;
  for (;;) {
    const token = tokens[i];
    if (token?.kind !== 'name') {
      throw new Error(`"${symbol}" is not a name, a call, a method or a key with a literal value`);
    }
    chain.push(token.text);
    head = token.start;
    i += 1;
    if (tokens[i]?.kind === 'punct' && tokens[i].text === '.') {
      i += 1;
      continue;
    }
    break;
  }
  if (i === tokens.length) {
    if (method) {
      throw new Error(`method pattern "${symbol}" must show its call, e.g. ".eval()"`);
    }
    return { pattern: { kind: 'name', chain: canonicalChain(chain, dialect), method }, head };
  }
  if (tokens[i].text !== '(' || tokens[i].kind !== 'punct') {
    throw new Error(`unexpected "${tokens[i].text}" in "${symbol}"`);
  }
  if (matchingClose(tokens, i) !== tokens.length - 1) {
    throw new Error(`"${symbol}" must end with the closing parenthesis of its call`);
  }
  const args = parseCallArgs(tokens, i, symbol, dialect);
  const positional = new Map<number, Literal>();
  args.positional.forEach((arg, index) => {
    if (arg.literal) {
      positional.set(index, arg.literal);
    }
  });
  const keywords = new Map<string, Literal>();
  for (const [name, arg] of args.keywords) {
    if (arg.literal) {
      keywords.set(name, arg.literal);
    }
  }
  return { pattern: { kind: 'name', chain: canonicalChain(chain, dialect), method, call: { positional, keywords, arity: args.positional.length } }, head };
}

/** How many argument constraints a pattern has: the most specific matching entry wins. */
export function specificity(pattern: Pattern): number {
  if (pattern.kind === 'slot') {
    return 1;
  }
  return pattern.call ? pattern.call.positional.size + pattern.call.keywords.size : 0;
}
