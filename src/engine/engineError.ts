/**
 * The one error type the engine throws for a problem the user can fix: it says what is wrong
 * and, when known, where (file, 1-based line and column). The extension turns it into a
 * diagnostic; the CLI prints `file:line:column: message` and exits 2.
 */
export type EngineErrorKind =
  | 'syntax' // the module does not compile
  | 'missing-export' // createModel / loadData / training missing or of the wrong type
  | 'module-threw' // the module, createModel() or loadData() threw
  | 'bad-data' // empty, NaN/Infinity, mismatched lengths
  | 'shape' // data does not fit the model's input or output
  | 'config' // `training` holds an invalid value
  | 'backend' // the requested backend is unavailable
  | 'training' // tfjs failed during fit
  | 'program'; // a program run with DeepScope exited with a non-zero code, was killed, or never trained

export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export class EngineError extends Error {
  constructor(
    readonly kind: EngineErrorKind,
    message: string,
    readonly location?: SourceLocation,
  ) {
    super(message);
    this.name = 'EngineError';
  }

  /** `file:line:column: message`, the format editors and terminals make clickable. */
  format(): string {
    if (!this.location) {
      return this.message;
    }
    const { file, line, column } = this.location;
    return `${file}:${line}:${column}: ${this.message}`;
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
