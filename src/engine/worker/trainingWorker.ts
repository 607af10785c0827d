/**
 * Entry of the training process (bundled to out/trainingWorker.js). It trains one model module
 * and exits, so no tensor or native memory outlives a run. Step losses go in chunks a few times a
 * second; probes and epochs are sent as they come (the diagnosis needs every one); `end` or `error` last.
 */
import * as tf from '@tensorflow/tfjs';
import { train } from '../train';
import { errorReport, workerChannel } from './workerChannel';
import type { BatchLoss } from '../../runs/core/trainingData';
import type { FromTrainingProcess, ToTrainingProcess, TrainingProcessOptions } from '../../training/core/trainingProtocol';
import { useMessagesFromEnv } from '../../common/core/messages';

useMessagesFromEnv();
const BATCH_MESSAGE_INTERVAL_MS = 100;

const channel = workerChannel<FromTrainingProcess>();
const abort = new AbortController();
let started = false;

process.on('message', (message: ToTrainingProcess) => {
  if (message.type === 'cancel') {
    abort.abort();
  } else if (message.type === 'train' && !started) {
    started = true;
    void run(message.options);
  }
});

async function run(options: TrainingProcessOptions): Promise<void> {
  // Every step's loss is sent, a chunk a few times a second (a message per step would flood the host);
  // what is pending goes out before any other record, so the host sees them in order.
  let pending: BatchLoss[] = [];
  let lastFlush = Date.now();
  const flush = (): void => {
    lastFlush = Date.now();
    if (pending.length === 0) return;
    channel.send({ type: 'steps', losses: pending });
    pending = [];
  };
  try {
    const summary = await train({ ...options, signal: abort.signal }, (record) => {
      if (record.type === 'steps') {
        pending.push(...record.losses);
        if (Date.now() - lastFlush >= BATCH_MESSAGE_INTERVAL_MS) flush();
        return;
      }
      flush();
      channel.send(record);
    });
    flush();
    const endedAt = new Date().toISOString();
    await channel.sendFinal({ type: 'end', status: summary.cancelled ? 'cancelled' : 'finished', endedAt, leakedTensors: tf.memory().numTensors });
  } catch (error) {
    flush();
    await channel.sendFinal({ type: 'error', ...errorReport(error), endedAt: new Date().toISOString() });
  } finally {
    process.disconnect?.();
  }
}
