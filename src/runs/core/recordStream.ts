import type { RunRecord } from './runRecord';

export interface Subscription {
  dispose(): void;
}

/**
 * Where a consumer gets a run's records: a live training run or a log file being tailed expose the
 * same `subscribe`, so the dashboard and the diagnosis do not care which one they follow.
 */
export interface RunSource {
  /** `listener` gets every record from now on, in order. */
  subscribe(listener: (record: RunRecord) => void): Subscription;
}

/** Fan-out of records to subscribers; a subscriber that throws does not stop the others. */
export class RecordStream implements RunSource {
  private readonly listeners = new Set<(record: RunRecord) => void>();

  subscribe(listener: (record: RunRecord) => void): Subscription {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  emit(record: RunRecord): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(record);
      } catch (error) {
        console.error('DeepScope: a run consumer failed', error);
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}
