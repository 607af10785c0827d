/**
 * Follows a run log that another process is writing (a notebook kernel's `deepscope.watch(model)`, a
 * `deepscope` command in a terminal): reads the lines appended since the last look, a few times a
 * second, and hands on each complete record. A line still being written waits for its newline. It
 * ends at the log's `end` or `error` record, when stopped, or at a line that is not a record (the
 * reason is returned: the run is then shown as far as it went).
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { recordProblem } from './readRunLog';
import { decodeLine } from './runLogFormat';
import type { RunRecord } from './runRecord';

export const TAIL_POLL_MS = 200;

export interface TailOutcome {
  /** Why reading stopped early: a damaged line, a log that vanished. */
  readonly problem?: string;
  readonly ended: boolean;
}

export function tailRunLog(file: string, emit: (record: RunRecord) => void, signal: AbortSignal, pollMs = TAIL_POLL_MS): Promise<TailOutcome> {
  let position = 0;
  let line = 0;
  let first = true;
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (outcome: TailOutcome): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(outcome);
    };
    const onAbort = (): void => finish({ ended: false });
    signal.addEventListener('abort', onAbort, { once: true });
    const look = (): void => {
      let complete: Buffer;
      try {
        complete = completeLines(file, position);
      } catch (error) {
        return finish({ ended: false, problem: `${file}: the run log cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` });
      }
      position += complete.length;
      const lines = complete.toString('utf8').split('\n').slice(0, -1);
      for (const raw of lines) {
        line++;
        if (raw.trim() === '') continue;
        let value: unknown;
        try {
          value = decodeLine(raw);
        } catch {
          return finish({ ended: false, problem: `${file}:${line}: this line is not valid JSON` });
        }
        const problem = recordProblem(value, first);
        if (problem) return finish({ ended: false, problem: `${file}:${line}: ${problem}` });
        first = false;
        const record = value as RunRecord;
        emit(record);
        if (record.type === 'end' || record.type === 'error') return finish({ ended: true });
      }
      if (!signal.aborted) timer = setTimeout(look, pollMs);
    };
    // The first look waits a turn, so whoever starts the tail can subscribe to what it emits first.
    timer = setTimeout(look, 0);
  });
}

/** The bytes of `file` from `position` up to its last newline: whole lines only (a line being written waits). */
function completeLines(file: string, position: number): Buffer {
  const size = statSync(file).size;
  if (size <= position) return Buffer.alloc(0);
  const buffer = Buffer.alloc(size - position);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buffer, 0, buffer.length, position);
  } finally {
    closeSync(fd);
  }
  return buffer.subarray(0, buffer.lastIndexOf(0x0a) + 1);
}
