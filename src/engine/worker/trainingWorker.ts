/**
 * Entry of the training process (bundled to out/trainingWorker.js). It trains one model module
 * and exits, so no tensor or native memory outlives a run. Loss updates are throttled; probe
 * frames and epoch records are sent as they come (the diagnosis needs every one).
 */
import * as tf from '@tensorflow/tfjs';
import { EngineError, errorMessage } from '../engineError';
import { train } from '../train';
import type { FromWorker, ToWorker } from './workerProtocol';

const BATCH_MESSAGE_INTERVAL_MS = 100;

function send(message: FromWorker): void {
  process.send?.(message);
}

/** The last message: resolved once written, so disconnecting cannot drop it. */
function sendFinal(message: FromWorker): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) return resolve();
    process.send(message, undefined, undefined, () => resolve());
  });
}

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
// The parent went away (window closed, CLI killed): stop rather than train for nobody.
process.on('disconnect', () => process.exit(0));

async function run(options: Extract<ToWorker, { type: 'train' }>['options']): Promise<void> {
  let lastBatchMessage = 0;
  try {
    const summary = await train(
      { ...options, signal: abort.signal },
      {
        onStart: (start) => send({ type: 'start', start }),
        onBatch: (step, epoch, loss) => {
          const now = Date.now();
          if (now - lastBatchMessage >= BATCH_MESSAGE_INTERVAL_MS) {
            lastBatchMessage = now;
            send({ type: 'batch', step, epoch, loss });
          }
        },
        onProbe: (frame) => send({ type: 'probe', frame }),
        onEpoch: (record) => send({ type: 'epoch', record }),
      },
    );
    await sendFinal({ type: 'done', cancelled: summary.cancelled, leakedTensors: tf.memory().numTensors });
  } catch (error) {
    if (error instanceof EngineError) {
      await sendFinal({ type: 'error', kind: error.kind, message: error.message, location: error.location });
    } else {
      const message = error instanceof Error ? error.stack ?? error.message : errorMessage(error);
      await sendFinal({ type: 'error', kind: 'internal', message });
    }
  } finally {
    process.disconnect?.();
  }
}
