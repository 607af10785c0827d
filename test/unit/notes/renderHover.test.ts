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

  test('escapes Markdown punctuation in the topic text', () => {
    assert.equal(escapeMarkdown('1 / (1 + k * t) [a_b]'), '1 / \\(1 \\+ k \\* t\\) \\[a\\_b\\]');
    const markdown = renderHover(getKnowledge().topic('lr-inverse-time-decay'), 'en');
    assert.ok(markdown.includes('k \\* t'), 'a `*` of the text would turn into emphasis');
  });
});
