/** The rows of "DeepScope: Open Lecture Note…": every topic, the ones searchTopics finds always shown. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getKnowledge } from '../../../src/notes/core';
import { topicPicks } from '../../../src/notes/core/topicPicks';

const { topics } = getKnowledge();
/** The topics shown whatever VS Code's own filter matches. */
const shown = (query: string, language: 'en' | 'fr' = 'en') =>
  topicPicks(topics, query, language).filter((pick) => pick.alwaysShow).map((pick) => pick.topic);

test('every topic, in the notes\' order, titled and summarised in the display language', () => {
  const picks = topicPicks(topics, '', 'fr');
  assert.deepEqual(picks.map((pick) => pick.topic), topics.map((topic) => topic.id));
  assert.ok(picks.every((pick) => pick.alwaysShow));
  const relu = picks.find((pick) => pick.topic === 'activation-relu');
  const topic = topics.find((entry) => entry.id === 'activation-relu');
  assert.equal(relu?.label, topic?.title.fr);
  assert.equal(relu?.detail, topic?.summary.fr);
  assert.equal(relu?.description, 'activation-relu');
});

test('the rows never move with the query: VS Code identifies the accepted row by its index', () => {
  for (const query of ['', 'Nesterov', 'zigzag', 'xylophone']) {
    assert.deepEqual(topicPicks(topics, query, 'en').map((pick) => pick.topic), topics.map((topic) => topic.id), query);
  }
});

test('a title word shows its note and the notes that mention it, not the others', () => {
  assert.deepEqual(shown('Nesterov'), ['optim-nesterov']);
  assert.deepEqual(new Set(shown('momentum')), new Set(['optim-momentum', 'optim-nesterov', 'optim-sgd', 'beyond-adam', 'beyond-rmsprop']));
});

test('a word of the full text shows its note, even when it is in no title or summary', () => {
  // "zigzag" is in the momentum note's text and key points, not in its title or summary.
  assert.deepEqual(shown('zigzag'), ['optim-momentum']);
});

test('API names, French words and accents find notes from an English display', () => {
  assert.ok(shown('kaiming_normal_').includes('init-he'));
  assert.deepEqual(shown('régularisation'), shown('regularisation'));
  assert.ok(shown('inertie', 'en').includes('optim-momentum'));
});

test('topics beyond the notes say so in their row', () => {
  const adam = topicPicks(topics, '', 'en').find((pick) => pick.topic === 'beyond-adam');
  assert.equal(adam?.description, 'beyond-adam · beyond the notes');
  assert.equal(topicPicks(topics, '', 'fr').find((pick) => pick.topic === 'beyond-adam')?.description, 'beyond-adam · hors des notes du cours');
  assert.equal(topicPicks(topics, '', 'en').find((pick) => pick.topic === 'optim-momentum')?.description, 'optim-momentum');
});

test('a query matching nothing shows no row', () => {
  assert.deepEqual(shown('xylophone'), []);
});
