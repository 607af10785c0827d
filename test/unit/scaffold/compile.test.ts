/** Every template, under many option combinations, produces a module that compiles under `tsc --strict`. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import * as ts from 'typescript';
import { generateModule } from '../../../src/scaffold/core/templates/index';
import { makeWorkDir, removeWorkDir } from '../support/generatedModules';
import { CASES } from '../support/scaffoldCases';

const dir = makeWorkDir('compile');
after(() => removeWorkDir(dir));

/** One program over all files is much faster than one tsc run per file. */
function typecheck(files: readonly string[]): string[] {
  const program = ts.createProgram(files, {
    strict: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    noImplicitReturns: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: ['node'],
    skipLibCheck: true,
  });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
    const name = d.file ? path.basename(d.file.fileName) : '';
    return `${name}:${where ? where.line + 1 : '?'}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

const BROKEN = 'broken.ts';
let problems: string[] = [];

before(() => {
  const files = Object.entries(CASES).map(([name, options]) => {
    const file = path.join(dir, `${name}.ts`);
    fs.writeFileSync(file, generateModule(options));
    return file;
  });
  assert.ok(files.length >= 14);
  // A deliberately broken module in the same program proves the check can fail.
  const broken = path.join(dir, BROKEN);
  fs.writeFileSync(broken, generateModule(CASES.spiral!).replace('tf.train.momentum(', 'tf.train.momentun('));
  problems = typecheck([...files, broken]);
});

test('every generated module compiles under tsc --strict (plus noUnused*, noImplicitReturns)', () => {
  assert.deepEqual(problems.filter((p) => !p.startsWith(`${BROKEN}:`)), []);
});

test('the type check catches a broken module (so the test above can fail)', () => {
  const found = problems.filter((p) => p.startsWith(`${BROKEN}:`));
  assert.equal(found.length, 1);
  assert.match(found[0] ?? '', /momentun/);
});
