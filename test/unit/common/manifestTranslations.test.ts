/**
 * The manifest speaks English and French: every text a user reads in package.json (command titles, settings)
 * is a %key% with its string in package.nls.json and in package.nls.fr.json.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../../support/paths';

const read = (file: string): Record<string, unknown> => JSON.parse(readFileSync(path.join(REPO_ROOT, file), 'utf8')) as Record<string, unknown>;
const manifest = read('package.json');
const english = read('package.nls.json');
const french = read('package.nls.fr.json');

/** Fields of the manifest VS Code shows to users. */
const USER_TEXT = new Set(['displayName', 'description', 'title', 'shortTitle', 'category', 'markdownDescription', 'enumDescriptions', 'markdownEnumDescriptions', 'label', 'altText']);

/** Every user-visible string of the manifest, with where it is. */
function userTexts(value: unknown, where: string, out: [string, string][] = []): [string, string][] {
  if (Array.isArray(value)) value.forEach((item, i) => userTexts(item, `${where}[${i}]`, out));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, field] of Object.entries(value)) {
      const at = `${where}.${key}`;
      if (USER_TEXT.has(key) && typeof field === 'string') out.push([at, field]);
      else if (USER_TEXT.has(key) && Array.isArray(field)) field.forEach((text, i) => typeof text === 'string' && out.push([`${at}[${i}]`, text]));
      else userTexts(field, at, out);
    }
  }
  return out;
}

const texts = userTexts({ displayName: manifest.displayName, description: manifest.description, contributes: manifest.contributes }, 'package.json');

test('every text a user reads in the manifest is a translation key', () => {
  assert.ok(texts.length > 30, 'the manifest has its commands and settings');
  const literal = texts.filter(([, text]) => !/^%[\w.-]+%$/.test(text));
  assert.deepEqual(literal, [], 'write these in package.nls.json and package.nls.fr.json, and put %key% in package.json');
});

test('each key has a non-empty string in English and in French, and neither file has keys nobody uses', () => {
  const used = new Set(texts.map(([, text]) => text.slice(1, -1)));
  for (const [name, strings] of [['package.nls.json', english], ['package.nls.fr.json', french]] as const) {
    const missing = [...used].filter((key) => typeof strings[key] !== 'string' || (strings[key] as string).trim() === '');
    assert.deepEqual(missing, [], `missing in ${name}`);
    assert.deepEqual(Object.keys(strings).filter((key) => !used.has(key)), [], `unused in ${name}`);
  }
});

test('French is French: the command titles differ from the English ones', () => {
  const titles = texts.filter(([where]) => /commands\[\d+\]\.title$/.test(where)).map(([, text]) => text.slice(1, -1));
  const untranslated = titles.filter((key) => french[key] === english[key]);
  assert.deepEqual(untranslated, []);
});
