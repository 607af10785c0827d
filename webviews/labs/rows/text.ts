/** Text-preprocessing results as table and chart rows: splits side by side, the tokens, the counts. */
import type { TextResult } from '../../../src/labs/core/labs';

/** Row k holds the k-th piece of each split ('' where one split has fewer). */
export function sideBySide(left: readonly string[], right: readonly string[]): [number, string, string][] {
  return Array.from({ length: Math.max(left.length, right.length) }, (_, k) => [k + 1, left[k] ?? '', right[k] ?? '']);
}

/** Words one split finds and the other does not — the pitfalls ("didn", "t" vs "did", "n't"). */
export function onlyIn(words: readonly string[], other: readonly string[]): string[] {
  const known = new Set(other);
  return words.filter((word) => !known.has(word));
}

export function tokenRows(result: TextResult): (string | number)[][] {
  const flag = (on: boolean): string => (on ? '✓' : '');
  return result.tokens.filter((token) => token.isWord).map((token) => [token.text, token.pos, token.stem, token.lemma, flag(token.stopWordLibrary), flag(token.stopWordList)]);
}

export interface CountRow {
  readonly what: string;
  readonly text: string;
  readonly value: number;
}

/** Words found by each split, and words left once stop words are removed, for the English and French texts. */
export function countRows(result: TextResult): CountRow[] {
  return [
    { what: 'naive split', text: 'English', value: result.words.naive.length },
    { what: 'wink-nlp', text: 'English', value: result.words.library.length },
    { what: 'wink-nlp', text: 'French', value: result.stopWords.french.words.length },
    { what: 'after stop words', text: 'English', value: result.stopWords.english.kept.length },
    { what: 'after stop words', text: 'French', value: result.stopWords.french.kept.length },
  ];
}
