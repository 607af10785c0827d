import type { MarkdownIt, StateInline } from 'markdown-it';

/** Renders one formula to HTML; `display` for `$$…$$`, inline for `$…$`. */
export type RenderMath = (tex: string, display: boolean) => string;

const DOLLAR = 0x24;
const BACKSLASH = 0x5c;

/**
 * A markdown-it plugin for the notes' LaTeX: `$…$` inline and `$$…$$` display formulas, found by an
 * inline rule (the notes put display formulas on their own lines inside paragraphs, one per line).
 * markdown-it already stops its text runs at `$`, handles `\$` as an escaped dollar before this rule
 * sees it, and keeps `$` inside code spans literal.
 */
export function mathPlugin(md: MarkdownIt, render: RenderMath): void {
  md.inline.ruler.before('escape', 'math', mathRule);
  md.renderer.rules.math_inline = (tokens, index) => render(tokens[index].content, false);
  md.renderer.rules.math_display = (tokens, index) => render(tokens[index].content, true);
}

function mathRule(state: StateInline, silent: boolean): boolean {
  const { src, pos, posMax } = state;
  if (src.charCodeAt(pos) !== DOLLAR) return false;
  const display = src.charCodeAt(pos + 1) === DOLLAR;
  const delimiter = display ? '$$' : '$';
  const start = pos + delimiter.length;
  const end = closingDelimiter(src, start, posMax, delimiter);
  if (end < 0) return false;
  const tex = src.slice(start, end);
  if (!(display ? tex.trim() !== '' : looksLikeInlineMath(tex, src.charCodeAt(end + 1)))) return false;
  if (!silent) {
    const token = state.push(display ? 'math_display' : 'math_inline', 'math', 0);
    token.content = tex.trim();
    token.markup = delimiter;
  }
  state.pos = end + delimiter.length;
  return true;
}

/** Index of the closing delimiter at or after `from`, skipping `\`-escaped characters; -1 if none. */
function closingDelimiter(src: string, from: number, max: number, delimiter: string): number {
  for (let i = from; i + delimiter.length <= max; i += 1) {
    if (src.charCodeAt(i) === BACKSLASH) {
      i += 1;
    } else if (src.startsWith(delimiter, i)) {
      return i;
    }
  }
  return -1;
}

/**
 * Pandoc's rule for inline math: no space just inside the dollars and no digit right after the
 * closing one, so prices such as "$5 and $10" stay text. A backtick means the dollars belong to
 * code spans (`$x` and `y$`), which win.
 */
function looksLikeInlineMath(tex: string, after: number): boolean {
  return tex !== '' && tex.trim() === tex && !tex.includes('`') && !(after >= 0x30 && after <= 0x39);
}
