/**
 * tfjs-wasm's MaxPoolGrad loops, for every input value, over every window that could hold it and
 * searches each window's maximum again: 17 % of the small CNN's training step. Here each window's
 * maximum is found once and its gradient added at that position, in JS on the wasm heap. Same rule as the cpu backend: the first strictly greater value
 * of a window wins, padding never does, and overlapping windows add up.
 */
import * as tf from '@tensorflow/tfjs';
import { replaceWasmKernel } from './wasmKernelRegistry';

/** The part of tfjs-wasm's backend the loop uses (BackendWasm is not exported as a type). */
interface WasmHeap {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): tf.backend_util.TypedArray;
}

export function registerWasmMaxPoolGradOverride(): void {
  replaceWasmKernel(tf.MaxPoolGrad, (original) => (args) => {
    const { dy, input } = args.inputs as { dy: tf.TensorInfo; input: tf.TensorInfo };
    if (input.dtype !== 'float32' || dy.dtype !== 'float32') return original(args);
    const { filterSize, strides, pad, dimRoundingMode } = args.attrs as unknown as tf.MaxPoolGradAttrs;
    const info = tf.backend_util.computePool2DInfo(input.shape as [number, number, number, number], filterSize, strides, 1, pad, dimRoundingMode);
    const backend = args.backend as unknown as WasmHeap;
    const out = backend.makeOutput(input.shape, 'float32');
    // Views taken after makeOutput: allocating may grow the heap, which detaches earlier views.
    const dx = backend.typedArrayFromHeap(out) as Float32Array;
    addWindowGradients(info, backend.typedArrayFromHeap(input) as Float32Array, backend.typedArrayFromHeap(dy) as Float32Array, dx);
    return out;
  });
}

/** dx = 0, then for each window of x (NHWC), dy of the window added at its first maximum. */
export function addWindowGradients(info: tf.backend_util.Conv2DInfo, x: Float32Array, dy: Float32Array, dx: Float32Array): void {
  const { batchSize, inHeight, inWidth, inChannels: channels, outHeight, outWidth, strideHeight, strideWidth } = info;
  const { effectiveFilterHeight: filterHeight, effectiveFilterWidth: filterWidth } = info;
  const { top, left } = info.padInfo;
  dx.fill(0);
  for (let b = 0; b < batchSize; b++) {
    const image = b * inHeight * inWidth * channels;
    for (let outRow = 0; outRow < outHeight; outRow++) {
      const rowStart = Math.max(0, outRow * strideHeight - top);
      const rowEnd = Math.min(inHeight, outRow * strideHeight - top + filterHeight);
      for (let outCol = 0; outCol < outWidth; outCol++) {
        const colStart = Math.max(0, outCol * strideWidth - left);
        const colEnd = Math.min(inWidth, outCol * strideWidth - left + filterWidth);
        const gradientAt = ((b * outHeight + outRow) * outWidth + outCol) * channels;
        for (let c = 0; c < channels; c++) {
          let best = Number.NEGATIVE_INFINITY;
          let bestAt = -1;
          for (let row = rowStart; row < rowEnd; row++) {
            for (let col = colStart; col < colEnd; col++) {
              const at = image + (row * inWidth + col) * channels + c;
              const value = x[at];
              // Selects rather than a branch: which value of a window is largest is random.
              const greater = value > best;
              best = greater ? value : best;
              bestAt = greater ? at : bestAt;
            }
          }
          if (bestAt >= 0) dx[bestAt] += dy[gradientAt + c];
        }
      }
    }
  }
}
