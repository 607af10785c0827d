/**
 * Lab 7, text preprocessing (notes: Preprocessing de texte): tokenisation pitfalls ("Hawai'i", "didn't",
 * "What is all the fuss about?" asked Mr. Peters.), a naive split beside the library's tokens, stemming vs
 * lemmatisation ("running" → "run" both ways, "better" → "good" by lemmatisation only, "meeting" a noun in
 * "our last meeting" and a verb in "we are meeting tomorrow"), and English and French stop words.
 */
import type { KeyTable, NotesExample, TextResult } from '../labs';
import { textInfo } from '../catalog/text';
import { defineLab } from './lab';
import { analyse, expanded, librarySentences, naiveSentences, naiveWords, stopWordFilter } from './textPipeline';

/** The notes' own examples, each read in a context that fixes its part of speech. */
const NOTES_EXAMPLES: readonly { readonly word: string; readonly context: string }[] = [
  { word: 'running', context: 'The dog was running.' },
  { word: 'fishes', context: 'He caught two fishes.' },
  { word: 'walking', context: 'She is walking home.' },
  { word: 'better', context: 'This answer is better.' },
  { word: 'meeting', context: 'In our last meeting we agreed.' },
  { word: 'meeting', context: 'We are meeting tomorrow.' },
];

export const textLab = defineLab(
  textInfo,
  async (p): Promise<TextResult> => {
    const tokens = analyse(p.text);
    const words = tokens.filter((token) => token.isWord).map((token) => token.text);
    const frenchWords = analyse(p.frenchText).filter((token) => token.isWord).map((token) => token.text);
    return {
      lab: 'text',
      sentences: { naive: naiveSentences(p.text), library: librarySentences(p.text) },
      words: { naive: naiveWords(p.text), library: words },
      expanded: expanded(tokens),
      tokens,
      stopWords: { english: stopWordFilter(words, 'en'), french: stopWordFilter(frenchWords, 'fr') },
      notesExamples: NOTES_EXAMPLES.map(({ word, context }) => notesExample(word, context)),
    };
  },
  keyNumbers,
);

function notesExample(word: string, context: string): NotesExample {
  const token = analyse(context).find((candidate) => candidate.text.toLowerCase() === word);
  if (token === undefined) throw new Error(`"${word}" is not a token of "${context}"`);
  return { word, context, pos: token.pos, stem: token.stem, lemma: token.lemma };
}

function keyNumbers(result: TextResult): KeyTable[] {
  const longest = Math.max(result.sentences.naive.length, result.sentences.library.length);
  const { naive, library } = result.words;
  const naiveOnly = naive.filter((word) => !library.includes(word));
  const libraryOnly = library.filter((word) => !naive.includes(word));
  const disagreements = result.tokens.filter((token) => token.isWord && token.stopWordLibrary !== token.stopWordList);
  return [
    {
      title: 'Sentences: splitting after . ? ! vs the library',
      columns: ['#', 'naive split', 'wink-nlp'],
      rows: Array.from({ length: longest }, (_, i) => [i + 1, result.sentences.naive[i] ?? '', result.sentences.library[i] ?? '']),
      note: 'A split after every full stop cuts after "Mr."; the library knows the abbreviation, yet cuts the notes\' example after its quoted question.',
    },
    {
      title: 'Words: splitting on spaces, punctuation and the apostrophe vs the library',
      columns: ['', 'count', 'words'],
      rows: [
        ['naive split', naive.length, naive.join(' | ')],
        ['wink-nlp', library.length, library.join(' | ')],
        ['only in the naive split', naiveOnly.length, naiveOnly.join(' | ')],
        ['only in wink-nlp', libraryOnly.length, libraryOnly.join(' | ')],
      ],
      note: `Contractions expanded (denoising): ${result.expanded}`,
    },
    {
      title: "The notes' examples: stemming (Porter2) vs lemmatisation (POS-aware)",
      columns: ['word', 'context', 'POS', 'stem', 'lemma'],
      rows: result.notesExamples.map((example) => [example.word, example.context, example.pos, example.stem, example.lemma]),
    },
    {
      title: 'Every word of the text',
      columns: ['token', 'POS', 'stem', 'lemma', 'stop (wink)', 'stop (stopword list)'],
      rows: result.tokens.filter((token) => token.isWord).map((token) => [token.text, token.pos, token.stem, token.lemma, token.stopWordLibrary ? 'yes' : '', token.stopWordList ? 'yes' : '']),
      note: `The two English stop-word lists disagree on ${disagreements.length} word(s): ${disagreements.map((token) => token.text).join(', ') || 'none'} (the notes: no list is agreed on).`,
    },
    {
      title: 'Stop words removed',
      columns: ['language', 'words', 'kept'],
      rows: [
        ['English', result.stopWords.english.words.length, result.stopWords.english.kept.join(' ')],
        ['French', result.stopWords.french.words.length, result.stopWords.french.kept.join(' ')],
      ],
    },
  ];
}
