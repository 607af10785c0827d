import type { TopicId } from './topicIds';

export type { Bilingual, Language } from '../../common/core/language';
import type { Bilingual } from '../../common/core/language';

/** The APIs whose symbols a topic explains. TypeScript/JavaScript is tfjs; Python is Keras or PyTorch. */
export type ApiLanguage = 'tfjs' | 'keras' | 'pytorch';
export const API_LANGUAGES: readonly ApiLanguage[] = ['tfjs', 'keras', 'pytorch'];

/** One section (or sub-point) of the lecture notes, as stored in knowledge/topics/<id>.md. */
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
  /** Absolute path of the file it was read from (for error messages and "open source"). */
  readonly file: string;
}
