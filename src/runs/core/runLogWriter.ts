/**
 * Appends a run's records to its log as they happen, one line each, written synchronously: when the
 * process is killed, at most the line being written is lost (readers skip a torn last line).
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import * as path from 'node:path';
import { encodeRecord } from './runLogFormat';
import type { RunConsumer, RunRecord } from './runRecord';

export class RunLogWriter implements RunConsumer {
  private fd: number | undefined;

  constructor(readonly file: string) {
    mkdirSync(path.dirname(file), { recursive: true });
    this.fd = openSync(file, 'a');
  }

  add(record: RunRecord): void {
    if (this.fd === undefined) return;
    writeSync(this.fd, `${encodeRecord(record)}\n`);
  }

  close(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
  }
}
