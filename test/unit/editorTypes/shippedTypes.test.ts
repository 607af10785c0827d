/**
 * The TypeScript server plugin's resolvers, on a real TypeScript language service over a workspace outside the
 * repository (so no node_modules above it): the examples and every scaffolded module type-check with DeepScope's
 * types alone, and what the workspace installs itself still wins.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import * as ts from 'typescript';
import { ShippedTypes, resolveWithShippedTypes } from '../../../src/editorTypes/core/shippedTypes';
import { generateModule } from '../../../src/scaffold/core/templates/index';
import { CASES } from '../support/scaffoldCases';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const EXAMPLES = path.join(REPO_ROOT, 'examples');
/** Where the built plugin sits relative to DeepScope's node_modules (out/tsserver-plugin/). */
const SHIPPED_FROM = path.join(REPO_ROOT, 'out', 'tsserver-plugin');

const workspaces: string[] = [];
after(() => workspaces.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function scratchWorkspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deepscope-types-'));
  workspaces.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** A language service on `dir`'s tsconfig.json, resolving as tsserver does, with or without the plugin. */
function errorsIn(dir: string, withPlugin: boolean): string[] {
  const config = ts.readConfigFile(path.join(dir, 'tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, dir);
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => parsed.options,
    getScriptFileNames: () => parsed.fileNames,
    getScriptVersion: () => '1',
    getScriptSnapshot: (file) => (fs.existsSync(file) ? ts.ScriptSnapshot.fromString(fs.readFileSync(file, 'utf8')) : undefined),
    getCurrentDirectory: () => dir,
    getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
    fileExists: ts.sys.fileExists,
    readFile: ts.sys.readFile,
    realpath: ts.sys.realpath,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  };
  if (withPlugin) resolveWithShippedTypes(ts, host, new ShippedTypes(ts, SHIPPED_FROM));
  const service = ts.createLanguageService(host);
  const program = service.getProgram();
  assert.ok(program);
  const diagnostics = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];
  for (const file of parsed.fileNames) diagnostics.push(...service.getSyntacticDiagnostics(file), ...service.getSemanticDiagnostics(file));
  return diagnostics
    .filter((d) => d.category === ts.DiagnosticCategory.Error)
    .map((d) => `${d.file ? path.relative(dir, d.file.fileName) : 'tsconfig'}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

function examplesWorkspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deepscope-examples-'));
  workspaces.push(dir);
  fs.cpSync(EXAMPLES, dir, { recursive: true });
  return dir;
}

const TSCONFIG = fs.readFileSync(path.join(EXAMPLES, 'tsconfig.json'), 'utf8');

describe('types DeepScope ships for the editor', () => {
  test('the examples, copied where no node_modules is above them, have no error with the plugin', () => {
    const dir = examplesWorkspace();
    const without = errorsIn(dir, false);
    assert.ok(without.some((e) => e.includes("Cannot find module '@tensorflow/tfjs'")), `without the plugin: ${without.join('\n')}`);
    assert.deepEqual(errorsIn(dir, true), []);
  });

  test('every scaffolded module (every template and option) has no error with the plugin', () => {
    const files: Record<string, string> = { 'tsconfig.json': TSCONFIG };
    for (const [name, options] of Object.entries(CASES)) files[`models/${name}.ts`] = generateModule(options);
    assert.deepEqual(errorsIn(scratchWorkspace(files), true), []);
  });

  test('`types: ["node"]` in a tsconfig resolves to DeepScope\'s @types/node when the workspace has none', () => {
    const tsconfig = JSON.stringify({ compilerOptions: { strict: true, types: ['node'], noEmit: true } });
    const dir = scratchWorkspace({ 'tsconfig.json': tsconfig, 'main.ts': 'export const cwd: string = process.cwd();\n' });
    assert.ok(errorsIn(dir, false).some((e) => e.includes("Cannot find type definition file for 'node'")));
    assert.deepEqual(errorsIn(dir, true), []);
  });

  test('a package the workspace installs itself wins over DeepScope\'s copy', () => {
    const dir = scratchWorkspace({
      'tsconfig.json': TSCONFIG,
      'node_modules/@tensorflow/tfjs/package.json': JSON.stringify({ name: '@tensorflow/tfjs', version: '0.0.1', types: 'index.d.ts' }),
      'node_modules/@tensorflow/tfjs/index.d.ts': 'export declare const onlyInTheWorkspaceCopy: number;\n',
      'main.ts': "import { onlyInTheWorkspaceCopy } from '@tensorflow/tfjs';\nexport const n: number = onlyInTheWorkspaceCopy;\n",
    });
    assert.deepEqual(errorsIn(dir, true), []);
  });

  test('imports DeepScope does not ship stay unresolved', () => {
    const dir = scratchWorkspace({ 'tsconfig.json': TSCONFIG, 'main.ts': "import * as lodash from 'lodash';\nexport const l = lodash;\n" });
    assert.ok(errorsIn(dir, true).some((e) => e.includes("Cannot find module 'lodash'")));
  });
});
