/**
 * The training protocol: what the parent (extension host, CLI, bench) and the training process say to
 * each other. The process answers with run-log records only, `end` or `error` last; typed arrays
 * survive, the channel uses 'advanced' serialization.
 */
import type { TrainingRecord, TrainOptions } from '../../engine/train';
import type { EndRecord, ErrorRecord } from '../../runs/core/runRecord';

export type ToTrainingProcess = { readonly type: 'train'; readonly options: TrainingProcessOptions } | { readonly type: 'cancel' };

export type TrainingProcessOptions = Omit<TrainOptions, 'signal'>;

export type FromTrainingProcess = TrainingRecord | EndRecord | ErrorRecord;
