/**
 * A session for *Run with DeepScope*: the user's program (tfjs, or a PyTorch script under `interpreter`)
 * runs in a program process, from its workspace folder (as in a terminal opened there), with its output
 * in the "DeepScope: Program Output" channel.
 */
import { unwatchedModelText } from '../core/programProtocol';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ErrorRecord } from '../../runs/core/runRecord';
import type { ProgramOutcome } from '../core/programInProcess';
import type { InterpreterChoice } from '../core/pythonInterpreter';
import { runAnyProgram } from '../core/runAnyProgram';
import { TrainingSession, type SessionOptions } from './trainingSession';

export interface ProgramSession {
  readonly session: TrainingSession<ProgramOutcome>;
  /** The run's error record, once there is one (a throw, a non-zero exit, no training). */
  readonly failure: () => ErrorRecord | undefined;
}

export function startProgramSession(options: SessionOptions, interpreter: InterpreterChoice, output: vscode.OutputChannel, log: vscode.LogOutputChannel): ProgramSession {
  const file = options.file;
  const cwd = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(file))?.uri.fsPath ?? path.dirname(file);
  output.clear();
  const python = /\.py$/i.test(file) ? ` --python ${interpreter.python}` : '';
  output.appendLine(`$ deepscope run ${path.relative(cwd, file) || file}${python}   (in ${cwd})`);
  output.show(true);
  let failure: ErrorRecord | undefined;
  const session = new TrainingSession<ProgramOutcome>(options, (emit, signal) =>
    runAnyProgram(
      { file, args: [], cwd, stdio: 'pipe', backend: options.backend, probeEverySteps: options.probeEverySteps, watchLayers: options.watchLayers, maxMemoryMb: options.maxMemoryMb },
      interpreter,
      (record) => {
        if (record.type === 'error') failure = record;
        emit(record);
      },
      {
        backend: (notice) => log.info(`${path.basename(file)} runs on the ${notice.backend} backend${notice.why ? ` (${notice.why})` : ''}`),
        unwatched: (model) => output.appendLine(`[deepscope] ${unwatchedModelText(model)}.`),
        output: (_stream, text) => output.append(text),
      },
      signal,
    ),
  );
  void session.done.then((outcome) => {
    const how = outcome.signal ? `was killed (${outcome.signal})` : `exited with code ${outcome.exitCode}`;
    output.appendLine(`[deepscope] the program ${outcome.cancelled ? 'was stopped' : how}.`);
  });
  return { session, failure: () => failure };
}
