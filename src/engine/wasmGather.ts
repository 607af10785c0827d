/**
 * tfjs-wasm's GatherV2 copies element by element: model.fit gathers each shuffled batch with it, and it
 * took 11 % of the reference MLP's step here ([128, 784] out of [5120, 784]), about half as long as all
 * the matrix products. When what is gathered are slices of at least MIN_SLICE contiguous values (rows
 * of a batch), each slice is copied as one block on the wasm heap instead. Same values; the indices are
 * checked as tfjs's kernel checks them.
 */
import * as tf from '@tensorflow/tfjs';
import { replaceWasmKernel } from './wasmKernelRegistry';

const MIN_SLICE = 16;

/** The part of tfjs-wasm's backend the copy uses (BackendWasm is not exported as a type). */
interface WasmHeap {
  readSync(dataId: object): tf.backend_util.BackendValues;
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): tf.backend_util.TypedArray;
}

export function registerWasmGatherOverride(): void {
  replaceWasmKernel(tf.GatherV2, (original) => (args) => {
    const { x, indices } = args.inputs as { x: tf.TensorInfo; indices: tf.TensorInfo };
    const { axis, batchDims } = args.attrs as { axis: number; batchDims?: number };
    if ((batchDims ?? 0) !== 0 || x.dtype === 'string' || x.dtype === 'complex64') return original(args);
    const parsedAxis = tf.util.parseAxisParam(axis, x.shape)[0];
    const info = tf.backend_util.segment_util.collectGatherOpShapeInfo(x as tf.Tensor, indices as tf.Tensor, parsedAxis, 0);
    if (info.sliceSize < MIN_SLICE) return original(args);
    const backend = args.backend as unknown as WasmHeap;
    const positions = backend.readSync(indices.dataId) as tf.backend_util.TypedArray;
    for (const index of positions) {
      if (!(index >= 0 && index < info.dimSize)) throw new Error(`GatherV2: the index value ${index} is not in [0, ${info.dimSize - 1}]`);
    }
    const out = backend.makeOutput(info.outputShape, x.dtype);
    // Views taken after makeOutput: allocating may grow the heap, which detaches earlier views.
    const source = backend.typedArrayFromHeap(x);
    const target = backend.typedArrayFromHeap(out);
    const slice = info.sliceSize;
    let written = 0;
    for (let outer = 0; outer < info.outerSize; outer++) {
      const base = outer * info.dimSize * slice;
      for (const index of positions) {
        const from = base + index * slice;
        target.set(source.subarray(from, from + slice), written);
        written += slice;
      }
    }
    return out;
  });
}
