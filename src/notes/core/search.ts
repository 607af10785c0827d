import { API_LANGUAGES, type Language, type Topic } from './topic';

/** Where a query word was found, and how much that says about the topic. */
const WEIGHTS = { title: 10, symbol: 6, summary: 3, text: 1 } as const;

/**
 * Topics matching every word of `query` (accents and case ignored), best first: a word in the title
 * counts most, then an API symbol or the id, then the summary and key points, then the full text.
 * Both languages are searched so a French word finds an English display and vice versa; `language`
 * only breaks ties in favour of the displayed one. An empty query gives every topic in the notes' order.
 */
export function searchTopics(topics: readonly Topic[], query: string, language: Language): Topic[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) {
    return [...topics];
  }
  const scored: Array<{ topic: Topic; score: number; order: number }> = [];
  topics.forEach((topic, order) => {
    const fields = searchableFields(topic, language);
    let score = 0;
    for (const word of words) {
      const best = Math.max(0, ...fields.filter((field) => field.text.includes(word)).map((field) => field.weight));
      if (best === 0) {
        return;
      }
      score += best;
    }
    scored.push({ topic, score, order });
  });
  return scored.sort((a, b) => b.score - a.score || a.order - b.order).map((entry) => entry.topic);
}

function searchableFields(topic: Topic, language: Language): Array<{ text: string; weight: number }> {
  const other: Language = language === 'en' ? 'fr' : 'en';
  // The displayed language weighs slightly more, so ties go its way.
  const fields: Array<{ text: string; weight: number }> = [];
  for (const [lang, bonus] of [[language, 0.5], [other, 0]] as const) {
    fields.push(
      { text: fold(topic.title[lang]), weight: WEIGHTS.title + bonus },
      { text: fold([topic.summary[lang], ...topic.keyPoints[lang]].join('\n')), weight: WEIGHTS.summary + bonus },
      { text: fold(topic.text[lang]), weight: WEIGHTS.text + bonus },
    );
  }
  const symbols = API_LANGUAGES.flatMap((api) => topic.symbols[api]);
  fields.push({ text: fold([topic.id, ...symbols].join('\n')), weight: WEIGHTS.symbol });
  return fields;
}

/** Lower case without diacritics: "Régularisation" and "regularisation" are the same word. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
