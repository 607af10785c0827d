import * as l10n from '@vscode/l10n';
import * as tf from '@tensorflow/tfjs';
import type { BackendName } from '../runs/core/trainingData';
import { EngineError } from './engineError';
import { registerWasmConv2dBackpropOverrides } from './wasmConv2dBackprop';
import { registerWasmConv2dPaddingOverrides } from './wasmConv2dPadding';
import { registerWasmFallbackKernels } from './wasmFallbackKernels';
import { registerWasmGatherOverride } from './wasmGather';
import { registerWasmMatMulOverrides } from './wasmMatMul';
import { registerWasmMaxPoolGradOverride } from './wasmMaxPoolGrad';

import type { BackendPreference } from '../training/core/backendPreference';

export { BACKEND_PREFERENCES, type BackendPreference } from '../training/core/backendPreference';

/**
 * Picks the fastest backend available: tfjs-node (native TensorFlow) when installed, else
 * WebAssembly, else plain JavaScript. tfjs-node is optional (its install downloads
 * libtensorflow), so its absence is normal; an explicit `node` request that cannot be met is an error.
 */
export async function selectBackend(preference: BackendPreference): Promise<BackendName> {
  // The cpu backend prints an "install tfjs-node" banner on stdout; DeepScope reports the backend itself.
  tf.env().set('PROD', true);
  const order: BackendName[] =
    preference === 'auto' ? ['tensorflow', 'wasm', 'cpu'] : [preference === 'node' ? 'tensorflow' : preference];
  const failures: string[] = [];
  for (const name of order) {
    const reason = await tryBackend(name);
    if (reason === undefined) {
      return name;
    }
    failures.push(`${name}: ${reason}`);
  }
  throw new EngineError('backend', l10n.t('The {0} backend is not available ({1}).', preference, failures.join('; ')));
}

async function tryBackend(name: BackendName): Promise<string | undefined> {
  try {
    if (name === 'tensorflow') {
      // Registers the 'tensorflow' backend on the same tfjs-core instance (npm dedupes it).
      // A run-time require: the package is optional and may be absent.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('@tensorflow/tfjs-node');
    } else if (name === 'wasm') {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('@tensorflow/tfjs-backend-wasm');
    }
    const ok = await tf.setBackend(name);
    await tf.ready();
    if (ok && name === 'wasm') registerWasmKernels();
    return ok && tf.getBackend() === name ? undefined : 'failed to initialise';
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return /Cannot find module/.test(message) ? 'not installed' : message;
  }
}

/** DeepScope's kernels for tfjs-wasm: the ones it lacks, and faster paths for slow ones. Idempotent. */
export function registerWasmKernels(): void {
  registerWasmFallbackKernels();
  registerWasmMatMulOverrides();
  registerWasmConv2dBackpropOverrides();
  registerWasmConv2dPaddingOverrides();
  registerWasmGatherOverride();
  registerWasmMaxPoolGradOverride();
}
