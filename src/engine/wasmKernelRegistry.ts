/**
 * Re-registering tfjs-wasm kernels: an override wraps the kernel tfjs registered (kept for the cases it
 * handles well) and may call other wasm kernels directly, on backend data, as tfjs's own kernels do.
 */
import * as tf from '@tensorflow/tfjs';

const replaced = new Set<string>();

/** Registers `wrap(original)` in place of the wasm kernel `kernelName`, once per process. */
export function replaceWasmKernel(kernelName: string, wrap: (original: tf.KernelFunc) => tf.KernelFunc): void {
  if (replaced.has(kernelName)) return;
  const original = tf.getKernel(kernelName, 'wasm');
  if (!original) throw new Error(`tfjs-wasm has no ${kernelName} kernel to override`);
  replaced.add(kernelName);
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
