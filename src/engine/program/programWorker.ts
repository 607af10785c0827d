/**
 * Entry of the program process (bundled to out/programWorker.js): runs a user's tfjs program as Node
 * would — its argv, working directory, stdio, exit code, CommonJS or ES modules or TypeScript — with one
 * tfjs for everything, `file://` models on every backend, the layers' source lines recorded and every
 * `fit` / `fitDataset` watched. Launched as `node programWorker.js <program> [args…]`; reports on fd 3.
 */
import * as l10n from '@vscode/l10n';
import Module from 'node:module';
import * as tf from '@tensorflow/tfjs';
import * as path from 'node:path';
import { errorMessage } from '../engineError';
import { PROGRAM_OPTIONS_ENV, type ProgramProcessOptions } from '../../training/core/programProtocol';
import { registerFileSystemIO } from './fileSystemIO';
import { CustomLoopWatch } from './customLoop';
import { FitWatcher } from './fitWatcher';
import { installLayerSources } from './layerSources';
import { chooseProgramBackend, type ProgramBackend } from './programBackend';
import { RecordPipe } from './recordPipe';
import { findTfjsNode, installTfjsAliases } from './tfjsAliases';
import { tfjsNodeStandIn } from './tfjsNodeStandIn';
import { installBabelStyleJavaScript } from './babelStylePrograms';
import { installTypeScript, isTypeScript } from './typescriptPrograms';
import { thrownAt } from './userFrame';
import { MESSAGES_ENV, useMessagesFromEnv } from '../../common/core/messages';

const pipe = new RecordPipe();
const options = JSON.parse(process.env[PROGRAM_OPTIONS_ENV] ?? '{}') as ProgramProcessOptions;
// The parent's language, for DeepScope's own messages; then the program sees the environment it would see under node.
useMessagesFromEnv();
delete process.env[PROGRAM_OPTIONS_ENV];
delete process.env[MESSAGES_ENV];
const program = path.resolve(process.argv[2] ?? '');
// What the program reads as process.argv: node, itself, its arguments.
process.argv.splice(1, 2, program);

void main();

async function main(): Promise<void> {
  let chosen: ProgramBackend | undefined;
  // Created once the backend is known; the `deepscope` module a program imports may be loaded before.
  const loop: { current?: CustomLoopWatch } = {};
  const fitsWatch: { current?: FitWatcher } = {};
  const tfjsNodePath = findTfjsNode(program);
  installTfjsAliases(
    () => chosen?.tfjsNode ?? tfjsNodeStandIn(chosen?.backend ?? 'cpu', '@tensorflow/tfjs-node'),
    () => (chosen?.tfjsNode ? tfjsNodePath : undefined),
    {
      watch: (model: unknown) => {
        if (model instanceof tf.LayersModel) fitsWatch.current?.prefer(model);
        return loop.current ? loop.current.api().watch(model as never) : model;
      },
    },
  );
  try {
    chosen = await chooseProgramBackend(options.backend ?? 'auto', tfjsNodePath);
  } catch (error) {
    pipe.send({ type: 'error', kind: 'backend', message: errorMessage(error), endedAt: new Date().toISOString() });
    process.exitCode = 1;
    return;
  }
  pipe.send({ type: 'backend', backend: chosen.backend, why: chosen.why });
  // tfjs-node brings its own file:// handlers.
  if (!chosen.tfjsNode) registerFileSystemIO();
  installLayerSources();
  const watch = { programFile: program, backend: chosen.backend, probeEverySteps: options.probeEverySteps ?? 10, watchLayers: options.watchLayers };
  const fits = new FitWatcher(watch, (record) => pipe.send(record), { unwatched: (model) => pipe.send({ type: 'unwatched', model }) });
  fits.install();
  fitsWatch.current = fits;
  loop.current = new CustomLoopWatch(watch, (record) => pipe.send(record), () => fits.hasRun());
  loop.current.install();
  // Observed, not handled: Node still prints the error and exits with code 1, as without DeepScope.
  process.on('uncaughtExceptionMonitor', (error) => pipe.send(thrownRecord(error)));
  process.on('exit', () => pipe.flush());
  if (isTypeScript(program)) installTypeScript();
  installBabelStyleJavaScript();
  // Outside this async function, so an error the program throws at load is a true uncaught exception,
  // printed and ending the process exactly as under node (not a rejection of main()).
  setImmediate(() => (Module as unknown as { runMain(main?: string): void }).runMain(program));
}

function thrownRecord(error: unknown): Parameters<RecordPipe['send']>[0] {
  const endedAt = new Date().toISOString();
  // esbuild's failures (a TypeScript file that does not compile) carry their own location.
  const compileError = (error as { errors?: { text: string; location?: { file: string; line: number; column: number } }[] }).errors?.[0];
  if (compileError) {
    const where = compileError.location;
    const location = where ? { file: path.resolve(where.file), line: where.line, column: where.column + 1 } : undefined;
    return { type: 'error', kind: 'syntax', message: compileError.text, location, endedAt };
  }
  const name = error instanceof Error ? error.name : 'Error';
  return { type: 'error', kind: 'module-threw', message: l10n.t('The program threw {0}: {1}', name, errorMessage(error)), location: thrownAt(error), endedAt };
}
