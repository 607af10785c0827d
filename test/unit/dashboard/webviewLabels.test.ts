/**
 * Each webview's own words live in one table per view, in English and French: none may be missing or empty in
 * one language, and the placeholders a text fills must be the same in both.
 */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { LABELS as DASHBOARD, fill } from '../../../webviews/dashboard/labels';
import { LABELS as LAB } from '../../../webviews/labs/labels';
import { LABELS as NOTES } from '../../../webviews/notes/labels';

/** Every text of a table, by its dotted path ("status.running"). */
function leaves(value: unknown, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  if (typeof value === 'string') return found.set(prefix, value);
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    for (const [path, text] of leaves(child, prefix ? `${prefix}.${key}` : key)) found.set(path, text);
  }
  return found;
}

const placeholders = (text: string): string[] => [...text.matchAll(/\{\d+\}/g)].map((match) => match[0]).sort();

function assertSameKeys(view: string, english: unknown, french: unknown): void {
  const en = leaves(english);
  const fr = leaves(french);
  assert.deepEqual([...en.keys()].filter((key) => !fr.has(key)), [], `${view}: missing in French`);
  assert.deepEqual([...fr.keys()].filter((key) => !en.has(key)), [], `${view}: missing in English`);
  for (const [key, text] of [...en, ...fr]) assert.notEqual(text.trim(), '', `${view}: ${key} is empty`);
  for (const [key, text] of en) assert.deepEqual(placeholders(fr.get(key) ?? ''), placeholders(text), `${view}: ${key}`);
}

test('the dashboard says each of its words in English and in French', () => {
  assertSameKeys('dashboard', DASHBOARD.en, DASHBOARD.fr);
  const en = leaves(DASHBOARD.en);
  const fr = leaves(DASHBOARD.fr);
  const same = [...en].filter(([key, text]) => fr.get(key) === text).map(([key]) => key);
  // Names and symbols (backend, activation, min, max, Gradients) read the same in both languages; sentences do not.
  assert.ok(same.length < en.size / 5, `French copies English: ${same.join(', ')}`);
});

test('the lab and note viewers say each of their words in both languages', () => {
  assertSameKeys('notes', NOTES.en, NOTES.fr);
  const lab = Object.entries(LAB);
  assertSameKeys('labs', Object.fromEntries(lab.map(([key, words]) => [key, words.en])), Object.fromEntries(lab.map(([key, words]) => [key, words.fr])));
});

test('fill puts values in their places and leaves unknown ones', () => {
  assert.equal(fill(DASHBOARD.fr.epoch, 3, 20), 'époque 3/20');
  assert.equal(fill('{0} · {1}', 'a'), 'a · {1}');
});
