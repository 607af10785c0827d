/**
 * How the program process reports to its parent: run-log lines written synchronously on file
 * descriptor 3. Synchronous, so nothing is lost when the program calls `process.exit()` or dies of an
 * uncaught error; a pipe, not an IPC channel, because an open channel keeps a Node program alive and a
 * program run with DeepScope must end when it would end under plain `node`.
 */
import { writeSync } from 'node:fs';
import { encodeRecord } from '../../runs/core/runLogFormat';
import type { RunRecord } from '../../runs/core/runRecord';
import type { BatchLoss } from '../../runs/core/trainingData';
import type { FromProgramProcess } from '../../training/core/programProtocol';

export const RECORD_FD = 3;
/** Step losses go in chunks a few times a second; anything else goes at once, after what is pending. */
const STEPS_INTERVAL_MS = 100;

export class RecordPipe {
  private pending: BatchLoss[] = [];
  private lastFlush = Date.now();
  private broken = false;

  constructor(private readonly fd = RECORD_FD) {}

  send(message: FromProgramProcess): void {
    if (message.type === 'steps') {
      this.pending.push(...message.losses);
      if (Date.now() - this.lastFlush >= STEPS_INTERVAL_MS) this.flush();
      return;
    }
    this.flush();
    this.write(message);
  }

  flush(): void {
    this.lastFlush = Date.now();
    if (this.pending.length === 0) return;
    const losses = this.pending;
    this.pending = [];
    this.write({ type: 'steps', losses });
  }

  private write(message: FromProgramProcess): void {
    if (this.broken) return;
    try {
      writeSync(this.fd, `${encodeRecord(message as RunRecord)}\n`);
    } catch {
      // The parent is gone (EPIPE): the program goes on, unwatched, as it would without DeepScope.
      this.broken = true;
    }
  }
}
