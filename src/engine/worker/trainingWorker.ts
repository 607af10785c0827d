/**
 * Entry of the training process (bundled to out/trainingWorker.js). It trains one model module
 * and exits, so no tensor or native memory outlives a run. Step losses go in chunks a few times a
 * second; probe frames and epoch records are sent as they come (the diagnosis needs every one).
 */
import * as tf from '@tensorflow/tfjs';
import { train } from '../train';
import { errorReport, workerChannel } from './workerChannel';
import type { BatchLoss } from '../../runs/core/trainingData';
import type { FromWorker, ToWorker } from '../../training/core/trainingProtocol';

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
  // Every step's loss is sent, a chunk a few times a second (a message per step would flood the host);
  // what is pending goes out before a probe, an epoch or the end, so the host sees them in order.
  let pending: BatchLoss[] = [];
  let lastFlush = Date.now();
  const flush = (): void => {
    lastFlush = Date.now();
    if (pending.length === 0) return;
    channel.send({ type: 'batches', losses: pending });
    pending = [];
  };
  try {
    const summary = await train(
      { ...options, signal: abort.signal },
      {
        onStart: (start) => channel.send({ type: 'start', start }),
        onBatches: (losses) => {
          pending.push(...losses);
          if (Date.now() - lastFlush >= BATCH_MESSAGE_INTERVAL_MS) flush();
        },
        onProbe: (frame) => {
          flush();
          channel.send({ type: 'probe', frame });
        },
        onEpoch: (record) => {
          flush();
          channel.send({ type: 'epoch', record });
        },
      },
    );
    flush();
    await channel.sendFinal({ type: 'done', cancelled: summary.cancelled, leakedTensors: tf.memory().numTensors });
  } catch (error) {
    flush();
    await channel.sendFinal({ type: 'error', ...errorReport(error) });
  } finally {
    process.disconnect?.();
  }
}
