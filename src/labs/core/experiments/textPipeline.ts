/**
 * The notes' text pipeline (Preprocessing de texte) with maintained libraries that ship in npm: wink-nlp
 * with its English lite model (tokens, sentences, part of speech, Porter2 stem, POS-aware lemma,
 * contraction expansion, stop-word flag) and the `stopword` lists (English and French). Beside it, the
 * naive splits the notes warn about.
 */
import type { Language } from '../../../common/core/language';
import { eng, fra, removeStopwords } from 'stopword';
import winkNLP, { type ItsFunction, type ItsHelpers, type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { TextToken } from '../labs';

let nlp: WinkMethods | undefined;

/** Loading the model takes a moment: once, on first use. */
function engine(): WinkMethods {
  nlp ??= winkNLP(model);
  return nlp;
}

/**
 * wink-nlp's typings give its.stem and its.lemma a signature its own ItsFunction type does not accept
 * (the model addons as third parameter); at run time they are ordinary helpers, so retype them.
 */
function addonHelper(helper: ItsHelpers['stem'] | ItsHelpers['lemma']): ItsFunction<string> {
  return helper as unknown as ItsFunction<string>;
}

/** Splitting words on a list of characters, apostrophe included ("Hawai'i" → "Hawai", "i"). */
export function naiveWords(text: string): string[] {
  return text.split(/[\s'’.,;:!?"“”()]+/).filter((word) => word.length > 0);
}

/** Splitting sentences after every . ? or ! ("… asked Mr." | "Peters."). */
export function naiveSentences(text: string): string[] {
  return text
    .split(/(?<=[.?!])\s+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}

export function librarySentences(text: string): string[] {
  return engine().readDoc(text).sentences().out();
}

/** Every token the library finds, with its normalisations. */
export function analyse(text: string): TextToken[] {
  const nlp = engine();
  const its = nlp.its;
  const englishStopWords = new Set(eng);
  const list = nlp.readDoc(text).tokens();
  return Array.from({ length: list.length() }, (_, k) => {
    const token = list.itemAt(k);
    const word = token.out();
    return {
      text: word,
      isWord: token.out(its.type) === 'word',
      pos: String(token.out(its.pos)),
      normal: String(token.out(its.normal)),
      stem: String(token.out(addonHelper(its.stem))),
      lemma: String(token.out(addonHelper(its.lemma))),
      stopWordLibrary: token.out(its.stopWordFlag) === true,
      stopWordList: englishStopWords.has(word.toLowerCase()),
    };
  });
}

/** The text with contractions expanded ("didn't" → "did not"): the library's normal form of each token. */
export function expanded(tokens: readonly TextToken[]): string {
  return tokens.map((token) => (token.isWord ? token.normal : token.text)).join(' ');
}

/** Lower-cased words of a text, and those left once a language's stop-word list is removed. */
export function stopWordFilter(words: readonly string[], language: Language): { words: string[]; kept: string[] } {
  const lower = words.map((word) => word.toLowerCase());
  return { words: lower, kept: removeStopwords(lower, language === 'en' ? eng : fra) };
}
