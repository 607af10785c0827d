/**
 * The Text preprocessing lab as the host, the CLI and the lab process describe it: its name, texts, note
 * topics and parameter schema. Pure data, so listing the labs loads neither tfjs nor the lab's code.
 */
import { describeLab } from './describeLab';

const PARAMS = [
  {
    kind: 'text',
    name: 'text',
    label: 'English text',
    default: `"What is all the fuss about?" asked Mr. Peters. He didn't like Hawai'i. In our last meeting the fishes were running better. We are meeting tomorrow, walking to the beach.`,
    maxLength: 5000,
  },
  {
    kind: 'text',
    name: 'frenchText',
    label: 'French text (stop words)',
    default: "Les stop words sont un ensemble de mots très répandus dans le langage et le plus souvent peu porteurs d'information.",
    maxLength: 5000,
  },
] as const;

export const textInfo = describeLab({
  name: 'text',
  summary: {
    en: "Tokenisation pitfalls (Hawai'i, didn't, Mr. Peters), stemming vs lemmatisation (better → good, meeting noun vs verb), English and French stop words.",
    fr: 'Pièges de la tokenisation (Hawai\'i, didn\'t, Mr. Peters), racinisation contre lemmatisation (better → good, meeting nom ou verbe), mots vides anglais et français.',
  },
  topics: ['text-denoising', 'text-tokenization', 'text-normalization', 'text-stemming', 'text-lemmatization', 'text-stop-words'],
  params: PARAMS,
  usesTensorflow: false,
  title: { en: 'Text preprocessing', fr: 'Preprocessing du texte' },
  claim: {
    en: "Tokenising is not splitting on spaces (\"Hawai'i\", \"didn't\", \"Mr. Peters\"); stemming cuts suffixes while lemmatisation finds the word in context (\"better\" → \"good\", \"meeting\" as noun or verb); stop words can be removed.",
    fr: 'Tokeniser, ce n’est pas couper aux espaces (« Hawai\'i », « didn\'t », « Mr. Peters ») ; le stemming coupe les suffixes, la lemmatisation retrouve le mot selon le contexte (« better » → « good », « meeting » nom ou verbe) ; on peut retirer les stop words.',
  },
});
