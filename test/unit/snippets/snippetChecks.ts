/**
 * Reading and checking a snippets file contributed in package.json, shared by the tfjs and Python snippet
 * tests: that VS Code reads it as meant (strict JSON, unique names and prefixes, tab stops 1..n and one $0),
 * and that each snippet carries the defaults it promises with a comment naming the lecture-note topic.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { TOPIC_IDS, type TopicId } from '../../../src/notes/core/topicIds';
import { bodyText, expandSnippet, parseSnippet, tabStopIndices } from './expandSnippet';

export const ROOT = path.resolve(__dirname, '../../..');

export interface Snippet {
  readonly prefix: string;
  readonly body: readonly string[];
  readonly description: string;
}

export interface Expectation {
  /** Substrings of the expanded body: the defaults the snippet promises. */
  readonly contains: readonly string[];
  /** Topic ids that must appear in a comment of the expanded body. */
  readonly topics: readonly TopicId[];
  /** What the description must mention. */
  readonly describes: RegExp;
  /** Substrings that must appear in this order (e.g. batch norm before the activation). */
  readonly order?: readonly string[];
}

const KNOWN_TOPICS = new Set<string>(TOPIC_IDS);

export function readSnippets(file: string): Map<string, Snippet> {
  const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
  assert.ok(raw !== null && typeof raw === 'object' && !Array.isArray(raw), `${file}: top level must be an object`);
  const byPrefix = new Map<string, Snippet>();
  for (const [name, value] of Object.entries(raw)) {
    assert.ok(value !== null && typeof value === 'object', `${name}: must be an object`);
    const { prefix, body, description, ...rest } = value as Record<string, unknown>;
    assert.deepEqual(Object.keys(rest), [], `${name}: unexpected keys`);
    assert.ok(typeof prefix === 'string' && /^ds-[a-z0-9-]+$/.test(prefix), `${name}: prefix must be a ds-… string, got ${String(prefix)}`);
    assert.ok(Array.isArray(body) && body.length > 0 && body.every((l) => typeof l === 'string'), `${name}: body must be a non-empty array of strings`);
    assert.ok(typeof description === 'string' && description.trim().length > 20, `${name}: description must say what it inserts`);
    assert.ok(!byPrefix.has(prefix), `prefix ${prefix} is used twice in ${path.basename(file)}`);
    byPrefix.set(prefix, { prefix, body: body as string[], description });
  }
  return byPrefix;
}

/** JSON.parse keeps the last of two equal keys silently; VS Code would lose a snippet the same way. */
export function duplicateTopLevelKeys(file: string): string[] {
  const source = ts.parseJsonText(file, readFileSync(file, 'utf8'));
  const statement = source.statements[0];
  assert.ok(statement && ts.isObjectLiteralExpression(statement.expression), 'top level must be an object');
  const seen = new Set<string>();
  const duplicates: string[] = [];
  for (const property of statement.expression.properties) {
    const name = property.name && ts.isStringLiteral(property.name) ? property.name.text : '?';
    if (seen.has(name)) duplicates.push(name);
    seen.add(name);
  }
  return duplicates;
}
export function checkExpectation(snippet: Snippet, expected: Expectation, comments: (code: string) => string[]): void {
  const code = expandSnippet(snippet.body);
  for (const fragment of expected.contains) {
    assert.ok(code.includes(fragment), `${snippet.prefix}: expanded body lacks ${JSON.stringify(fragment)}\n${code}`);
  }
  if (expected.order) {
    const positions = expected.order.map((fragment) => code.indexOf(fragment));
    assert.ok(positions.every((p) => p >= 0), `${snippet.prefix}: missing one of ${expected.order.join(', ')}`);
    assert.deepEqual(positions, [...positions].sort((a, b) => a - b), `${snippet.prefix}: expected the order ${expected.order.join(' -> ')}`);
  }
  const commentText = comments(code).join('\n');
  for (const topic of expected.topics) {
    assert.ok(commentText.includes(`${topic}:`), `${snippet.prefix}: no comment explains ${topic}`);
  }
  for (const match of commentText.matchAll(/\b([a-z]+(?:-[a-z]+)+):/g)) {
    assert.ok(KNOWN_TOPICS.has(match[1] ?? ''), `${snippet.prefix}: comment names unknown topic ${match[1]}`);
  }
  assert.match(snippet.description, expected.describes, `${snippet.prefix}: description`);
}

export function checkTabStops(snippet: Snippet): void {
  let indices: number[];
  try {
    indices = tabStopIndices(parseSnippet(bodyText(snippet.body)));
  } catch (error) {
    assert.fail(`${snippet.prefix}: VS Code would not read the body as written: ${(error as Error).message}`);
  }
  const numbered = indices.filter((i) => i > 0);
  assert.deepEqual(numbered, numbered.map((_, k) => k + 1), `${snippet.prefix}: tab stops must run 1..n without gaps`);
  assert.ok(numbered.length > 0, `${snippet.prefix}: at least one tab stop to fill`);
  const text = bodyText(snippet.body);
  assert.equal(text.match(/\$0(?!\d)/g)?.length ?? 0, 1, `${snippet.prefix}: exactly one final $0`);
  for (const line of snippet.body) {
    assert.ok(!/^ +\S/.test(line), `${snippet.prefix}: indent with tabs (VS Code converts them to the user's indentation): ${JSON.stringify(line)}`);
  }
}

export function checkCoverage(snippets: Map<string, Snippet>, expectations: Record<string, Expectation>): void {
  assert.deepEqual([...snippets.keys()].sort(), Object.keys(expectations).sort(), 'every snippet has expectations and vice versa');
}
