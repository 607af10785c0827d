import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { activationOf, describeLayer } from '../../../src/engine/probes/layerMath';

test('a layer’s activation is its own, or the name of its activation layer class', () => {
  assert.equal(activationOf(tf.layers.dense({ units: 3, activation: 'relu' })), 'relu');
  assert.equal(activationOf(tf.layers.dense({ units: 3 })), 'linear');
  assert.equal(activationOf(tf.layers.reLU()), 'relu');
  assert.equal(activationOf(tf.layers.flatten()), undefined);
});

test('a wrapper reports the activation of the layer it wraps (a softmax output under TimeDistributed is a softmax)', () => {
  const input = tf.input({ shape: [10, 4] });
  const wrapper = tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 13, activation: 'softmax' }) });
  wrapper.apply(input);
  assert.equal(activationOf(wrapper), 'softmax');
  assert.equal(describeLayer(wrapper).activation, 'softmax');
  const bidirectional = tf.layers.bidirectional({ layer: tf.layers.lstm({ units: 2, returnSequences: true }) as tf.RNN });
  assert.equal(activationOf(bidirectional), 'tanh');
});
