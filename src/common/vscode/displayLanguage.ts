import * as vscode from 'vscode';
import type { Language } from '../core/language';
import { useMessages } from '../core/messages';
import { isFrenchLocale } from '../../notes/core/language';

/** VS Code's display language, which DeepScope's own wording follows (the explanations follow `deepscope.language`). */
export function displayLanguage(): Language {
  return isFrenchLocale(vscode.env.language) ? 'fr' : 'en';
}

/**
 * The cores the extension shares with the CLI, and the engine processes it starts, speak through `@vscode/l10n`:
 * hand it the bundle VS Code loaded for its display language (none in English).
 */
export function useDisplayLanguageMessages(): void {
  useMessages(vscode.l10n.bundle);
}
