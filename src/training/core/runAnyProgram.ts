/**
 * One entry for every program DeepScope runs unchanged: a .py script under the PyTorch watcher, any
 * other file (.js, .mjs, .cjs, .ts…) as a tfjs program. The CLI and VS Code call this, so both treat a
 * file the same way.
 */
import type { RunRecord } from '../../runs/core/runRecord';
import type { Framework } from '../../runs/core/trainingData';
import { runProgramInProcess, type ProgramEvents, type ProgramOutcome, type ProgramRequest } from './programInProcess';
import { runPythonInProcess } from './pythonInProcess';
import type { InterpreterChoice } from './pythonInterpreter';

export function programFramework(file: string): Framework {
  return /\.py$/i.test(file) ? 'pytorch' : 'tfjs';
}

export function runAnyProgram(
  request: ProgramRequest,
  interpreter: InterpreterChoice,
  emit: (record: RunRecord) => void,
  events: ProgramEvents = {},
  signal?: AbortSignal,
): Promise<ProgramOutcome> {
  if (programFramework(request.file) === 'tfjs') return runProgramInProcess(request, emit, events, signal);
  const { file, args, cwd, stdio, probeEverySteps, watchLayers } = request;
  return runPythonInProcess({ file, args, cwd, stdio, interpreter, probeEverySteps, watchLayers }, emit, events, signal);
}
