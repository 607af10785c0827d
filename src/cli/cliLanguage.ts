/**
 * The language of the CLI's explanations (findings' messages and fixes): `--lang en|fr` anywhere before `--`,
 * else the environment's locale (LC_ALL, then LC_MESSAGES, then LANG, as gettext reads them), else English.
 */
import type { Language } from '../common/core/language';
import { isFrenchLocale } from '../notes/core/language';
import { UsageError } from './io';

export function localeLanguage(env: NodeJS.ProcessEnv): Language {
  return isFrenchLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG || '') ? 'fr' : 'en';
}

/** Takes `--lang X` / `--lang=X` out of a command's own arguments (a program's, after `--`, are left alone). */
export function takeLanguage(args: readonly string[], env: NodeJS.ProcessEnv): { language: Language; args: string[] } {
  const end = args.includes('--') ? args.indexOf('--') : args.length;
  const own = [...args.slice(0, end)];
  let language: Language | undefined;
  for (let i = own.length - 1; i >= 0; i--) {
    const match = /^--lang(?:=(.*))?$/.exec(own[i]);
    if (!match) continue;
    const value = match[1] ?? own[i + 1];
    if (value !== 'en' && value !== 'fr') throw new UsageError(`--lang takes en or fr, got ${value === undefined ? 'nothing' : JSON.stringify(value)}`);
    language ??= value;
    own.splice(i, match[1] === undefined ? 2 : 1);
  }
  return { language: language ?? localeLanguage(env), args: [...own, ...args.slice(end)] };
}
