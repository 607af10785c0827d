/** The data the host sends to the viewer for one topic in one language. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getKnowledge } from '../../../src/notes/core';
import { noteView } from '../../../src/notes/core/noteView';

const knowledge = getKnowledge();

test('a note carries the topic\'s fields in the chosen language', () => {
  const topic = knowledge.topic('optim-nesterov');
  for (const language of ['en', 'fr'] as const) {
    const note = noteView(knowledge, 'optim-nesterov', language);
    assert.equal(note.topic, 'optim-nesterov');
    assert.equal(note.language, language);
    assert.equal(note.title, topic.title[language]);
    assert.equal(note.summary, topic.summary[language]);
    assert.deepEqual(note.keyPoints, topic.keyPoints[language]);
    assert.equal(note.recommended, topic.recommended?.[language]);
    assert.equal(note.text, topic.text[language]);
  }
});

test('related topics come with their titles in the same language, in the topic\'s order', () => {
  const note = noteView(knowledge, 'optim-nesterov', 'fr');
  assert.deepEqual(
    note.related,
    knowledge.topic('optim-nesterov').related.map((id) => ({ topic: id, title: knowledge.topic(id).title.fr })),
  );
  assert.equal(note.related[0].title, 'SGD avec inertie (momentum)');
});

test('symbols are listed per framework, tfjs then Keras then PyTorch, leaving out frameworks without any', () => {
  assert.deepEqual(
    noteView(knowledge, 'init-he', 'en').symbols.map((entry) => entry.api),
    ['tfjs', 'keras', 'pytorch'],
  );
  for (const topic of knowledge.topics) {
    for (const entry of noteView(knowledge, topic.id, 'en').symbols) {
      assert.ok(entry.code.length > 0, `${topic.id}: empty ${entry.api} list sent`);
    }
  }
});

test('a note is plain data: it survives structured cloning (postMessage) unchanged', () => {
  const note = noteView(knowledge, 'batch-norm', 'en');
  assert.deepEqual(structuredClone(note), note);
});

test('a topic beyond the notes carries its d2l.ai section, so the viewer marks it; a note of the course does not', () => {
  assert.deepEqual(noteView(knowledge, 'beyond-lstm-gru', 'fr').beyondNotes, knowledge.topic('beyond-lstm-gru').beyondNotes);
  assert.equal(noteView(knowledge, 'optim-nesterov', 'en').beyondNotes, undefined);
});
