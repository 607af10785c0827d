/** Tokens of Python: `#` comments listed apart; strings (any prefix, triple-quoted, f-strings) kept whole. */
import { isSpace, lineEnd, readPlainToken, skipQuoted } from './scanning';
import type { Lexed } from './token';

/** r, u, b, f and their two-letter combinations, in any case. */
const STRING_PREFIX = /^(?:[rubf]|br|rb|fr|rf)$/i;

export function lexPython(text: string): Lexed {
  const { tokens, comments }: Lexed = { tokens: [], comments: [] };
  let at = 0;
  while (at < text.length) {
    const ch = text[at];
    if (isSpace(ch) || ch === '\\') {
      at++;
      continue;
    }
    if (ch === '#') {
      const end = lineEnd(text, at);
      comments.push({ start: at, end });
      at = end;
      continue;
    }
    const quoteAt = stringQuoteAt(text, at);
    if (quoteAt >= 0) {
      const quote = text[quoteAt];
      const end = skipQuoted(text, quoteAt, quote, text.startsWith(quote.repeat(3), quoteAt));
      tokens.push({ kind: 'string', text: text.slice(at, end), start: at, end });
      at = end;
      continue;
    }
    const token = readPlainToken(text, at);
    tokens.push(token);
    at = token.end;
  }
  return { tokens, comments };
}

/** Where the quote of a string starting at `at` is (after an optional prefix such as `rb`), or -1. */
function stringQuoteAt(text: string, at: number): number {
  for (let width = 0; width <= 2; width++) {
    const quote = text[at + width];
    if ((quote === '"' || quote === "'") && (width === 0 || STRING_PREFIX.test(text.slice(at, at + width)))) {
      return at + width;
    }
  }
  return -1;
}
