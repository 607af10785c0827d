import katex from 'katex';
import MarkdownIt from 'markdown-it';
import { mathPlugin } from './mathPlugin';

/**
 * Markdown with raw HTML off (every `<` in a note is shown as text), no images (nothing to fetch:
 * the CSP allows none from outside), and formulas typeset by KaTeX. Invalid LaTeX does not throw:
 * KaTeX shows its source in the error colour. `trust` stays off, so \href and friends do nothing.
 */
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false }).disable('image');
markdown.use(mathPlugin, (tex: string, display: boolean) =>
  katex.renderToString(tex, { displayMode: display, throwOnError: false, trust: false, output: 'htmlAndMathml' }),
);

/** A note's text (Markdown with `$…$` / `$$…$$` LaTeX) as HTML. Pure, so it is unit-tested in Node. */
export function renderMarkdown(text: string): string {
  return markdown.render(text);
}
