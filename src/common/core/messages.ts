/**
 * The language of DeepScope's own wording outside the editor's side: the CLI, the training and lab
 * processes, and the cores both front ends share (the New Model menus, the broken examples). They speak
 * through `l10n.t` of `@vscode/l10n`, whose French is l10n/bundle.l10n.fr.json, the bundle `vscode.l10n`
 * reads too. English, the source text, needs no bundle.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import type { Language } from './language';

export type MessageBundle = Readonly<Record<string, string>>;

/** How a parent hands its bundle to an engine process (its JSON text; unset: English). */
export const MESSAGES_ENV = 'DEEPSCOPE_L10N_BUNDLE';

let active: MessageBundle | undefined;

/** Speak this bundle's language from now on; undefined: English. */
export function useMessages(bundle: MessageBundle | undefined): void {
  active = bundle;
  l10n.config({ contents: { ...(bundle ?? {}) } });
}

/** The environment an engine process needs to speak as its parent does. */
export function messagesEnv(): NodeJS.ProcessEnv {
  return active === undefined ? {} : { [MESSAGES_ENV]: JSON.stringify(active) };
}

/** In an engine process: the parent's language, from the environment it was given. */
export function useMessagesFromEnv(env: NodeJS.ProcessEnv = process.env): void {
  const text = env[MESSAGES_ENV];
  if (text) useMessages(JSON.parse(text) as MessageBundle);
}

/** The bundle of a language, read from DeepScope's own folder (found by walking up from this module). */
export function bundleOf(language: Language, from: string = __dirname): MessageBundle | undefined {
  if (language === 'en') return undefined;
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'l10n', `bundle.l10n.${language}.json`);
    if (existsSync(candidate) && existsSync(path.join(dir, 'package.json'))) {
      return JSON.parse(readFileSync(candidate, 'utf8')) as MessageBundle;
    }
    if (path.dirname(dir) === dir) throw new Error(`DeepScope: l10n/bundle.l10n.${language}.json not found above ${from}`);
  }
}
