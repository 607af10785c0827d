/**
 * Re-registering tfjs-wasm kernels: an override wraps the kernel tfjs registered (kept for the cases it
 * handles well) and may call other wasm kernels directly, on backend data, as tfjs's own kernels do.
 */
import * as tf from '@tensorflow/tfjs';

/** The kernels tfjs registered, by name, for those DeepScope replaced. */
const originals = new Map<string, tf.KernelConfig>();

/** Registers `wrap(original)` in place of the wasm kernel `kernelName`, once per process. */
export function replaceWasmKernel(kernelName: string, wrap: (original: tf.KernelFunc) => tf.KernelFunc): void {
  if (originals.has(kernelName)) return;
  const original = tf.getKernel(kernelName, 'wasm');
  if (!original) throw new Error(`tfjs-wasm has no ${kernelName} kernel to override`);
  originals.set(kernelName, original);
  // Unregistered first: registerKernel would warn about a duplicate. The original setupFunc stays, for
  // a wasm backend initialised later.
  tf.unregisterKernel(kernelName, 'wasm');
  tf.registerKernel({ ...original, kernelFunc: wrap(original.kernelFunc) });
}

/** Runs the wasm kernel `kernelName` on backend data; the caller disposes the output's data. */
export function runWasmKernel(kernelName: string, backend: tf.KernelBackend, inputs: tf.NamedTensorInfoMap, attrs: tf.NamedAttrMap): tf.TensorInfo {
  const kernel = tf.getKernel(kernelName, 'wasm');
  if (!kernel) throw new Error(`tfjs-wasm has no ${kernelName} kernel`);
  return kernel.kernelFunc({ inputs, backend, attrs }) as tf.TensorInfo;
}

export type RunWasmKernel = (kernelName: string, inputs: tf.NamedTensorInfoMap, attrs: tf.NamedAttrMap) => tf.TensorInfo;

/**
 * A kernel made of other wasm kernels: `body` runs them through `run`, and every intermediate output is
 * disposed once it returns. A result that is one of them (or shares its data, as a reshape does) is
 * copied first; a result from elsewhere (the original kernel) is returned as it is.
 */
export function composeWasmKernels(backend: tf.KernelBackend, body: (run: RunWasmKernel) => tf.TensorInfo): tf.TensorInfo {
  const made: tf.TensorInfo[] = [];
  try {
    const result = body((kernelName, inputs, attrs) => {
      const output = runWasmKernel(kernelName, backend, inputs, attrs);
      made.push(output);
      return output;
    });
    return made.some((info) => info.dataId === result.dataId) ? runWasmKernel(tf.Identity, backend, { x: result }, {}) : result;
  } finally {
    for (const info of made) backend.disposeData(info.dataId);
  }
}

/** Runs `body` with tfjs's own wasm kernels back in place of DeepScope's (to compare the two). */
export function withOriginalWasmKernels<T>(body: () => T): T {
  const overrides = [...originals.keys()].map((name) => tf.getKernel(name, 'wasm') as tf.KernelConfig);
  const swap = (configs: readonly tf.KernelConfig[]): void => {
    for (const config of configs) {
      tf.unregisterKernel(config.kernelName, 'wasm');
      tf.registerKernel(config);
    }
  };
  swap([...originals.values()]);
  try {
    return body();
  } finally {
    swap(overrides);
  }
}
