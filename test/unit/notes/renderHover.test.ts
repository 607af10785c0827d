/** The Markdown of a note hover (src/notes/core/renderHover.ts, free of `vscode`). */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeMarkdown, renderHover } from '../../../src/notes/core/renderHover';
import { getKnowledge, noteCommandUri } from '../../../src/notes/core';

describe('renderHover', () => {
  const nesterov = getKnowledge().topic('optim-nesterov');

  test('title, summary, key points, recommendation and the note link, in English', () => {
    const markdown = renderHover(nesterov, 'en');
    assert.ok(markdown.startsWith('**Nesterov momentum** · DeepScope\n\n'), markdown);
    assert.ok(markdown.includes(escapeMarkdown(nesterov.summary.en)));
    for (const point of nesterov.keyPoints.en) {
      assert.ok(markdown.includes(`- ${escapeMarkdown(point)}`), point);
    }
    assert.ok(markdown.includes(`**Recommended:** ${escapeMarkdown(nesterov.recommended?.en ?? '')}`));
    assert.ok(markdown.endsWith(`[Read the full note](${noteCommandUri('optim-nesterov')})`), markdown);
  });

  test('in French', () => {
    const markdown = renderHover(nesterov, 'fr');
    assert.ok(markdown.startsWith('**Momentum de Nesterov** · DeepScope'));
    assert.ok(markdown.includes('**Recommandé:**'));
    assert.ok(markdown.endsWith(`[Lire la note complète](${noteCommandUri('optim-nesterov')})`));
  });

  test('no recommendation line when the notes give none', () => {
    const markdown = renderHover(getKnowledge().topic('optim-saddle-points'), 'en');
    assert.ok(!markdown.includes('Recommended'));
  });

  test('a topic beyond the notes says so, links the closest notes and names its d2l.ai section', () => {
    const knowledge = getKnowledge();
    const adam = knowledge.topic('beyond-adam');
    const markdown = renderHover(adam, 'en', (id) => knowledge.topic(id).title.en);
    assert.ok(markdown.startsWith('**Adam** · DeepScope · *beyond the notes*\n\n'), markdown);
    assert.ok(markdown.includes(`**Closest notes:** [SGD with momentum](${noteCommandUri('optim-momentum')})`), markdown);
    assert.ok(markdown.includes('Read more in d2l.ai, the book the notes cite: [Optimization Algorithms › Adam](https://d2l.ai/chapter_optimization/adam.html)'), markdown);
    const french = renderHover(adam, 'fr', (id) => knowledge.topic(id).title.fr);
    assert.ok(french.startsWith('**Adam** · DeepScope · *hors des notes du cours*'), french);
    assert.ok(french.includes('**Notes les plus proches:** [SGD avec inertie \\(momentum\\)]'), french);
    assert.ok(!renderHover(nesterov, 'en').includes('beyond the notes'));
  });

  test('escapes Markdown punctuation in the topic text', () => {
    assert.equal(escapeMarkdown('1 / (1 + k * t) [a_b]'), '1 / \\(1 \\+ k \\* t\\) \\[a\\_b\\]');
    const markdown = renderHover(getKnowledge().topic('lr-inverse-time-decay'), 'en');
    assert.ok(markdown.includes('k \\* t'), 'a `*` of the text would turn into emphasis');
  });
});
