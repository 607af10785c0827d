import type { Language } from './topic';

/** The `deepscope.language` setting: follow VS Code, or force one language. */
export type LanguageSetting = 'auto' | 'en' | 'fr';

/**
 * The language notes are shown in. `auto` follows VS Code's display language (`vscode.env.language`,
 * e.g. `fr`, `fr-ca`): any French locale gives French, everything else English, the notes' other language.
 */
export function pickLanguage(vscodeLanguage: string, setting: LanguageSetting): Language {
  if (setting === 'en' || setting === 'fr') {
    return setting;
  }
  return isFrenchLocale(vscodeLanguage) ? 'fr' : 'en';
}

/** `fr`, `fr-ca`, `fr_FR.UTF-8`, `fr@euro`: French; `fry` (Frisian) and everything else: not. */
export function isFrenchLocale(locale: string): boolean {
  return /^fr([_.@-]|$)/i.test(locale);
}

/** Reads a raw setting value; anything unexpected counts as `auto`. */
export function asLanguageSetting(value: unknown): LanguageSetting {
  return value === 'en' || value === 'fr' ? value : 'auto';
}
