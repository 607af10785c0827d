/** Each lab's view, by lab name: the sections (with their charts) that show its result. */
import type { LabReport, LabResult } from '../../../src/labs/core/labs';
import type { LabViewContext } from '../viewKit';
import { activationsView } from './activations';
import { attentionView } from './attention';
import { optimizersView } from './optimizers';
import { preprocessingView } from './preprocessing';
import { regularizationView } from './regularization';
import { schedulesView } from './schedules';
import { textView } from './text';
import { weightInitView } from './weightInit';

/** Picks the view from the result's own tag, so each view gets its result type. */
export function renderLabView(report: LabReport, ctx: LabViewContext): HTMLElement[] {
  const result: LabResult = report.result;
  switch (result.lab) {
    case 'weight-init':
      return weightInitView({ ...report, result }, ctx);
    case 'activations':
      return activationsView({ ...report, result }, ctx);
    case 'optimizers':
      return optimizersView({ ...report, result }, ctx);
    case 'schedules':
      return schedulesView({ ...report, result }, ctx);
    case 'regularization':
      return regularizationView({ ...report, result }, ctx);
    case 'preprocessing':
      return preprocessingView({ ...report, result }, ctx);
    case 'text':
      return textView({ ...report, result }, ctx);
    case 'attention':
      return attentionView({ ...report, result }, ctx);
  }
}

