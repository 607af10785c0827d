/** The part of the `stopword` package (v3, untyped) the text lab uses: its English and French lists. */
declare module 'stopword' {
  export function removeStopwords(tokens: string[], stopwords?: string[]): string[];
  export const eng: string[];
  export const fra: string[];
}
