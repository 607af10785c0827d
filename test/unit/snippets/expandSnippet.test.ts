/** The test helper that expands snippet bodies: it reads them the way VS Code's SnippetParser does. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { expandSnippet, parseSnippet, SnippetSyntaxError, tabStopIndices } from './expandSnippet';

describe('expandSnippet helper', () => {
  test('expands placeholders, mirrors, choices and escapes the way VS Code does', () => {
    assert.equal(expandSnippet('a ${1:x} b $1 c ${2|p,q|} $2 $3$0'), 'a x b x c p p ');
    assert.equal(expandSnippet('$1 then ${1:later}'), 'later then later');
    assert.equal(expandSnippet('${1:outer ${2:inner}} $2'), 'outer inner inner');
    assert.equal(expandSnippet(['const s = `\\${name}`;', 'cost: \\$5 } \\\\ \\n']), 'const s = `${name}`;\ncost: $5 } \\ \\n');
    assert.equal(expandSnippet('${1|a\\,b,c|}'), 'a,b');
    assert.deepEqual(tabStopIndices(parseSnippet('$3 ${1:a ${2:b}} $0')), [0, 1, 2, 3]);
  });

  test('rejects what VS Code would read differently', () => {
    for (const bad of ['`${name}`', '$TM_FILENAME', 'cost $', '$(x)', '${1:open', '${1|a,b}', '${1/a/b/}', '${x:y}']) {
      assert.throws(() => parseSnippet(bad), SnippetSyntaxError, bad);
    }
  });
});
