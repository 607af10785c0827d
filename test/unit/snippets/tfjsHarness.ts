/**
 * Compiling and running expanded tfjs snippets in-process, for tfjsSnippets.test.ts:
 * type-checking in-memory files, evaluating schedules and layer fragments with the test's tf instance, and
 * bundling ds-model the way DeepScope's runner does.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import * as ts from 'typescript';
import * as tf from '@tensorflow/tfjs';
import { expandSnippet } from './expandSnippet';
import { ROOT, type Snippet } from './snippetChecks';

/** Text of every comment, found with the TypeScript scanner (so `//` inside strings does not count). */
export function tsComments(code: string): string[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, code);
  const comments: string[] = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.SingleLineCommentTrivia || kind === ts.SyntaxKind.MultiLineCommentTrivia) {
      comments.push(scanner.getTokenText());
    }
  }
  return comments;
}

/** Fragments assume the usual import and a Sequential model named `model`. */
export const FRAGMENT_PRELUDE = "import * as tf from '@tensorflow/tfjs';\nconst model = tf.sequential();\nmodel.add(tf.layers.dense({ inputShape: [8], units: 8 }));\n";

/** The model-module contract (createModel(), loadData(), training), as types the expanded ds-model must satisfy. */
export const CONTRACT_CHECK = `import * as tf from '@tensorflow/tfjs';
import { createModel, loadData, training } from './model';

interface Dataset { x: tf.Tensor; y: tf.Tensor; validation?: { x: tf.Tensor; y: tf.Tensor } }
interface Training {
  epochs: number;
  batchSize: number;
  loss: string | string[];
  metrics?: string[];
  optimizer?: () => tf.Optimizer;
  learningRate?: (epoch: number) => number;
}
export const contract: { createModel: () => tf.LayersModel; loadData: () => Dataset | Promise<Dataset>; training: Training } = {
  createModel,
  loadData,
  training,
};
`;

/** "declared but never read" diagnostics. */
export const UNUSED_CODES = new Set([6133, 6192, 6196, 6198]);

export function formatDiagnostic(d: ts.Diagnostic): string {
  const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
  if (!d.file || d.start === undefined) return `TS${d.code}: ${message}`;
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  return `${path.basename(d.file.fileName)}:${line + 1}:${character + 1} TS${d.code}: ${message}`;
}

/** Type-checks in-memory files (placed inside the repo so `@tensorflow/tfjs` resolves from its node_modules). */
export function typeCheck(files: ReadonlyMap<string, string>): readonly ts.Diagnostic[] {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    strict: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    noImplicitReturns: true,
    noFallthroughCasesInSwitch: true,
    esModuleInterop: true,
    skipLibCheck: true,
    types: [],
    noEmit: true,
  };
  const host = ts.createCompilerHost(options, true);
  const { getSourceFile, fileExists, readFile } = host;
  const virtualDirs = new Set([...files.keys()].map((file) => path.dirname(file)));
  const directoryExists = host.directoryExists?.bind(host);
  host.directoryExists = (dir) => virtualDirs.has(path.resolve(dir)) || (directoryExists?.(dir) ?? true);
  host.fileExists = (fileName) => files.has(path.resolve(fileName)) || fileExists.call(host, fileName);
  host.readFile = (fileName) => files.get(path.resolve(fileName)) ?? readFile.call(host, fileName);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const text = files.get(path.resolve(fileName));
    return text !== undefined
      ? ts.createSourceFile(fileName, text, languageVersion, true)
      : getSourceFile.call(host, fileName, languageVersion, onError, shouldCreate);
  };
  const program = ts.createProgram([...files.keys()], options, host);
  return ts.getPreEmitDiagnostics(program);
}

/** Evaluates a schedule snippet (`const name = (epoch = 0) => …`) and returns the function. */
export function scheduleOf(snippet: Snippet): (epoch: number) => number {
  const code = expandSnippet(snippet.body);
  const name = /const (\w+) =/.exec(code)?.[1];
  assert.ok(name, `${snippet.prefix}: declares a const`);
  const js = ts.transpileModule(code, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS } }).outputText;
  const schedule: unknown = new Function(`${js}\nreturn ${name};`)();
  assert.equal(typeof schedule, 'function');
  return schedule as (epoch: number) => number;
}

/** Runs a fragment after FRAGMENT_PRELUDE with this test's tf instance; returns the prelude's model and `result`. */
export function runFragment(snippet: Snippet, result: string): { model: tf.Sequential; value: unknown } {
  const source = `${FRAGMENT_PRELUDE}${expandSnippet(snippet.body)}\n`;
  const js = ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, esModuleInterop: true },
  }).outputText;
  const requireTf = (id: string): unknown => {
    assert.equal(id, '@tensorflow/tfjs', `${snippet.prefix}: unexpected import`);
    return tf;
  };
  const run = new Function('require', 'exports', `${js}\nreturn { model, value: ${result} };`);
  return run(requireTf, {}) as { model: tf.Sequential; value: unknown };
}

export interface ModelModule {
  createModel(): tf.LayersModel;
  loadData(): Promise<{ x: tf.Tensor; y: tf.Tensor; validation?: { x: tf.Tensor; y: tf.Tensor } }>;
  training: {
    epochs: number;
    batchSize: number;
    loss: string;
    metrics: string[];
    optimizer: () => tf.MomentumOptimizer;
    learningRate: (epoch: number) => number;
  };
}

/** Bundles the module like DeepScope's runner (esbuild, node, tfjs external) and loads it with this tf instance. */
export async function bundleModelModule(source: string): Promise<ModelModule> {
  const result = await esbuild.build({
    stdin: { contents: source, loader: 'ts', resolveDir: ROOT, sourcefile: 'ds-model.ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['@tensorflow/tfjs'],
    write: false,
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  assert.ok(output, 'esbuild produced a bundle');
  const rootRequire = createRequire(path.join(ROOT, 'package.json'));
  const requireForBundle = (id: string): unknown => (id === '@tensorflow/tfjs' ? tf : rootRequire(id));
  const module = { exports: {} as Record<string, unknown> };
  new Function('require', 'module', 'exports', output.text)(requireForBundle, module, module.exports);
  const { createModel, loadData, training } = module.exports;
  assert.equal(typeof createModel, 'function');
  assert.equal(typeof loadData, 'function');
  assert.equal(typeof training, 'object');
  return {
    createModel: createModel as ModelModule['createModel'],
    loadData: async () => (loadData as () => ReturnType<ModelModule['loadData']>)(),
    training: training as ModelModule['training'],
  };
}
