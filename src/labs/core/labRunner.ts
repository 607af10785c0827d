/**
 * The runs of one lab panel: one lab process at a time, the latest request wins (the previous process is
 * killed), and every outcome — result, stop, bad parameters, crash — becomes a message for the view.
 * No `vscode` here: the panel gives it a way to post and the settings to run with.
 */
import type { BackendPreference } from '../../engine/backend';
import { errorMessage } from '../../engine/engineError';
import type { LabRun } from './experiments';
import { runLabInProcess } from './labProcess';
import type { LabInfo } from './labs';
import type { RawParams, ToLab } from './labPanelProtocol';
import { checkLabParams } from './labParams';

export interface LabRunSettings {
  readonly backend: BackendPreference;
  readonly maxMemoryMb: number;
}

export class LabRunner {
  private runs = 0;
  private current: AbortController | undefined;

  constructor(
    private readonly post: (message: ToLab) => void,
    private readonly settings: () => LabRunSettings,
    private readonly runInProcess: typeof runLabInProcess = runLabInProcess,
  ) {}

  get running(): boolean {
    return this.current !== undefined;
  }

  /** Validates `raw` against the lab's schema, then runs it in a lab process. Resolves with the run, or undefined. */
  async run(info: LabInfo, raw: RawParams): Promise<LabRun | undefined> {
    const run = ++this.runs;
    this.current?.abort();
    this.current = undefined;
    const check = checkLabParams(info, raw);
    if (!check.ok) {
      this.post({ type: 'failed', run, message: check.message });
      return undefined;
    }
    const abort = new AbortController();
    this.current = abort;
    this.post({ type: 'running', run, params: check.params, startedAt: Date.now() });
    try {
      const { backend, maxMemoryMb } = this.settings();
      const result = await this.runInProcess({ lab: info.name, params: check.params, backend }, { signal: abort.signal, maxMemoryMb });
      // A newer request took over: it reports for itself.
      if (run !== this.runs) return undefined;
      this.post(result ? { type: 'result', run, report: result.report, tables: result.tables } : { type: 'stopped', run });
      return result;
    } catch (error) {
      if (run === this.runs) this.post({ type: 'failed', run, message: errorMessage(error) });
      return undefined;
    } finally {
      if (this.current === abort) this.current = undefined;
    }
  }

  /** Kills the running lab process, if any; the view is told `stopped`. */
  stop(): void {
    this.current?.abort();
  }
}
