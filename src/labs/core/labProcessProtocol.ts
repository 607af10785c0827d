import type { LabName, ParamValues } from './labs';
import type { BackendPreference } from '../../engine/backend';
import type { LabRun } from './experiments';
import type { ErrorReport } from '../../engine/worker/workerChannel';

/** What the parent asks a lab process: one lab run (the labs' descriptions are pure data: src/labs/core/catalog). */
export type ToLabWorker = { readonly type: 'run'; readonly lab: LabName; readonly params: ParamValues; readonly backend: BackendPreference };

/** The lab process's one answer. Typed arrays survive: the channel uses 'advanced' serialization. */
export type FromLabWorker =
  | { readonly type: 'done'; readonly run: LabRun }
  | ({ readonly type: 'error' } & ErrorReport);
