/** What `deepscope.openNote` does with its argument: open a topic, say an id is unknown, or let the user pick. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readNoteArgument } from '../../../src/notes/core/noteArgument';

test('a topic id opens that topic (hovers, diagnostics and the dashboard pass one)', () => {
  assert.deepEqual(readNoteArgument('init-he'), { kind: 'topic', topic: 'init-he' });
});

test('an unknown id is reported, trimmed and shortened for the message', () => {
  assert.deepEqual(readNoteArgument(' init-hee '), { kind: 'unknown', id: 'init-hee' });
  const long = readNoteArgument('x'.repeat(500));
  assert.equal(long.kind, 'unknown');
  assert.ok(long.kind === 'unknown' && long.id.length <= 61);
});

test('no argument, an empty string or a non-string (a Uri from a menu) opens the quick pick', () => {
  for (const argument of [undefined, '', '  ', 3, { fsPath: '/a.ts', scheme: 'file' }, ['init-he']]) {
    assert.deepEqual(readNoteArgument(argument), { kind: 'pick' }, JSON.stringify(argument));
  }
});
