/** Text preprocessing: naive splits vs the library, stemming vs lemmatisation, stop words — on the user's own text. */
import type { LabReport, StopWordSplit, TextResult } from '../../../src/labs/core/labs';
import { el } from '../../shared/dom';
import { countRows, onlyIn, sideBySide, tokenRows } from '../rows/text';
import { barChart } from '../specs';
import { table } from '../tables';
import type { LabViewContext } from '../viewKit';

export function textView(report: LabReport<TextResult>, ctx: LabViewContext): HTMLElement[] {
  const { result } = report;
  const { naive, library } = result.words;
  // Every table `deepscope lab text` prints is here already, with the removed stop words struck through.
  ctx.keyTables = false;
  return [
    ctx.section(
      { en: 'Sentences', fr: 'Les phrases' },
      { en: 'Cutting after every full stop breaks "Mr. Peters"; the library knows the abbreviation.', fr: 'Couper après chaque point casse « Mr. Peters » ; la bibliothèque connaît l’abréviation.' },
      table(['#', ctx.say({ en: 'cut after . ? !', fr: 'coupé après . ? !' }), 'wink-nlp'], sideBySide(result.sentences.naive, result.sentences.library)),
    ),
    ctx.section(
      { en: 'Words', fr: 'Les mots' },
      {
        en: "Splitting on spaces, punctuation and the apostrophe cuts \"Hawai'i\" and \"didn't\" apart; the library keeps Hawai'i whole and reads didn't as did + n't (expanded: did not).",
        fr: 'Couper aux espaces, à la ponctuation et à l’apostrophe coupe « Hawai\'i » et « didn\'t » ; la bibliothèque garde Hawai\'i entier et lit didn\'t comme did + n\'t (développé : did not).',
      },
      ctx.facts([
        { key: 'naiveWords', label: ctx.say({ en: 'words, naive split', fr: 'mots, découpage naïf' }), value: naive.length },
        { key: 'libraryWords', label: ctx.say({ en: 'words, wink-nlp', fr: 'mots, wink-nlp' }), value: library.length },
      ]),
      el('p', {}, `${ctx.say({ en: 'Only in the naive split:', fr: 'Seulement dans le découpage naïf :' })} `, ...chips(onlyIn(naive, library))),
      el('p', {}, `${ctx.say({ en: 'Only in wink-nlp:', fr: 'Seulement dans wink-nlp :' })} `, ...chips(onlyIn(library, naive))),
      el('p', { class: 'expanded' }, `${ctx.say({ en: 'Contractions expanded:', fr: 'Contractions développées :' })} `, el('span', { class: 'mono' }, result.expanded)),
    ),
    ctx.section(
      { en: 'Stemming vs lemmatisation', fr: 'Stemming contre lemmatisation' },
      {
        en: 'The stem cuts suffixes (Porter2); the lemma is the word it derives from, found with its part of speech: better → good, and meeting stays a noun in “our last meeting” but becomes meet as a verb.',
        fr: 'Le stem coupe les suffixes (Porter2) ; le lemme est le mot dont il dérive, trouvé avec sa catégorie grammaticale : better → good, et meeting reste un nom dans « our last meeting » mais devient meet comme verbe.',
      },
      table(['word', 'context', 'POS', 'stem', 'lemma'], result.notesExamples.map((e) => [e.word, e.context, e.pos, e.stem, e.lemma]), ctx.say({ en: 'The notes’ examples', fr: 'Les exemples des notes' })),
      table(['token', 'POS', 'stem', 'lemma', 'stop (wink)', 'stop (list)'], tokenRows(result), ctx.say({ en: 'Every word of your text', fr: 'Chaque mot de votre texte' })),
    ),
    ctx.section(
      { en: 'Stop words', fr: 'Les stop words' },
      { en: 'Very common words that carry little information, removed with the lists of the “stopword” package (struck through: removed).', fr: 'Des mots très fréquents et peu porteurs d’information, retirés avec les listes du paquet « stopword » (barrés : retirés).' },
      el('p', {}, el('strong', {}, 'English: '), ...stopWordChips(result.stopWords.english)),
      el('p', {}, el('strong', {}, 'Français : '), ...stopWordChips(result.stopWords.french)),
      ctx.chart({
        label: 'Word counts',
        spec: barChart(ctx.theme, { dataset: 'counts', width: ctx.plotWidth('half'), height: 150, x: { field: 'what', title: null, sort: ['naive split', 'wink-nlp', 'after stop words'] }, y: { field: 'value', title: ctx.say({ en: 'words', fr: 'mots' }) }, group: { field: 'text', title: null } }),
        data: { counts: countRows(result) },
      }),
    ),
  ];
}

function chips(words: readonly string[]): HTMLElement[] {
  return words.length === 0 ? [el('span', { class: 'muted' }, '—')] : words.map((word) => el('code', { class: 'chip' }, word));
}

/** Each word once, in order, struck through when the list removed it. */
function stopWordChips(split: StopWordSplit): HTMLElement[] {
  // `kept` is `words` with the stop words left out, in order: walk both together.
  let next = 0;
  return split.words.map((word) => {
    const kept = split.kept[next] === word;
    if (kept) next += 1;
    return el(kept ? 'code' : 's', { class: kept ? 'chip' : 'chip removed' }, word);
  });
}
