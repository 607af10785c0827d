/** The notes' Markdown and LaTeX as the viewer renders them: formulas typeset, nothing from a note becomes markup. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { getKnowledge } from '../../../src/notes/core';
import { renderMarkdown } from '../../../webviews/notes/markdown';

/** The text a reader sees: tags dropped, and KaTeX's MathML annotation (the TeX source, for screen readers) left out. */
function visibleText(html: string): string {
  return html.replace(/<annotation[\s\S]*?<\/annotation>/g, '').replace(/<[^>]+>/g, '');
}

const count = (html: string, pattern: RegExp) => (html.match(pattern) ?? []).length;

describe('renderMarkdown: formulas', () => {
  test('$…$ is typeset inline and $$…$$ as a display formula', () => {
    const html = renderMarkdown('At step $n$:\n\n$$w_{n+1} \\leftarrow w_n + v_{n+1}$$');
    assert.equal(count(html, /class="katex"/g), 2);
    assert.equal(count(html, /class="katex-display"/g), 1);
    assert.doesNotMatch(visibleText(html), /\$/);
  });

  test('two display formulas on consecutive lines are two display blocks', () => {
    const html = renderMarkdown('$$a = 1$$\n$$b = 2$$');
    assert.equal(count(html, /class="katex-display"/g), 2);
  });

  test('every note of the knowledge base, in both languages, renders with no raw dollar and no KaTeX error', () => {
    for (const topic of getKnowledge().topics) {
      for (const language of ['en', 'fr'] as const) {
        const html = renderMarkdown(topic.text[language]);
        const text = visibleText(html);
        assert.ok(!text.includes('$'), `${topic.id} (${language}) shows a raw $: …${text.slice(text.indexOf('$') - 30, text.indexOf('$') + 30)}…`);
        assert.doesNotMatch(html, /katex-error/, `${topic.id} (${language}) has LaTeX KaTeX cannot typeset`);
        if (topic.text[language].includes('$')) {
          assert.match(html, /class="katex"/, `${topic.id} (${language})`);
        }
      }
    }
  });

  test('invalid LaTeX does not throw: KaTeX shows the source as an error', () => {
    const html = renderMarkdown('broken $\\frac{1}{$ formula');
    assert.match(html, /class="katex-error"/);
  });

  test('escaped dollars, prices and dollars in code stay text', () => {
    assert.equal(visibleText(renderMarkdown('costs \\$5')).trim(), 'costs $5');
    assert.equal(visibleText(renderMarkdown('from $5 to $10')).trim(), 'from $5 to $10');
    const code = renderMarkdown('`$x` and `y$`');
    assert.doesNotMatch(code, /katex/);
    assert.match(code, /<code>\$x<\/code>/);
  });
});

describe('renderMarkdown: no markup from the note itself', () => {
  test('raw HTML is shown as text', () => {
    const html = renderMarkdown('<script>alert(1)</script> <img src=x onerror=alert(1)> <b>bold</b>');
    assert.doesNotMatch(html, /<script|<img|<b>/);
    assert.match(html, /&lt;script&gt;/);
  });

  test('images are not rendered (nothing is fetched) and javascript: links are refused', () => {
    assert.doesNotMatch(renderMarkdown('![x](https://example.invalid/x.png)'), /<img/);
    assert.doesNotMatch(renderMarkdown('[x](javascript:alert(1))'), /href="javascript/);
  });

  test('HTML inside a formula is LaTeX text, and KaTeX\'s \\href stays off (trust is false)', () => {
    const html = renderMarkdown('$<script>$ and $$\\href{javascript:alert(1)}{x}$$');
    assert.doesNotMatch(html, /<script|href="javascript/);
  });

  test('Markdown structure is kept: emphasis, lists, quotes, code', () => {
    const html = renderMarkdown('> **Note.** *gradient* `heNormal`\n\n* one\n* two');
    assert.match(html, /<blockquote>/);
    assert.match(html, /<strong>Note\.<\/strong>/);
    assert.match(html, /<em>gradient<\/em>/);
    assert.match(html, /<code>heNormal<\/code>/);
    assert.equal(count(html, /<li>/g), 2);
  });
});
