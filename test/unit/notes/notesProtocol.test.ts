/** Every message from the notes webview is validated before the host acts on it. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFromNotes, parseNotesState } from '../../../src/notes/core/notesProtocol';

describe('parseFromNotes', () => {
  test('accepts the three messages the viewer sends', () => {
    assert.deepEqual(parseFromNotes({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseFromNotes({ type: 'openTopic', topic: 'init-he' }), { type: 'openTopic', topic: 'init-he' });
    assert.deepEqual(parseFromNotes({ type: 'setLanguage', language: 'fr' }), { type: 'setLanguage', language: 'fr' });
  });

  test('keeps only the known fields', () => {
    assert.deepEqual(parseFromNotes({ type: 'openTopic', topic: 'init-he', command: 'workbench.action.terminal.new' }), {
      type: 'openTopic',
      topic: 'init-he',
    });
  });

  test('drops unknown topics, languages, types and shapes', () => {
    for (const value of [
      { type: 'openTopic', topic: 'no-such-topic' },
      { type: 'openTopic', topic: ['init-he'] },
      { type: 'openTopic' },
      { type: 'setLanguage', language: 'de' },
      { type: 'setLanguage', language: 'FR' },
      { type: 'executeCommand', command: 'deepscope.trainModel' },
      { type: 'toString' },
      ['ready'],
      'ready',
      null,
      undefined,
      42,
    ]) {
      assert.equal(parseFromNotes(value), undefined, JSON.stringify(value));
    }
  });
});

describe('parseNotesState', () => {
  test('reads the saved topic and language', () => {
    assert.deepEqual(parseNotesState({ topic: 'optim-nesterov', language: 'fr' }), { topic: 'optim-nesterov', language: 'fr' });
  });

  test('rejects a state that names no known topic or language', () => {
    assert.equal(parseNotesState(undefined), undefined);
    assert.equal(parseNotesState({}), undefined);
    assert.equal(parseNotesState({ topic: 'optim-nesterov' }), undefined);
    assert.equal(parseNotesState({ topic: '../../etc/passwd', language: 'en' }), undefined);
    assert.equal(parseNotesState({ topic: 'optim-nesterov', language: 'es' }), undefined);
  });
});
