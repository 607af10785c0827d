/**
 * tfjs-wasm's Conv2D and _FusedConv2D give wrong outputs (off by 100 % against the cpu backend) for
 * "same" padding when a stride is larger than the kernel and the input is not a multiple of it — a 1×1
 * convolution with stride 2 on an odd size, as in a ResNet's shortcut: "same" is handed to XNNPACK as
 * a flag and XNNPACK pads differently. The overrides pass tfjs's own "same" padding as explicit
 * numbers, which give the same output shape (ceil(in / stride)) and the cpu backend's values.
 */
import * as tf from '@tensorflow/tfjs';
import { replaceWasmKernel } from './wasmKernelRegistry';

type Shape4 = [number, number, number, number];

interface ConvAttrs {
  readonly strides: number | [number, number];
  readonly dilations: number | [number, number];
  readonly pad: unknown;
  readonly dataFormat: 'NHWC' | 'NCHW';
  readonly dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

export function registerWasmConv2dPaddingOverrides(): void {
  for (const kernelName of [tf.Conv2D, tf.FusedConv2D]) {
    replaceWasmKernel(kernelName, (original) => (args) => {
      const attrs = args.attrs as unknown as ConvAttrs;
      if (attrs.pad !== 'same' || attrs.dataFormat !== 'NHWC') return original(args);
      const { x, filter } = args.inputs as { x: tf.TensorInfo; filter: tf.TensorInfo };
      const info = tf.backend_util.computeConv2DInfo(x.shape as Shape4, filter.shape as Shape4, attrs.strides, attrs.dilations, 'same', attrs.dimRoundingMode);
      const { top, bottom, left, right } = info.padInfo;
      return original({ ...args, attrs: { ...args.attrs, pad: [[0, 0], [top, bottom], [left, right], [0, 0]] } });
    });
  }
}
