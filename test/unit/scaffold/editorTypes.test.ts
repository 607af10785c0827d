/** Which packages the editor needs for a generated module, and whether the workspace already has them. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { runCli } from '../../../src/cli/cli';
import { defaultOptions } from '../../../src/scaffold/core/choices';
import { installCommand, typePackagesFor, unresolvedPackages } from '../../../src/scaffold/core/editorTypes';
import { generateModule } from '../../../src/scaffold/core/templates/index';

describe('editor types of a generated module', () => {
  test('tfjs for every template; @types/node only where the module reads a file', () => {
    assert.deepEqual(typePackagesFor(generateModule(defaultOptions('spiral'))), ['@tensorflow/tfjs']);
    assert.deepEqual(typePackagesFor(generateModule(defaultOptions('iris'))), ['@tensorflow/tfjs', '@types/node']);
  });

  test('reads import statements only, including subpaths and double quotes', () => {
    const source = ['import * as tf from "@tensorflow/tfjs/dist/index";', "import { readFileSync } from 'node:fs';", "import type { Foo } from './foo';"];
    assert.deepEqual(typePackagesFor(source.join('\n')), ['@tensorflow/tfjs', '@types/node']);
    const mentions = ["// import * as fs from 'node:fs'", 'const text = "import * as tf from \'@tensorflow/tfjs\'";'];
    assert.deepEqual(typePackagesFor(mentions.join('\n')), []);
  });

  test('a package is resolved from the directory or any parent, as Node and TypeScript look it up', () => {
    const present = new Set([path.join('/work', 'node_modules', '@tensorflow', 'tfjs', 'package.json')]);
    const exists = (file: string) => present.has(file);
    assert.deepEqual(unresolvedPackages(['@tensorflow/tfjs', '@types/node'], '/work/project/models', exists), ['@types/node']);
    assert.deepEqual(unresolvedPackages(['@tensorflow/tfjs'], '/elsewhere', exists), ['@tensorflow/tfjs']);
  });

  test('the install command adds development dependencies only', () => {
    assert.equal(installCommand(['@tensorflow/tfjs', '@types/node']), 'npm install --save-dev @tensorflow/tfjs @types/node');
  });
});

describe('deepscope new outside a project with node_modules', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deepscope-types-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('says how to give the editor its types, and that training does not need them', async () => {
    const out: string[] = [];
    const code = await runCli(['new', 'iris', 'iris-model.ts'], { cwd: dir, out: (t) => out.push(t), err: () => undefined });
    assert.equal(code, 0);
    assert.equal(
      out.at(-1),
      "For types and completion in an editor without DeepScope (not needed to train): npm install --save-dev @tensorflow/tfjs @types/node",
    );
    assert.deepEqual(fs.readdirSync(dir).sort(), ['iris-model.ts', 'iris.csv'], 'nothing is installed or added');
  });
});
