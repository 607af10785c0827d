import type { TopicId } from './topicIds';

export type { Bilingual, Language } from '../../common/core/language';
import type { Bilingual } from '../../common/core/language';

/** The APIs whose symbols a topic explains. TypeScript/JavaScript is tfjs; Python is Keras or PyTorch. */
export type ApiLanguage = 'tfjs' | 'keras' | 'pytorch';
export const API_LANGUAGES: readonly ApiLanguage[] = ['tfjs', 'keras', 'pytorch'];

/** How hovers and the topic picker mark a topic beyond the notes. */
export const BEYOND_NOTES_LABEL: Readonly<Record<'en' | 'fr', string>> = { en: 'beyond the notes', fr: 'hors des notes du cours' };

/** Where a topic beyond the notes sends the reader: a section of d2l.ai, the book the notes cite. */
export interface FurtherReading {
  /** Chapter and section as d2l.ai titles them, e.g. `Optimization Algorithms › Adam`. */
  readonly d2l: string;
  readonly url: string;
}

/** One section (or sub-point) of the lecture notes, or a topic beyond them, as stored in knowledge/topics/<id>.md. */
export interface Topic {
  readonly id: TopicId;
  readonly title: Bilingual;
  /** At most two lines, plain text (hovers cannot typeset LaTeX). */
  readonly summary: Bilingual;
  /** 3 to 5 bullets, plain text. */
  readonly keyPoints: Bilingual<readonly string[]>;
  /** The default the notes recommend, when they give one. */
  readonly recommended?: Bilingual;
  /** LaTeX source of the topic's formulas, without `$` delimiters. */
  readonly formulas: readonly string[];
  readonly related: readonly TopicId[];
  /**
   * API symbols the topic explains, written as code (see symbols/pattern.ts for the grammar):
   * `nn.ReLU`, `activation: 'relu'`, `tf.train.momentum(learningRate, momentum, true)`, `.eval()`.
   */
  readonly symbols: Readonly<Record<ApiLanguage, readonly string[]>>;
  /** The full note as Markdown with `$…$` / `$$…$$` LaTeX: French from the notes, English written from it. */
  readonly text: Bilingual;
  /** Set exactly on the topics beyond the notes (topicIds.ts), whose text DeepScope wrote. */
  readonly beyondNotes?: FurtherReading;
  /** Absolute path of the file it was read from (for error messages and "open source"). */
  readonly file: string;
}
