import type { Finding, RuleId } from './findings';
import type { RunData } from './runData';

/**
 * Where a finding belongs in the model module: the line creating its layer, the `training`
 * optimiser (learning-rate problems), the `training` loss, `loadData` (input problems), or
 * `createModel` (the model as a whole).
 */
export type Site = 'layer' | 'optimizer' | 'loss' | 'data' | 'model';

/** A finding before it is given its line. */
export interface Draft extends Omit<Finding, 'line' | 'file'> {
  readonly site: Site;
}

/** A diagnosis rule: a pure function of the run so far. */
export interface Rule {
  readonly id: RuleId;
  check(run: RunData): Draft[];
}
