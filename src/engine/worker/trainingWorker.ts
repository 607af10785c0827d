/**
 * Entry of the training process (bundled to out/trainingWorker.js). It trains one model module
 * and exits, so no tensor or native memory outlives a run. Loss updates are throttled; probe
 * frames and epoch records are sent as they come (the diagnosis needs every one).
 */
import * as tf from '@tensorflow/tfjs';
import { train } from '../train';
import { errorReport, workerChannel } from './workerChannel';
import type { FromWorker, ToWorker } from './workerProtocol';

const BATCH_MESSAGE_INTERVAL_MS = 100;

const channel = workerChannel<FromWorker>();
const abort = new AbortController();
let started = false;

process.on('message', (message: ToWorker) => {
  if (message.type === 'cancel') {
    abort.abort();
  } else if (message.type === 'train' && !started) {
    started = true;
    void run(message.options);
  }
});

async function run(options: Extract<ToWorker, { type: 'train' }>['options']): Promise<void> {
  let lastBatchMessage = 0;
  try {
    const summary = await train(
      { ...options, signal: abort.signal },
      {
        onStart: (start) => channel.send({ type: 'start', start }),
        onBatch: (step, epoch, loss) => {
          const now = Date.now();
          if (now - lastBatchMessage >= BATCH_MESSAGE_INTERVAL_MS) {
            lastBatchMessage = now;
            channel.send({ type: 'batch', step, epoch, loss });
          }
        },
        onProbe: (frame) => channel.send({ type: 'probe', frame }),
        onEpoch: (record) => channel.send({ type: 'epoch', record }),
      },
    );
    await channel.sendFinal({ type: 'done', cancelled: summary.cancelled, leakedTensors: tf.memory().numTensors });
  } catch (error) {
    await channel.sendFinal({ type: 'error', ...errorReport(error) });
  } finally {
    process.disconnect?.();
  }
}
