import type { TopicId } from './topicIds';

/** The two display languages of the notes: French (the source) and English (written from it). */
export type NoteLanguage = 'en' | 'fr';

/** The APIs whose symbols a topic explains. TypeScript/JavaScript is tfjs; Python is Keras or PyTorch. */
export type ApiLanguage = 'tfjs' | 'keras' | 'pytorch';
export const API_LANGUAGES: readonly ApiLanguage[] = ['tfjs', 'keras', 'pytorch'];

export interface Localized<T = string> {
  readonly en: T;
  readonly fr: T;
}

/** One section (or sub-point) of the lecture notes, as stored in knowledge/topics/<id>.md. */
export interface Topic {
  readonly id: TopicId;
  readonly title: Localized;
  /** At most two lines, plain text (hovers cannot typeset LaTeX). */
  readonly summary: Localized;
  /** 3 to 5 bullets, plain text. */
  readonly keyPoints: Localized<readonly string[]>;
  /** The default the notes recommend, when they give one. */
  readonly recommended?: Localized;
  /** LaTeX source of the topic's formulas, without `$` delimiters. */
  readonly formulas: readonly string[];
  readonly related: readonly TopicId[];
  /**
   * API symbols the topic explains, written as code (see symbols/pattern.ts for the grammar):
   * `nn.ReLU`, `activation: 'relu'`, `tf.train.momentum(learningRate, momentum, true)`, `.eval()`.
   */
  readonly symbols: Readonly<Record<ApiLanguage, readonly string[]>>;
  /** The full note as Markdown with `$…$` / `$$…$$` LaTeX: French from the notes, English written from it. */
  readonly text: Localized;
  /** Absolute path of the file it was read from (for error messages and "open source"). */
  readonly file: string;
}
