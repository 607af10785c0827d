import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { code, findings, fixed, flagged, only } from './helpers';

const RULE = 'constant-learning-rate';

describe(RULE, () => {
  describe('tfjs model module', () => {
    const training = code`
      export const training = {
        epochs: 50,
        batchSize: 32,
        optimizer: () => tf.train.momentum(0.05, 0.9, true),
      };
    `;

    test('flags epochs ≥ 20 without a learningRate schedule', () => {
      const finding = only(training, 'typescript', RULE);
      assert.equal(flagged(training, finding), 'epochs: 50');
      assert.equal(finding.topic, 'lr-step-decay');
      assert.equal(finding.severity, 'information');
    });

    test("adds a step-decay learningRate from the optimiser's rate (typed in TypeScript, not in JavaScript)", () => {
      const schedule = '0.05 * Math.pow(0.5, Math.floor(epoch / 10)),\n};';
      assert.equal(fixed(training, 'typescript', RULE), training.replace('\n};', `\n  learningRate: (epoch: number) => ${schedule}`));
      assert.equal(fixed(training, 'javascript', RULE), training.replace('\n};', `\n  learningRate: (epoch) => ${schedule}`));
    });

    test('replaces a constant learningRate function, and reads EPOCHS constants and typed declarations', () => {
      const text = code`
        const EPOCHS = 40;
        export const training: Training = { epochs: EPOCHS, learningRate: () => LEARNING_RATE };
      `;
      assert.equal(
        fixed(text, 'typescript', RULE),
        text.replace('() => LEARNING_RATE', '(epoch: number) => LEARNING_RATE * Math.pow(0.5, Math.floor(epoch / 10))'),
      );
    });

    test("uses DeepScope's default rate when the module sets no optimiser", () => {
      const text = 'export const training = { epochs: 30 };';
      assert.equal(fixed(text, 'javascript', RULE), 'export const training = { epochs: 30, learningRate: (epoch) => 0.01 * Math.pow(0.5, Math.floor(epoch / 10)) };');
    });

    test('leaves a schedule, few epochs, a schedule held in a variable, and comments alone', () => {
      const text = code`
        export const training = { epochs: 50, learningRate: (epoch: number) => 0.05 * Math.pow(0.5, Math.floor(epoch / 10)) };
        const other = { training: { epochs: 10 } };
        // export const training = { epochs: 100 };
      `;
      assert.deepEqual(findings(text, 'typescript', RULE), []);
      assert.deepEqual(findings('export const training = { epochs: 50, learningRate: stepDecay };', 'typescript', RULE), []);
    });
  });

  describe('Keras', () => {
    test('adds a LearningRateScheduler callback to model.fit(epochs=50), from the optimiser rate', () => {
      const text = code`
        from tensorflow import keras
        model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.05, momentum=0.9), loss="mse")
        model.fit(x, y, epochs=50, batch_size=32)
      `;
      assert.equal(flagged(text, only(text, 'python', RULE)), 'epochs=50');
      assert.equal(
        fixed(text, 'python', RULE),
        text.replace('batch_size=32)', 'batch_size=32, callbacks=[keras.callbacks.LearningRateScheduler(lambda epoch: 0.05 * 0.5 ** (epoch // 10))])'),
      );
    });

    test('appends to an existing callbacks list; halves the current rate when the start rate is unknown', () => {
      const text = code`
        import tensorflow as tf
        EPOCHS = 100
        model.fit(
            x,
            y,
            epochs=EPOCHS,
            callbacks=[early_stop],
        )
      `;
      assert.equal(
        fixed(text, 'python', RULE),
        text.replace('[early_stop]', '[early_stop, tf.keras.callbacks.LearningRateScheduler(lambda epoch, lr: lr * 0.5 if epoch > 0 and epoch % 10 == 0 else lr)]'),
      );
    });

    test('leaves a file with a schedule, and short runs, alone', () => {
      const text = code`
        from tensorflow import keras
        lr = keras.optimizers.schedules.ExponentialDecay(0.1, decay_steps=100, decay_rate=0.9)
        model.fit(x, y, epochs=50)
      `;
      assert.deepEqual(findings(text, 'python', RULE), []);
      assert.deepEqual(findings('model.fit(x, y, epochs=10)', 'python', RULE), []);
    });
  });

  describe('PyTorch', () => {
    const loop = code`
      import torch
      from torch import optim

      def train(model, loader):
          optimizer = optim.SGD(model.parameters(), lr=0.1, momentum=0.9, nesterov=True)
          for epoch in range(100):
              for x, y in loader:
                  optimizer.zero_grad()
                  loss_fn(model(x), y).backward()
                  optimizer.step()
              print(epoch)  # progress

      train(model, loader)
    `;

    test('flags a 100-epoch loop with no scheduler', () => {
      assert.equal(flagged(loop, only(loop, 'python', RULE)), 'range(100)');
    });

    test('adds a StepLR after the optimiser and steps it at the end of each epoch', () => {
      assert.equal(
        fixed(loop, 'python', RULE),
        loop
          .replace('nesterov=True)\n', 'nesterov=True)\n    scheduler = optim.lr_scheduler.StepLR(optimizer, step_size=10, gamma=0.5)\n')
          .replace('# progress\n', '# progress\n        scheduler.step()\n'),
      );
    });

    test('reads range(start, stop) and tuple constants', () => {
      const text = 'import torch\nepochs, batch = 50, 32\nopt = torch.optim.Adam(model.parameters())\nfor epoch in range(1, epochs):\n    pass\n';
      assert.equal(fixed(text, 'python', RULE), text.replace('parameters())\n', 'parameters())\nscheduler = torch.optim.lr_scheduler.StepLR(opt, step_size=10, gamma=0.5)\n').replace('pass\n', 'pass\n    scheduler.step()\n'));
    });

    test('leaves loops with a scheduler, non-epoch loops and short loops alone', () => {
      const withScheduler = `${loop}\nscheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, 100)`;
      assert.deepEqual(findings(withScheduler, 'python', RULE), []);
      assert.deepEqual(findings(loop.replace('for epoch in range(100)', 'for i in range(100)'), 'python', RULE), []);
      assert.deepEqual(findings(loop.replace('range(100)', 'range(5)'), 'python', RULE), []);
    });
  });

  describe('schedules, optimisers and the numbers in force', () => {
    test('decay arguments and schedulers count as schedules', () => {
      const fit = 'model.fit(x, y, epochs=50)';
      assert.deepEqual(findings(`from keras import optimizers\nmodel.compile(optimizer=optimizers.RMSprop(learning_rate=1e-3, decay=1e-6))\n${fit}`, 'python', RULE), []);
      assert.deepEqual(findings('import torch\nopt = torch.optim.SGD(params, lr=0.1)\nsched = torch.optim.lr_scheduler.MultiStepLR(opt, [30, 60])\nfor epoch in range(90):\n    pass', 'python', RULE), []);
      assert.deepEqual(findings(`from keras import optimizers\nlr = optimizers.schedules.PiecewiseConstantDecay([100], [0.1, 0.01])\nmodel.compile(optimizer=optimizers.SGD(lr))\n${fit}`, 'python', RULE), []);
      const tfjs = "model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });\nawait model.fit(xs, ys, { epochs: 100, callbacks: { onEpochEnd: (e) => optimizer.setLearningRate(0.1 * 0.5 ** e) } });";
      assert.deepEqual(findings(tfjs, 'javascript', RULE), []);
    });

    test("with Adam (or Keras's default RMSprop) a constant rate is only a hint; with SGD it is information", () => {
      const adam = 'import torch\nopt = torch.optim.Adam(model.parameters(), lr=1e-3)\nfor epoch in range(100):\n    pass\n';
      assert.equal(only(adam, 'python', RULE).severity, 'hint');
      assert.equal(only('model.compile(loss="mse")\nmodel.fit(x, y, epochs=50)', 'python', RULE).severity, 'hint');
      const sgd = "model.compile({ optimizer: tf.train.sgd(0.01), loss: 'meanSquaredError' });\nawait model.fit(xs, ys, { epochs: 200 });";
      const finding = only(sgd, 'javascript', RULE);
      assert.equal(finding.severity, 'information');
      assert.equal(flagged(sgd, finding), 'epochs: 200');
    });

    test('the number of epochs is the value in force where it is used', () => {
      const text = code`
        import torch
        EPOCHS = 50
        EPOCHS = 200
        optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
        for epoch in range(EPOCHS):
            pass
      `;
      assert.match(only(text, 'python', RULE).message, /all 200 epochs/);
    });

    test('imports keras when its callback is written in a file that has not', () => {
      const text = 'from tensorflow.keras import layers\nmodel.compile(optimizer="sgd")\nmodel.fit(x, y, epochs=30)\n';
      const result = fixed(text, 'python', RULE);
      assert.ok(result.startsWith('from tensorflow.keras import layers\nfrom tensorflow import keras\n'), result);
    });
  });
});
