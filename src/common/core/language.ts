/** The two languages DeepScope speaks, like the lecture notes: French (their source) and English. */
export type Language = 'en' | 'fr';

/** A text (or any value) in both languages. */
export interface Bilingual<T = string> {
  readonly en: T;
  readonly fr: T;
}
