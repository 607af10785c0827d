import type { BatchLoss, EpochRecord, ProbeFrame, RunStart } from '../../runs/core/trainingData';
import type { TrainOptions } from '../../engine/train';
import type { ErrorReport } from '../../engine/worker/workerChannel';

/** Messages from the parent (extension host, CLI, bench) to the training process. */
export type ToWorker = { readonly type: 'train'; readonly options: WorkerTrainOptions } | { readonly type: 'cancel' };

export type WorkerTrainOptions = Omit<TrainOptions, 'signal'>;

/** Messages from the training process. Typed arrays survive: the channel uses 'advanced' serialization. */
export type FromWorker =
  | { readonly type: 'start'; readonly start: RunStart }
  | { readonly type: 'batches'; readonly losses: readonly BatchLoss[] }
  | { readonly type: 'probe'; readonly frame: ProbeFrame }
  | { readonly type: 'epoch'; readonly record: EpochRecord }
  | { readonly type: 'done'; readonly cancelled: boolean; readonly leakedTensors: number }
  | ({ readonly type: 'error' } & ErrorReport);
