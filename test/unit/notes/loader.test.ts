/**
 * Loading the knowledge base: where the folder is found from, and the error a broken topic file
 * gives (it must name the file and the field).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { getKnowledge, knowledgeDir, loadKnowledge, TopicFileError } from '../../../src/notes/core';
import { parseTopicFile } from '../../../src/notes/core/topicFile';

const ROOT = path.resolve(__dirname, '../../..');
const TOPICS = path.join(ROOT, 'knowledge', 'topics');
const RELU = readFileSync(path.join(TOPICS, 'activation-relu.md'), 'utf8');

/** Parses a topic file (activation-relu.md unless told) after `edit`, and returns the error message (or fails). */
function errorAfter(edit: (source: string) => string, name = 'activation-relu.md'): string {
  const original = name === 'activation-relu.md' ? RELU : readFileSync(path.join(TOPICS, name), 'utf8');
  const source = edit(original);
  assert.notEqual(source, original, 'the edit changed nothing');
  try {
    parseTopicFile(path.join(TOPICS, name), source);
  } catch (error) {
    assert.ok(error instanceof TopicFileError, `not a TopicFileError: ${String(error)}`);
    return error.message;
  }
  assert.fail('the broken file was accepted');
}

describe('knowledgeDir', () => {
  test('finds knowledge/topics from src/notes/core, from out/ and from out/test/host', () => {
    assert.equal(knowledgeDir(), TOPICS);
    assert.equal(knowledgeDir(path.join(ROOT, 'out')), TOPICS);
    assert.equal(knowledgeDir(path.join(ROOT, 'out', 'test', 'host')), TOPICS);
  });

  test('says where it looked when there is no knowledge folder', () => {
    assert.throws(() => knowledgeDir(os.tmpdir()), /knowledge\/topics not found above/);
  });
});

describe('loadKnowledge', () => {
  let scratch: string;

  before(() => {
    scratch = mkdtempSync(path.join(os.tmpdir(), 'deepscope-knowledge-'));
  });

  after(() => rmSync(scratch, { recursive: true, force: true }));

  test('loads every topic in the order of topicIds.ts, once', () => {
    const knowledge = getKnowledge();
    assert.equal(getKnowledge(), knowledge, 'the knowledge base is loaded once');
    assert.equal(knowledge.topics[0].id, 'activation-sigmoid');
    assert.equal(knowledge.topic('init-he').title.en, 'He initialisation');
    assert.match(knowledge.topic('init-he').text.fr, /\$1\/\(2\.n_\{input\}\)\$/, 'the French text keeps the notes\' LaTeX');
  });

  test('names the missing topic file', () => {
    const dir = path.join(scratch, 'missing');
    mkdirSync(dir);
    cpSync(TOPICS, dir, { recursive: true });
    unlinkSync(path.join(dir, 'optim-nesterov.md'));
    assert.throws(() => loadKnowledge(dir), /optim-nesterov\.md: file: is missing/);
  });

  test('rejects a symbol shared by two topics', () => {
    const dir = path.join(scratch, 'shared');
    mkdirSync(dir);
    cpSync(TOPICS, dir, { recursive: true });
    const file = path.join(dir, 'activation-tanh.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('    - nn.Tanh\n', '    - nn.Tanh\n    - nn.ReLU\n'));
    assert.throws(() => loadKnowledge(dir), /activation-relu\.md: symbols\.pytorch: "nn\.ReLU" is already a symbol of activation-tanh/);
  });
});

describe('topic file validation', () => {
  test('a missing field', () => {
    assert.match(errorAfter((s) => s.replace(/^title_fr:.*\n/m, '')), /^activation-relu\.md: title_fr: is missing$/);
  });

  test('an id that is not in topicIds.ts, or not the file name', () => {
    assert.match(errorAfter((s) => s.replace('id: activation-relu', 'id: activation-relux')), /activation-relu\.md: id: "activation-relux" is not an id/);
    assert.match(errorAfter((s) => s.replace('id: activation-relu', 'id: activation-tanh')), /activation-relu\.md: id: "activation-tanh" does not match the file name/);
  });

  test('a summary longer than two lines, or with LaTeX', () => {
    assert.match(errorAfter((s) => s.replace(/^summary_en: >-\n/m, 'summary_en: |-\n  one\n  two\n')), /summary_en: must fit on 2 lines/);
    assert.match(errorAfter((s) => s.replace(/^summary_fr: >-\n/m, 'summary_fr: >-\n  $x$\n')), /summary_fr: must be plain text/);
  });

  test('too few key points, and a recommendation in one language only', () => {
    assert.match(errorAfter((s) => s.replace(/^key_points_en:\n( {2}- .*\n)+/m, 'key_points_en:\n  - one\n')), /key_points_en: must hold 3 to 5 items, not 1/);
    assert.match(errorAfter((s) => s.replace(/^recommended_fr:.*\n/m, '')), /recommended_fr: give the recommendation in both languages/);
  });

  test('an unknown related id, an unknown API, a symbol that is not code', () => {
    assert.match(errorAfter((s) => s.replace('related: [activation-leaky-relu', 'related: [activation-leaky')), /related\[0\]: "activation-leaky" is not a topic id/);
    assert.match(errorAfter((s) => s.replace('  pytorch:\n', '  jax:\n    - relu\n  pytorch:\n')), /symbols\.jax: unknown API/);
    assert.match(errorAfter((s) => s.replace('    - tf.relu\n', '    - tf.relu +\n')), /symbols\.tfjs\[3\]: unexpected "\+" in "tf\.relu \+"/);
  });

  test('a missing ## en section, broken YAML, an unknown field', () => {
    assert.match(errorAfter((s) => s.replace('\n## en\n', '\n## english\n')), /body: expected the sections "## fr" then "## en", found "## fr", "## english"/);
    assert.match(errorAfter((s) => s.replace('id: activation-relu', 'id: [activation-relu')), /front matter: invalid YAML/);
    assert.match(errorAfter((s) => s.replace('id: activation-relu', 'id: activation-relu\ntitel_en: x')), /titel_en: unknown field/);
    assert.match(errorAfter((s) => s.replace(/^---\n/, '')), /front matter: the file must start with a `---` block/);
  });
});

describe('topics beyond the notes', () => {
  const ADAM_FILE = path.join(TOPICS, 'beyond-adam.md');
  const adamErrorAfter = (edit: (source: string) => string) => errorAfter(edit, 'beyond-adam.md');

  test('read their d2l.ai section', () => {
    assert.deepEqual(parseTopicFile(ADAM_FILE, readFileSync(ADAM_FILE, 'utf8')).beyondNotes, {
      d2l: 'Optimization Algorithms › Adam',
      url: 'https://d2l.ai/chapter_optimization/adam.html',
    });
  });

  test('must name a d2l.ai section and link a topic of the notes', () => {
    assert.match(adamErrorAfter((s) => s.replace(/^beyond_notes:\n.*\n.*\n/m, '')), /beyond-adam\.md: beyond_notes: must be a mapping/);
    assert.match(adamErrorAfter((s) => s.replace('https://d2l.ai/chapter_optimization/adam.html', 'https://example.com/adam')), /beyond_notes\.url: "https:\/\/example\.com\/adam" is not a d2l\.ai section/);
    assert.match(adamErrorAfter((s) => s.replace(/^related: .*$/m, 'related: [beyond-rmsprop]')), /related: a topic beyond the notes must link the closest topics of the notes/);
  });

  test('a topic of the notes cannot claim to be beyond them', () => {
    const marked = `beyond_notes:\n  d2l: Optimization Algorithms › Adam\n  url: https://d2l.ai/chapter_optimization/adam.html\n---\n`;
    assert.match(errorAfter((s) => s.replace(/\n---\n/, `\n${marked}`)), /activation-relu\.md: beyond_notes: only the topics of BEYOND_NOTES_TOPIC_IDS may set it/);
  });
});
