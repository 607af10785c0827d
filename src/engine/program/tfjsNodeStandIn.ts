/**
 * What `require('@tensorflow/tfjs-node')` gives a program when the native backend cannot load: the same
 * tfjs DeepScope trains with, plus a `node` namespace whose every API throws one clear message naming
 * the API and what to install (tfjs-node downloads libtensorflow when it installs).
 */
import * as tf from '@tensorflow/tfjs';

export function tfjsNodeStandIn(backend: string, requested: string): object {
  const node = new Proxy(
    {},
    {
      get(_target, property) {
        // Promise checks, inspection and symbol lookups must not throw.
        if (typeof property === 'symbol' || property === 'then' || property === 'inspect' || property === 'toJSON') return undefined;
        throw new Error(
          `tf.node.${property} needs the native TensorFlow backend of ${requested}, which could not load here: DeepScope runs this program on its ${backend} backend. ` +
            `Install it in the program's folder with \`npm install @tensorflow/tfjs-node\` (it downloads libtensorflow), or do without tf.node.${property}.`,
        );
      },
    },
  );
  return new Proxy(tf, {
    get: (target, property, receiver) => (property === 'node' ? node : Reflect.get(target, property, receiver)),
    has: (target, property) => property === 'node' || Reflect.has(target, property),
  });
}
