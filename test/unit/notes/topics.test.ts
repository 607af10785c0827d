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
import { BEYOND_NOTES_TOPIC_IDS, NOTE_TOPIC_IDS, TOPIC_IDS, type NoteTopicId, type TopicId } from '../../../src/notes/core/topicIds';

const ROOT = path.resolve(__dirname, '../../..');
const NOTES_DIR = path.resolve(ROOT, '..', 'shared', 'notes');
const notesAvailable = existsSync(NOTES_DIR);
const skipWithoutNotes = notesAvailable ? false : `the lecture notes are not at ${NOTES_DIR}`;

/** Every `##` / `###` heading of the notes, and the topics that cover it. */
const SECTION_TOPICS: Readonly<Record<string, readonly NoteTopicId[]>> = {
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
const NOTE_EXCERPTS: Readonly<Record<NoteTopicId, string>> = {
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

  test('the sections cover every topic id of the notes, and every topic id has a file', () => {
    const covered = new Set(Object.values(SECTION_TOPICS).flat());
    assert.deepEqual([...covered].sort(), [...NOTE_TOPIC_IDS].sort());
    const files = readdirSync(knowledgeDir()).filter((name) => name.endsWith('.md'));
    assert.deepEqual(files.sort(), TOPIC_IDS.map((id) => `${id}.md`).sort());
  });

  test('each French text quotes its part of the notes, and the quote is in the notes', { skip: skipWithoutNotes }, () => {
    const notes = plain(readNotes());
    for (const topic of getKnowledge().topics.filter((entry) => !entry.beyondNotes)) {
      const excerpt = plain(NOTE_EXCERPTS[topic.id as NoteTopicId]);
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

/** The symbols issue 15 names, on which a hover must never be silent, and the topic beyond the notes each gets. */
const BEYOND_NOTES_SYMBOLS: ReadonlyArray<readonly [ApiLanguage, string, TopicId]> = [
  ['pytorch', 'optim.Adam', 'beyond-adam'],
  ['keras', 'Adam', 'beyond-adam'],
  ['tfjs', 'tf.train.adam', 'beyond-adam'],
  ['pytorch', 'optim.RMSprop', 'beyond-rmsprop'],
  ['tfjs', 'tf.train.rmsprop', 'beyond-rmsprop'],
  ['pytorch', 'nn.LSTM', 'beyond-lstm-gru'],
  ['keras', 'GRU', 'beyond-lstm-gru'],
  ['tfjs', 'tf.layers.lstm', 'beyond-lstm-gru'],
  ['pytorch', 'nn.Linear', 'beyond-dense'],
  ['keras', 'Dense', 'beyond-dense'],
  ['tfjs', 'tf.layers.dense', 'beyond-dense'],
  ['pytorch', 'nn.Conv2d', 'beyond-conv'],
  ['keras', 'Conv2D', 'beyond-conv'],
  ['tfjs', 'tf.layers.conv2d', 'beyond-conv'],
  ['pytorch', 'nn.CrossEntropyLoss', 'beyond-cross-entropy'],
  ['pytorch', 'nn.NLLLoss', 'beyond-cross-entropy'],
  ['keras', 'loss="sparse_categorical_crossentropy"', 'beyond-cross-entropy'],
  ['tfjs', "loss: 'categoricalCrossentropy'", 'beyond-cross-entropy'],
  ['pytorch', 'nn.MSELoss', 'beyond-mse'],
  ['keras', 'loss="mse"', 'beyond-mse'],
  ['tfjs', "loss: 'meanSquaredError'", 'beyond-mse'],
  ['pytorch', 'nn.BCEWithLogitsLoss', 'beyond-binary-cross-entropy'],
  ['keras', 'loss="binary_crossentropy"', 'beyond-binary-cross-entropy'],
  ['pytorch', 'nn.Embedding', 'beyond-embedding'],
  ['tfjs', 'tf.layers.embedding', 'beyond-embedding'],
  ['pytorch', 'nn.LayerNorm', 'beyond-layer-norm'],
  ['keras', 'LayerNormalization', 'beyond-layer-norm'],
  ['pytorch', 'weight_decay=1e-4', 'beyond-weight-decay'],
  ['keras', 'regularizers.l2', 'beyond-weight-decay'],
  ['pytorch', 'clip_grad_norm_', 'beyond-gradient-clipping'],
  ['keras', 'clipnorm=1.0', 'beyond-gradient-clipping'],
];

describe('topics beyond the notes', () => {
  const knowledge = getKnowledge();
  const beyond = knowledge.topics.filter((topic) => topic.beyondNotes);

  test('exactly the ids of BEYOND_NOTES_TOPIC_IDS are beyond the notes', () => {
    assert.deepEqual(beyond.map((topic) => topic.id), [...BEYOND_NOTES_TOPIC_IDS]);
  });

  test('each says in both languages that it is not from the notes, and names a d2l.ai section', () => {
    for (const topic of beyond) {
      assert.ok(topic.text.en.startsWith('*This topic is not from the lecture notes'), `${topic.id}: ## en`);
      assert.ok(topic.text.fr.startsWith("*Cette fiche n'est pas tirée des notes du cours"), `${topic.id}: ## fr`);
      assert.match(topic.beyondNotes?.url ?? '', /^https:\/\/d2l\.ai\/chapter_/, topic.id);
      assert.ok((topic.beyondNotes?.d2l ?? '').includes(' › '), `${topic.id}: d2l is "Chapter › Section"`);
    }
  });

  test('each links the closest topics of the notes', () => {
    for (const topic of beyond) {
      assert.ok(topic.related.some((id) => !knowledge.topic(id).beyondNotes), `${topic.id} links no topic of the notes`);
    }
  });

  test('the symbols the issue names are recognised as their topic', () => {
    for (const [language, symbol, topic] of BEYOND_NOTES_SYMBOLS) {
      assert.equal(findTopicForSymbol(language, symbol), topic, `${language} ${symbol}`);
    }
  });
});
