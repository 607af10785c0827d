/** The lexer that hovers and lint rules share (src/syntax); lint's view of it is also tested in test/unit/lint/scanner.test.ts. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { lex, type SourceDialect } from '../../../src/syntax/lexer';
import { stringContent } from '../../../src/syntax/token';

/** Tokens and comments in text order, as `kind:text`. */
function kinds(text: string, dialect: SourceDialect): string[] {
  const { tokens, comments } = lex(text, dialect);
  const commentTokens = comments.map(({ start, end }) => ({ kind: 'comment', text: text.slice(start, end), start }));
  return [...tokens, ...commentTokens].sort((a, b) => a.start - b.start).map((token) => `${token.kind}:${token.text}`);
}

describe('lex', () => {
  test('JavaScript strings, template literals and comments', () => {
    assert.deepEqual(kinds("a // 'b'\n`c\nd` /* e */ 'f\\'g'", 'js'), ['name:a', "comment:// 'b'", 'string:`c\nd`', 'comment:/* e */', "string:'f\\'g'"]);
  });

  test('Python prefixed and triple-quoted strings, and comments', () => {
    assert.deepEqual(kinds('r"a" f\'b\' """c\nd""" # e', 'python'), ['string:r"a"', "string:f'b'", 'string:"""c\nd"""', 'comment:# e']);
    assert.equal(stringContent(lex('"""doc"""', 'python').tokens[0]), 'doc');
  });

  test('numbers, operators and unterminated strings stop at the end of the line', () => {
    assert.deepEqual(kinds('x === 1e-3 ?. 0.5', 'js'), ['name:x', 'punct:===', 'number:1e-3', 'punct:?.', 'number:0.5']);
    assert.deepEqual(kinds("'abc\nd", 'js'), ["string:'abc", 'name:d']);
  });
});
