/**
 * tfjs's WebAssembly backend lacks kernels the cpu backend has — among them Conv2DBackpropFilter,
 * the depthwise convolutions' gradients and UnsortedSegmentSum (the gradient of `gather`, so of
 * Embedding) — so a CNN or an embedding cannot train on wasm at all. Each missing kernel is registered
 * for wasm as the cpu kernel run on copies of its inputs: slower than a native kernel, but it trains.
 */
import * as tf from '@tensorflow/tfjs';

interface Backend {
  readSync(dataId: object): tf.backend_util.BackendValues;
  write(values: tf.backend_util.BackendValues, shape: number[], dtype: tf.DataType): object;
  disposeData(dataId: object, force?: boolean): boolean;
}

interface WasmBackend extends Backend {
  makeOutput(shape: number[], dtype: tf.DataType, memoryOffset?: number, values?: tf.backend_util.BackendValues): tf.TensorInfo;
}

let registered = false;

export function registerWasmFallbackKernels(): void {
  if (registered) return;
  registered = true;
  const wasm = new Set(tf.getKernelsForBackend('wasm').map((kernel) => kernel.kernelName));
  for (const kernel of tf.getKernelsForBackend('cpu')) {
    if (wasm.has(kernel.kernelName)) continue;
    tf.registerKernel({ kernelName: kernel.kernelName, backendName: 'wasm', kernelFunc: (args) => onCpu(kernel, args) });
  }
}

function onCpu(kernel: tf.KernelConfig, { inputs, attrs, backend }: Parameters<tf.KernelFunc>[0]): tf.TensorInfo | tf.TensorInfo[] {
  const wasm = backend as unknown as WasmBackend;
  const cpu = tf.engine().findBackend('cpu') as unknown as Backend | null;
  if (!cpu) throw new Error(`the ${kernel.kernelName} kernel needs the cpu backend, which is not available`);
  const copies: Record<string, tf.TensorInfo> = {};
  for (const [name, input] of Object.entries(inputs)) {
    if (input) copies[name] = { dataId: cpu.write(wasm.readSync(input.dataId), input.shape, input.dtype), shape: input.shape, dtype: input.dtype };
  }
  try {
    const result = kernel.kernelFunc({ inputs: copies, attrs, backend: cpu as unknown as tf.KernelBackend });
    const outputs = Array.isArray(result) ? result : [result];
    const moved = outputs.map((output) => {
      const values = cpu.readSync(output.dataId);
      cpu.disposeData(output.dataId, true);
      return wasm.makeOutput(output.shape, output.dtype, undefined, values);
    });
    return Array.isArray(result) ? moved : moved[0];
  } finally {
    for (const copy of Object.values(copies)) cpu.disposeData(copy.dataId, true);
  }
}
