import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { code, findings, fixed, flagged, only } from './helpers';

const RULE = 'high-dropout-rate';

describe(RULE, () => {
  test('tfjs: flags rate 0.8 and fixes it to 0.5', () => {
    const text = 'model.add(tf.layers.dropout({ rate: 0.8 }));';
    const finding = only(text, 'typescript', RULE);
    assert.equal(flagged(text, finding), '0.8');
    assert.equal(finding.topic, 'reg-dropout');
    assert.match(finding.message, /80%/);
    assert.equal(fixed(text, 'typescript', RULE), 'model.add(tf.layers.dropout({ rate: 0.5 }));');
  });

  test('Keras: flags Dropout(0.7) and Dropout(rate=0.6)', () => {
    const text = code`
      from tensorflow.keras import layers
      a = layers.Dropout(0.7)
      b = layers.SpatialDropout2D(rate=0.6)
    `;
    assert.deepEqual(findings(text, 'python', RULE).map((f) => flagged(text, f)), ['0.7', '0.6']);
    assert.equal(fixed('layers.Dropout(0.7)', 'python', RULE), 'layers.Dropout(0.5)');
  });

  test('PyTorch: flags nn.Dropout(p=0.9) and fixes it to 0.5', () => {
    assert.equal(fixed('import torch\nd = nn.Dropout(p=0.9)', 'python', RULE), 'import torch\nd = nn.Dropout(p=0.5)');
  });

  test('leaves rates up to 0.5, other arguments, comments and strings alone', () => {
    const text = code`
      model.add(tf.layers.dropout({ rate: 0.5, seed: 0.9 }));
      // model.add(tf.layers.dropout({ rate: 0.9 }));
      const s = "tf.layers.dropout({ rate: 0.9 })";
    `;
    assert.deepEqual(findings(text, 'typescript', RULE), []);
    assert.deepEqual(findings('import torch\nnn.Dropout(0.2)\nnn.Dropout(inplace=True)  # nn.Dropout(0.9)', 'python', RULE), []);
  });

  test('just above one half (0.6) is only a hint; from 0.75 a warning', () => {
    const text = 'import torch\na = nn.Dropout(p=0.6)\nb = nn.Dropout(p=0.75)';
    assert.deepEqual(findings(text, 'python', RULE).map((f) => f.severity), ['hint', 'warning']);
  });
});
