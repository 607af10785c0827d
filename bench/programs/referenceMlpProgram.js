// The benchmark's reference model as a plain tfjs program (what `deepscope run` watches): MLP
// 784-256-128-10, batch 128, synthetic data, on the wasm backend it sets itself. Prints its own
// steps per second (over the steps after the first) as the last line of its output.
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

async function main() {
  await tf.setBackend('wasm');
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [784], units: 256, activation: 'relu', kernelInitializer: tf.initializers.heNormal({ seed: 1 }) }),
      tf.layers.dense({ units: 128, activation: 'relu', kernelInitializer: tf.initializers.heNormal({ seed: 2 }) }),
      tf.layers.dense({ units: 10, activation: 'softmax', kernelInitializer: tf.initializers.glorotNormal({ seed: 3 }) }),
    ],
  });
  model.compile({ optimizer: tf.train.momentum(0.01, 0.9, true), loss: 'categoricalCrossentropy' });
  const x = tf.randomNormal([128 * 40, 784], 0, 1, 'float32', 7);
  const y = tf.oneHot(tf.randomUniform([128 * 40], 0, 10, 'int32', 8), 10).toFloat();
  const ends = [];
  await model.fit(x, y, { epochs: 2, batchSize: 128, verbose: 0, callbacks: { onBatchEnd: async () => ends.push(performance.now()) } });
  console.log(((ends.length - 1) / ((ends[ends.length - 1] - ends[0]) / 1000)).toFixed(3));
}

main();
