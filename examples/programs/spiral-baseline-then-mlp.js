// A plain TensorFlow.js program, no DeepScope contract: it builds its data and models itself and calls
// fit() itself. Run it with "DeepScope: Run with DeepScope" (editor title ▷ menu, or right-click in the
// Explorer), or from a shell: npx deepscope run examples/programs/spiral-baseline-then-mlp.js
//
// It trains two models on the CS231n spiral: a linear baseline, which cannot separate spirals, then a
// ReLU network, in two fit() calls (the second at a tenth of the learning rate: a step decay by hand).
// DeepScope watches one model per run, the first that trains unless the program names one with
// watch(model); here it names the network, so the dashboard shows the network's two fits as one run
// and says that the baseline trained unwatched.
const tf = require('@tensorflow/tfjs');

// watch() exists when the program runs under DeepScope; under plain node the program runs as it is.
let watch = (model) => model;
try {
  ({ watch } = require('deepscope'));
} catch {
  // Not run by DeepScope.
}

const CLASSES = 3;

/** The CS231n spiral: CLASSES arms of `perClass` noisy points each, with one-hot labels. */
function spiral(perClass) {
  let seed = 42;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const xs = [];
  const ys = [];
  for (let k = 0; k < CLASSES; k++) {
    for (let i = 0; i < perClass; i++) {
      const r = i / perClass;
      const t = k * 4 + r * 4 + (random() - 0.5) * 0.4;
      xs.push([r * Math.sin(t), r * Math.cos(t)]);
      ys.push(Array.from({ length: CLASSES }, (_, j) => (j === k ? 1 : 0)));
    }
  }
  return [tf.tensor2d(xs), tf.tensor2d(ys)];
}

function network() {
  const model = tf.sequential({ name: 'relu_network' });
  // He initialisation suits ReLU: it keeps the activations' variance from layer to layer.
  model.add(tf.layers.dense({ inputShape: [2], units: 64, activation: 'relu', kernelInitializer: tf.initializers.heNormal({ seed: 1 }) }));
  model.add(tf.layers.dense({ units: 64, activation: 'relu', kernelInitializer: tf.initializers.heNormal({ seed: 2 }) }));
  model.add(tf.layers.dense({ units: CLASSES, activation: 'softmax', kernelInitializer: tf.initializers.glorotNormal({ seed: 3 }) }));
  return model;
}

function baseline() {
  const model = tf.sequential({ name: 'linear_baseline' });
  model.add(tf.layers.dense({ inputShape: [2], units: CLASSES, activation: 'softmax' }));
  return model;
}

async function main() {
  const [x, y] = spiral(100);
  const mlp = watch(network());

  const linear = baseline();
  linear.compile({ optimizer: tf.train.adam(0.05), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  const linearFit = await linear.fit(x, y, { epochs: 20, batchSize: 30, verbose: 0 });
  console.log(`linear baseline: accuracy ${linearFit.history.acc.at(-1).toFixed(3)}`);

  // SGD with Nesterov momentum; the second fit continues at a tenth of the rate.
  const optimizer = tf.train.momentum(0.1, 0.9, true);
  mlp.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  await mlp.fit(x, y, { epochs: 40, batchSize: 30, shuffle: true, verbose: 0 });
  optimizer.setLearningRate(0.01);
  const last = await mlp.fit(x, y, { epochs: 60, initialEpoch: 40, batchSize: 30, shuffle: true, verbose: 0 });
  console.log(`ReLU network: accuracy ${last.history.acc.at(-1).toFixed(3)}`);
}

main();
