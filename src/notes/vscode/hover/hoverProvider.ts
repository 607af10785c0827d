import * as vscode from 'vscode';
import { getKnowledge } from '../../core/knowledge';
import { explanationLanguage } from '../../../common/vscode/settings';
import { matchSymbolAt } from '../../core/lookup';
import { OPEN_NOTE_COMMAND } from '../../core/noteLinks';
import type { SourceDialect } from '../../../syntax/lexer';
import { renderHover } from '../../core/renderHover';

/** Editor languages with DL code DeepScope knows: tfjs in TS/JS, Keras and PyTorch in Python. */
export const HOVER_LANGUAGES: Readonly<Record<string, SourceDialect>> = {
  typescript: 'js',
  javascript: 'js',
  typescriptreact: 'js',
  javascriptreact: 'js',
  python: 'python',
};

/** Lines after the hovered one that are scanned, for call arguments spread over several lines. */
const LOOKAHEAD_LINES = 8;
/** Lines before it, to find the call a hovered argument (`nesterov=True,` on its own line) belongs to. */
const LOOKBEHIND_LINES = 8;
/** Longer lines are minified or generated code: no hover, rather than tokenising megabytes. */
const MAX_LINE_LENGTH = 4000;

/**
 * Hovers on DL symbols show the topic of the notes that explains them. Only the hovered line and a
 * few lines after it are read, and no workspace code runs, so it is cheap and safe in Restricted Mode.
 */
export class NoteHoverProvider implements vscode.HoverProvider {
  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const dialect = HOVER_LANGUAGES[document.languageId];
    const line = document.lineAt(position.line).text;
    if (!dialect || line.length > MAX_LINE_LENGTH) {
      return undefined;
    }
    const first = firstContextLine(document, position.line);
    const last = Math.min(document.lineCount - 1, position.line + LOOKAHEAD_LINES);
    const windowStart = new vscode.Position(first, 0);
    const text = document.getText(new vscode.Range(windowStart, document.lineAt(last).range.end));
    const lineStart = document.offsetAt(new vscode.Position(position.line, 0)) - document.offsetAt(windowStart);
    const knowledge = getKnowledge();
    const match = matchSymbolAt(text, lineStart + position.character, dialect, knowledge, lineStart);
    if (!match) {
      return undefined;
    }
    const language = explanationLanguage();
    const markdown = new vscode.MarkdownString(renderHover(knowledge.topic(match.topic), language, (id) => knowledge.topic(id).title[language]));
    // Trusted for the note link only: no other command can be run from a hover.
    markdown.isTrusted = { enabledCommands: [OPEN_NOTE_COMMAND] };
    const base = document.offsetAt(windowStart);
    const range = new vscode.Range(document.positionAt(base + match.start), document.positionAt(base + match.end));
    return new vscode.Hover(markdown, range);
  }
}

/** The first line of the look-behind, stopping after a line too long to be hand-written code. */
function firstContextLine(document: vscode.TextDocument, line: number): number {
  let first = line;
  while (first > 0 && line - first < LOOKBEHIND_LINES && document.lineAt(first - 1).text.length <= MAX_LINE_LENGTH) {
    first -= 1;
  }
  return first;
}
