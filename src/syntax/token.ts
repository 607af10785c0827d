/** What the lexer yields, and how to read a string token's content and quote. */

export type TokenKind = 'name' | 'number' | 'string' | 'regex' | 'punct';

/** Offsets in the lexed text, `end` exclusive. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

export interface Token extends TextRange {
  readonly kind: TokenKind;
  readonly text: string;
}

/**
 * Code tokens and, apart, the comments between them: rules read only `tokens`, so they can never match
 * code in a comment, while hovers check `comments` to stay silent there.
 */
export interface Lexed {
  readonly tokens: Token[];
  readonly comments: TextRange[];
}

/** The text of a string token without its prefix and quotes (escapes are kept as written). */
export function stringContent(token: Token): string {
  const open = token.text.search(/['"`]/);
  if (open < 0) return token.text;
  const quote = token.text[open];
  const width = token.text.startsWith(quote.repeat(3), open) && token.text.length >= open + 6 ? 3 : 1;
  const body = token.text.slice(open + width);
  return body.endsWith(quote.repeat(width)) ? body.slice(0, body.length - width) : body;
}

/** The quote a string token opens with (`'`, `"` or a backtick). */
export function quoteOf(token: Token): string {
  return token.text.match(/['"`]/)?.[0] ?? "'";
}
