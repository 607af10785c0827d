/** Learning-rate schedule results as chart rows: the learning rate and the training loss of each epoch, per schedule. */
import type { SchedulesResult } from '../../../src/labs/core/labs';

export interface ScheduleRow {
  /** 0-based epoch t, as in the schedules' formulas. */
  readonly epoch: number;
  readonly schedule: string;
  readonly value: number;
}

export function learningRateRows(result: SchedulesResult): ScheduleRow[] {
  return result.runs.flatMap((run) => Array.from(run.learningRates, (value, epoch) => ({ epoch, schedule: run.schedule, value })));
}

export function scheduleLossRows(result: SchedulesResult): ScheduleRow[] {
  return result.runs.flatMap((run) => Array.from(run.losses, (value, epoch) => ({ epoch, schedule: run.schedule, value })).filter((row) => row.value > 0));
}
