/**
 * The child side every engine process shares (training, labs): typed messages to the parent, a last
 * message that is flushed before the channel closes, errors as plain data, and no life after the parent.
 */
import { EngineError, errorMessage, type EngineErrorKind, type SourceLocation } from '../engineError';

/** An error as it crosses the channel: an EngineError keeps its kind and location; anything else is `internal`. */
export interface ErrorReport {
  readonly kind: EngineErrorKind | 'internal';
  readonly message: string;
  readonly location?: SourceLocation;
}

export interface WorkerChannel<Out> {
  send(message: Out): void;
  /** The last message: resolved once written, so disconnecting right after cannot drop it. */
  sendFinal(message: Out): Promise<void>;
}

export function workerChannel<Out>(): WorkerChannel<Out> {
  // The parent went away (window closed, CLI killed): stop rather than work for nobody.
  process.on('disconnect', () => process.exit(0));
  return {
    send: (message) => {
      process.send?.(message);
    },
    sendFinal: (message) =>
      new Promise((resolve) => {
        if (!process.send) return resolve();
        process.send(message, undefined, undefined, () => resolve());
      }),
  };
}

export function errorReport(error: unknown): ErrorReport {
  if (error instanceof EngineError) return { kind: error.kind, message: error.message, location: error.location };
  return { kind: 'internal', message: error instanceof Error ? error.stack ?? error.message : errorMessage(error) };
}

/** The parent's side of `errorReport`: the same EngineError again (an internal error counts as `internalKind`). */
export function fromErrorReport(report: ErrorReport, internalKind: EngineErrorKind = 'training'): EngineError {
  return new EngineError(report.kind === 'internal' ? internalKind : report.kind, report.message, report.location);
}
