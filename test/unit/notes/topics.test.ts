/**
 * The knowledge base against the lecture notes: every section of the notes has its topics, every
 * topic id its file, both languages, French text taken from the notes, and API symbols that the
 * hover matcher recognises as that very topic.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { findTopicForSymbol, getKnowledge, knowledgeDir, type ApiLanguage } from '../../../src/notes/core';
import { TOPIC_IDS, type TopicId } from '../../../src/notes/core/topicIds';

const ROOT = path.resolve(__dirname, '../../..');
const NOTES_DIR = path.resolve(ROOT, '..', 'shared', 'notes');
const notesAvailable = existsSync(NOTES_DIR);
const skipWithoutNotes = notesAvailable ? false : `the lecture notes are not at ${NOTES_DIR}`;

/** Every `##` / `###` heading of the notes, and the topics that cover it. */
const SECTION_TOPICS: Readonly<Record<string, readonly TopicId[]>> = {
  'Activation functions': ['activation-practice'],
  'Sigmoid function': ['activation-sigmoid'],
  tanh: ['activation-tanh'],
  'ReLU (Rectified Linear Unit)': ['activation-relu', 'activation-leaky-relu', 'activation-prelu', 'activation-maxout', 'activation-practice'],
  Preprocessing: ['preprocessing-centering'],
  'Initialisation des poids': ['init-homogeneous', 'init-small-random', 'init-large-random', 'init-xavier', 'init-he'],
  'Batch normalization': ['batch-norm', 'batch-norm-test-mode'],
  Optimisation: ['optim-saddle-points', 'optim-sgd', 'optim-momentum', 'optim-nesterov'],
  'Learning rates': ['lr-step-decay', 'lr-exponential-decay', 'lr-inverse-time-decay'],
  'Régularisation': ['reg-dropout', 'reg-inverted-dropout', 'reg-drop-connect', 'reg-stochasticity', 'transfer-learning'],
  'Preprocessing de texte': ['text-denoising', 'text-tokenization', 'text-normalization', 'text-stemming', 'text-lemmatization', 'text-stop-words'],
  'Sequence to sequence models': ['seq2seq-attention'],
};

/** A sentence of each sub-point, as the notes write it: the topic's French text must contain it. */
const NOTE_EXCERPTS: Readonly<Record<TopicId, string>> = {
  'activation-sigmoid': "A une bonne interprétabilité en termes de saturation / activation d'un neurone",
  'activation-tanh': 'qui sont donc centrés sur zéro contrairement à la',
  'activation-relu': "le bénéfice systématique de la mesure n'étant pas consensuel",
  'activation-leaky-relu': 'ne saturant plus dans le domaine négatif, les problèmes associés disparaissent',
  'activation-prelu': 'où $\\alpha$ est appris',
  'activation-maxout': "A tous les avantages de l'efficacité de la linéarité",
  'activation-practice': 'ne pas en attendre des miracles, ne pas utiliser la sigmoïde',
  'preprocessing-centering': 'mais seulement pour la première couche',
  'init-homogeneous': 'Il faut une initialisation qui brise les symétries',
  'init-small-random': 'et des gradients tout aussi faibles',
  'init-large-random': "n'est pas mieux avec des fonctions d'activation qui saturent",
  'init-xavier': "Marche bien quand / fait l'hypothèse d'une activation linéaire",
  'init-he': "les distributions d'activation sont alors beaucoup plus stables d'une couche à l'autre",
  'batch-norm': 'Les paramètres $\\beta$ et $\\gamma$ sont en revanche appris',
  'batch-norm-test-mode': "la normalisation n'est pas faite sur la batch comme en training",
  'optim-saddle-points': 'En haute dimension, les seconds sont davantage problématiques que les premiers',
  'optim-sgd': '$w_{n+1} \\leftarrow w_n - \\alpha.\\nabla f(w_n)$',
  'optim-momentum': 'Le procédé introduit un nouvel hyperparamètre $\\rho$ typiquement compris entre 0.9 et 0.99',
  'optim-nesterov': 'Nesterov peut alors se voir comme un cas où le déplacement se fait dans la direction du gradient avec inertie',
  'lr-step-decay': 'périodiquement, toutes les $n$ époques',
  'lr-exponential-decay': '$\\alpha = \\alpha_0.e^{-k.t}$',
  'lr-inverse-time-decay': '$\\alpha = \\frac{\\alpha_0}{1+k.t}$',
  'reg-dropout': "les couches denses qui font prioritairement l'objet de cette régularisation",
  'reg-inverted-dropout': 'Une façon simple et fonctionnelle appelée inverted drop out',
  'reg-drop-connect': 'drop connect (on force des coefficients à zéro)',
  'reg-stochasticity': "Cette stochasticité est porteuse d'un effet régularisant",
  'transfer-learning': '(1/10 est un bon départ)',
  'text-denoising': 'peut très bien se définir par complémentarité par rapport aux deux autres',
  'text-tokenization': "Une bonne tokenization n'a donc rien d'évident",
  'text-normalization': 'ce qui au passage réduit la taille du vocabulaire sur lequel on va travailler',
  'text-stemming': 'pour ne conserver que la racine, le radical (stem)',
  'text-lemmatization': 'une bonne lemmatization retournera un nom dans le premier cas, un verbe dans le second',
  'text-stop-words': "Il n'y a généralement pas d'accord sur la liste des",
  'seq2seq-attention': "On se sert des états cachés de l'encoder comme d'une mémoire",
};

/** Topics about ideas no tfjs, Keras or PyTorch API embodies: exactly these may list no symbol. */
const WITHOUT_SYMBOLS: readonly TopicId[] = [
  'optim-saddle-points',
  'text-denoising',
  'text-stemming',
  'text-lemmatization',
  'text-stop-words',
];

/** Emphasis and line breaks differ between the notes and the topic files; the words must not. */
function plain(text: string): string {
  return text.replace(/\*/g, '').replace(/\s+/g, ' ');
}

function readNotes(): string {
  return readdirSync(NOTES_DIR)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => readFileSync(path.join(NOTES_DIR, name), 'utf8'))
    .join('\n');
}

describe('knowledge base and the lecture notes', () => {
  test('every ## / ### section of the notes maps to topics', { skip: skipWithoutNotes }, () => {
    const headings = [...readNotes().matchAll(/^#{2,3} (.+)$/gm)].map((match) => match[1].replace(/\*/g, '').trim());
    assert.ok(headings.length >= 10, 'the notes have fewer sections than expected');
    for (const heading of headings) {
      assert.ok(heading in SECTION_TOPICS, `section "${heading}" of the notes has no topic in SECTION_TOPICS`);
    }
    assert.deepEqual(Object.keys(SECTION_TOPICS).sort(), [...new Set(headings)].sort(), 'SECTION_TOPICS lists a section the notes no longer have');
  });

  test('the sections cover every topic id, and every topic id has a file', () => {
    const covered = new Set(Object.values(SECTION_TOPICS).flat());
    assert.deepEqual([...covered].sort(), [...TOPIC_IDS].sort());
    const files = readdirSync(knowledgeDir()).filter((name) => name.endsWith('.md'));
    assert.deepEqual(files.sort(), TOPIC_IDS.map((id) => `${id}.md`).sort());
  });

  test('each French text quotes its part of the notes, and the quote is in the notes', { skip: skipWithoutNotes }, () => {
    const notes = plain(readNotes());
    for (const topic of getKnowledge().topics) {
      const excerpt = plain(NOTE_EXCERPTS[topic.id]);
      assert.ok(notes.includes(excerpt), `the excerpt for ${topic.id} is not in the notes: ${excerpt}`);
      assert.ok(plain(topic.text.fr).includes(excerpt), `${topic.id}.md (## fr) does not contain: ${excerpt}`);
    }
  });

  test('every topic has a title, a summary, key points and a text in both languages', () => {
    for (const topic of getKnowledge().topics) {
      for (const language of ['en', 'fr'] as const) {
        assert.ok(topic.title[language].length > 0, `${topic.id}: title_${language}`);
        assert.ok(topic.summary[language].split('\n').length <= 2, `${topic.id}: summary_${language} is longer than two lines`);
        assert.ok(topic.keyPoints[language].length >= 3 && topic.keyPoints[language].length <= 5, `${topic.id}: key_points_${language}`);
        assert.ok(topic.text[language].length > topic.summary[language].length / 2, `${topic.id}: ## ${language} is too short`);
      }
      assert.equal(topic.keyPoints.en.length, topic.keyPoints.fr.length, `${topic.id}: key points differ in number between en and fr`);
    }
  });

  test('every topic links to related topics, each once', () => {
    for (const topic of getKnowledge().topics) {
      assert.ok(topic.related.length > 0, `${topic.id} has no related topic`);
      assert.equal(new Set(topic.related).size, topic.related.length, `${topic.id} lists a related topic twice`);
    }
  });

  test('every topic lists API symbols, except exactly the text-only ones', () => {
    const without = getKnowledge()
      .topics.filter((topic) => topic.symbols.tfjs.length + topic.symbols.keras.length + topic.symbols.pytorch.length === 0)
      .map((topic) => topic.id);
    assert.deepEqual(without, WITHOUT_SYMBOLS);
  });

  test('the topics the issue names carry the symbols it names', () => {
    const knowledge = getKnowledge();
    const has = (id: TopicId, language: ApiLanguage, symbol: string) =>
      assert.ok(knowledge.topic(id).symbols[language].includes(symbol), `${id} lacks ${language} ${symbol}`);
    has('init-he', 'tfjs', 'tf.initializers.heNormal');
    has('init-he', 'tfjs', "kernelInitializer: 'heNormal'");
    has('init-he', 'keras', 'kernel_initializer="he_normal"');
    has('init-he', 'keras', 'HeNormal');
    has('init-he', 'pytorch', 'kaiming_normal_');
    has('init-he', 'pytorch', 'kaiming_uniform_');
    has('batch-norm', 'keras', 'keras.layers.BatchNormalization');
    has('lr-step-decay', 'pytorch', 'StepLR');
    has('activation-relu', 'pytorch', 'nn.ReLU');
  });

  test('every symbol, read as code, is recognised as its own topic', () => {
    const knowledge = getKnowledge();
    for (const entry of knowledge.symbols.entries) {
      assert.equal(
        findTopicForSymbol(entry.language, entry.symbol, undefined, knowledge),
        entry.topic,
        `${entry.language} symbol "${entry.symbol}" of ${entry.topic} is not recognised as it`,
      );
    }
  });
});
