import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { stringContent } from '../../../src/syntax/token';
import { Source } from '../../../src/lint/core/scan/source';
import { blockOf, constantValue, enclosingDefinition } from '../../../src/lint/core/scan/structure';
import { code } from './helpers';

const names = (source: Source): string[] => source.tokens.filter((t) => t.kind === 'name').map((t) => t.text);

describe('lexer: TypeScript/JavaScript', () => {
  test('drops line and block comments', () => {
    const source = new Source("a // b c\n/* d\n e */ f", 'typescript');
    assert.deepEqual(names(source), ['a', 'f']);
  });

  test('keeps strings whole, with escapes, and a template literal with its holes', () => {
    const source = new Source("x('it\\'s', \"q\\\"\", `t ${ { a: '}' }.a } ${`in`}`) y", 'javascript');
    assert.deepEqual(names(source), ['x', 'y']);
    assert.deepEqual(source.tokens.filter((t) => t.kind === 'string').map(stringContent), ["it\\'s", 'q\\"', "t ${ { a: '}' }.a } ${`in`}"]);
  });

  test('reads a regex literal after an operator, a division after a value', () => {
    const source = new Source("const r = /[/]relu'/g; const d = a / b / c;", 'typescript');
    assert.deepEqual(source.tokens.filter((t) => t.kind === 'regex').map((t) => t.text), ["/[/]relu'/g"]);
    assert.deepEqual(names(source), ['const', 'r', 'const', 'd', 'a', 'b', 'c']);
  });

  test('an unterminated string stops at the end of its line', () => {
    const source = new Source("f('abc\ng(1)", 'typescript');
    assert.deepEqual(names(source), ['f', 'g']);
  });
});

describe('lexer: Python', () => {
  test('drops # comments, keeps prefixed and triple-quoted strings whole', () => {
    const source = new Source('a = rb"x#y"  # c\n"""d\n# e\n""" + f\'{g}\' + u\'\'\'h\'\'\'', 'python');
    assert.deepEqual(names(source), ['a']);
    assert.deepEqual(source.tokens.filter((t) => t.kind === 'string').map(stringContent), ['x#y', 'd\n# e\n', '{g}', 'h']);
  });

  test('reads == and // as operators, not = and a comment', () => {
    const source = new Source('a == b // 2', 'python');
    assert.deepEqual(source.tokens.map((t) => t.text), ['a', '==', 'b', '//', '2']);
  });
});

describe('calls and their arguments', () => {
  test('finds dotted callees with keyword and positional arguments', () => {
    const source = new Source('layers.Dense(64, activation="relu", kernel_initializer=init(1, 2))', 'python');
    const dense = source.calls.find((c) => c.callee === 'layers.Dense');
    assert.ok(dense);
    assert.deepEqual(dense.args.map((a) => [a.key, source.textOf(a.value)]), [
      [undefined, '64'],
      ['activation', '"relu"'],
      ['kernel_initializer', 'init(1, 2)'],
    ]);
  });

  test('reads an object-literal argument as keyed entries', () => {
    const source = new Source("tf.layers.dense({ units: 8, 'activation': 'relu', ...rest })", 'typescript');
    const [config] = source.calls[0].args;
    assert.deepEqual(source.objectOf(config)?.map((e) => e.key), ['units', 'activation', undefined]);
  });

  test('marks method calls on expressions and skips declarations and keywords', () => {
    const source = new Source('function f(a) { if (a) { g(a)[0].h(1); } }', 'javascript');
    assert.deepEqual(source.calls.map((c) => [c.callee, c.member]), [['g', false], ['h', true]]);
  });

  test('survives unbalanced brackets while the user types', () => {
    const source = new Source('model.add(tf.layers.dense({ units: 4 )\nfoo(1)]', 'typescript');
    assert.ok(source.calls.some((c) => c.callee === 'foo'));
  });
});

describe('Python structure', () => {
  const text = code`
    EPOCHS = 50
    epochs, batch = 30, 32
    class Net:
        def build(self):
            if True:
                x = Dense(4)
    for epoch in range(EPOCHS):
        step()
        more(1,
             2)
    done()
  `;
  const source = new Source(text, 'python');
  const index = (name: string): number => source.tokens.findIndex((t) => t.text === name);

  test('finds the def around a token, through nested blocks', () => {
    assert.equal(source.tokens[enclosingDefinition(source, index('Dense'))].text, 'def');
    assert.equal(enclosingDefinition(source, index('done')), -1);
  });

  test('finds the end of a loop body, across a multi-line statement', () => {
    const block = blockOf(source, source.tokens.findIndex((t) => t.text === 'for'));
    assert.ok(block);
    assert.equal(block.indent, '    ');
    assert.equal(source.tokens[block.last].text, ')');
    assert.equal(source.lineStart(source.tokens[block.last].start), text.indexOf('         2)'));
  });

  test('reads simple and tuple numeric constants', () => {
    assert.equal(constantValue(source, 'EPOCHS'), 50);
    assert.equal(constantValue(source, 'epochs'), 30);
    assert.equal(constantValue(source, 'batch'), 32);
    assert.equal(constantValue(source, 'x'), undefined);
  });
});
