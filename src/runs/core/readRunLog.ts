/**
 * Reads a run log written by any producer. A torn last line (the producer was killed while writing
 * it) is skipped; anything else wrong — bad JSON in the middle, no `start` first, a version this
 * DeepScope does not know, a record of unknown type — stops the reading with one RunLogError that
 * names the file and the line (the log is not read at all: a half-trusted run would mislead).
 */
import { readFileSync } from 'node:fs';
import { decodeLine } from './runLogFormat';
import { RUN_LOG_VERSION, RUN_RECORD_TYPES, type RunRecord, type StartRecord } from './runRecord';

export class RunLogError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(`${file}:${line}: ${message}`);
    this.name = 'RunLogError';
  }
}

export interface RunLog {
  readonly file: string;
  readonly start: StartRecord;
  /** Every record, `start` first. */
  readonly records: readonly RunRecord[];
  /** No `end` or `error` record: the producer stopped without saying why (killed, crashed, VS Code closed), or is still writing. */
  readonly interrupted: boolean;
}

export function readRunLogFile(file: string): RunLog {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new RunLogError(file, 1, `cannot read the run log (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return parseRunLog(text, file);
}

export function parseRunLog(text: string, file: string): RunLog {
  const lines = text.split('\n');
  // A log that does not end with a newline was cut while writing its last line.
  const tornLast = !text.endsWith('\n');
  const records: RunRecord[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    if (line.trim() === '') continue;
    const isLast = index === lines.length - 1;
    let value: unknown;
    try {
      value = decodeLine(line);
    } catch {
      if (isLast && tornLast) break;
      throw new RunLogError(file, index + 1, 'this line is not valid JSON; the log is damaged from here on');
    }
    const problem = recordProblem(value, records.length === 0);
    if (problem) throw new RunLogError(file, index + 1, problem);
    records.push(value as RunRecord);
  }
  const start = records[0];
  if (!start || start.type !== 'start') throw new RunLogError(file, 1, 'the log is empty: no start record');
  const last = records[records.length - 1];
  return { file, start, records, interrupted: last.type !== 'end' && last.type !== 'error' };
}

/** What is wrong with one decoded record, or undefined. Shapes are checked as far as readers rely on them. */
export function recordProblem(value: unknown, first: boolean): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'a record must be a JSON object';
  const record = value as Record<string, unknown>;
  const type = record.type;
  if (typeof type !== 'string' || !(RUN_RECORD_TYPES as readonly string[]).includes(type)) {
    return `unknown record type ${JSON.stringify(type)} (known: ${RUN_RECORD_TYPES.join(', ')})`;
  }
  if (first !== (type === 'start')) return first ? `the first record must be "start", not "${type}"` : 'a second "start" record';
  switch (type) {
    case 'start':
      if (record.version !== RUN_LOG_VERSION) return `run log version ${JSON.stringify(record.version)} is not supported (this DeepScope reads version ${RUN_LOG_VERSION})`;
      return missing(record, { modelFile: 'string', backend: 'string', epochs: 'number', stepsPerEpoch: 'number', layers: 'array', watchedLayers: 'array' });
    case 'steps':
      return missing(record, { losses: 'array' });
    case 'probe':
      return missing(record, { step: 'number', epoch: 'number', layers: 'array' });
    case 'epoch':
      return missing(record, { epoch: 'number', loss: 'number', lr: 'number', metrics: 'object' });
    case 'findings':
      return missing(record, { findings: 'array' });
    case 'end':
      return missing(record, { status: 'string' });
    case 'error':
      return missing(record, { message: 'string' });
  }
  return undefined;
}

function missing(record: Record<string, unknown>, fields: Record<string, 'string' | 'number' | 'array' | 'object'>): string | undefined {
  for (const [field, kind] of Object.entries(fields)) {
    const value = record[field];
    const ok = kind === 'array' ? Array.isArray(value) : typeof value === kind && value !== null;
    if (!ok) return `"${String(record.type)}" record: "${field}" must be ${kind === 'array' || kind === 'object' ? `an ${kind}` : `a ${kind}`}`;
  }
  return undefined;
}
