/**
 * The backend a program runs on: native TensorFlow when a real tfjs-node loads (the program's own, else
 * DeepScope's optional one), else WebAssembly, else plain JavaScript — the order DeepScope trains model
 * modules in — or the one the user asked for. `why` says in words why it is not the native one.
 */
import * as l10n from '@vscode/l10n';
import * as tf from '@tensorflow/tfjs';
import type { BackendName } from '../../runs/core/trainingData';
import { registerWasmKernels, type BackendPreference } from '../backend';
import { EngineError, errorMessage } from '../engineError';

export interface ProgramBackend {
  readonly backend: BackendName;
  /** Loaded tfjs-node's exports, when native. */
  readonly tfjsNode?: object;
  readonly why?: string;
}

export async function chooseProgramBackend(preference: BackendPreference, tfjsNodePath: string | undefined): Promise<ProgramBackend> {
  tf.env().set('PROD', true);
  const wanted: BackendName[] = preference === 'auto' ? ['tensorflow', 'wasm', 'cpu'] : [preference === 'node' ? 'tensorflow' : preference];
  // Emscripten's glue of the wasm backend adds process handlers that rethrow any uncaught error (Node
  // then exits with code 7 instead of 1) or abort on a rejection: the program must fail as under node.
  const before = new Set<unknown>([...process.listeners('uncaughtException'), ...process.listeners('unhandledRejection')]);
  try {
    return await choose(wanted, tfjsNodePath, preference);
  } finally {
    for (const listener of process.listeners('uncaughtException')) if (!before.has(listener)) process.removeListener('uncaughtException', listener);
    for (const listener of process.listeners('unhandledRejection')) if (!before.has(listener)) process.removeListener('unhandledRejection', listener);
  }
}

async function choose(wanted: readonly BackendName[], tfjsNodePath: string | undefined, preference: BackendPreference): Promise<ProgramBackend> {
  const failures: string[] = [];
  let tfjsNode: object | undefined;
  for (const name of wanted) {
    try {
      if (name === 'tensorflow') {
        if (!tfjsNodePath) throw new Error('@tensorflow/tfjs-node is not installed');
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        tfjsNode = require(tfjsNodePath) as object;
      } else if (name === 'wasm') {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        require('@tensorflow/tfjs-backend-wasm');
      }
      if ((await tf.setBackend(name)) && tf.getBackend() === name) {
        await tf.ready();
        if (name === 'wasm') registerWasmKernels();
        return { backend: name, tfjsNode: name === 'tensorflow' ? tfjsNode : undefined, why: failures.length > 0 ? failures.join('; ') : undefined };
      }
      failures.push(`${name}: failed to initialise`);
    } catch (error) {
      failures.push(`${name}: ${errorMessage(error).split('\n')[0]}`);
    }
  }
  throw new EngineError('backend', l10n.t('The {0} backend is not available ({1}).', preference, failures.join('; ')));
}
