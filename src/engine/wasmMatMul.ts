/**
 * tfjs-wasm's matrix products run ~10× slower when an operand is transposed (2 GFLOP/s against 25
 * on [128,784]·[784,256] here): its kernel reads the transposed operand with a stride instead of
 * handing XNNPACK a packed one. Every dense layer's backward pass uses those forms (dW = xᵀ·dy,
 * dx = dy·Wᵀ), so training spent most of its time there. BatchMatMul and _FusedMatMul are re-registered
 * for wasm so that a transposed operand is first transposed explicitly (a copy, linear in its size)
 * and the product then runs untransposed, on tfjs's own kernel. Same arithmetic, same summation order.
 */
import * as tf from '@tensorflow/tfjs';
import { replaceWasmKernel, runWasmKernel } from './wasmKernelRegistry';

interface MatMulAttrs {
  readonly transposeA?: boolean;
  readonly transposeB?: boolean;
}

export function registerWasmMatMulOverrides(): void {
  for (const kernelName of [tf.BatchMatMul, tf._FusedMatMul]) {
    replaceWasmKernel(kernelName, (original) => (args) => {
      const { transposeA, transposeB } = args.attrs as MatMulAttrs;
      if (!transposeA && !transposeB) return original(args);
      const backend = args.backend as tf.KernelBackend;
      const made: tf.TensorInfo[] = [];
      const untransposed = (x: tf.TensorInfo): tf.TensorInfo => {
        const perm = x.shape.map((_, i) => i);
        [perm[perm.length - 2], perm[perm.length - 1]] = [perm[perm.length - 1], perm[perm.length - 2]];
        const swapped = runWasmKernel(tf.Transpose, backend, { x }, { perm });
        made.push(swapped);
        return swapped;
      };
      const { a, b } = args.inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
      try {
        return original({
          ...args,
          inputs: { ...args.inputs, a: transposeA ? untransposed(a) : a, b: transposeB ? untransposed(b) : b },
          attrs: { ...args.attrs, transposeA: false, transposeB: false },
        });
      } finally {
        for (const info of made) backend.disposeData(info.dataId);
      }
    });
  }
}
