/**
 * Every lab's description, in the order the quick pick and `deepscope lab` list them. Pure data: the
 * extension host reads it directly, the labs' code (tfjs, an NLP model) stays in the lab process.
 */
import type { LabInfo, LabName } from '../labs';
import { activationsInfo } from './activations';
import { attentionInfo } from './attention';
import { optimizersInfo } from './optimizers';
import { preprocessingInfo } from './preprocessing';
import { regularizationInfo } from './regularization';
import { schedulesInfo } from './schedules';
import { textInfo } from './text';
import { weightInitInfo } from './weightInit';

export const LAB_CATALOG: readonly LabInfo[] = [weightInitInfo, activationsInfo, optimizersInfo, schedulesInfo, regularizationInfo, preprocessingInfo, textInfo, attentionInfo];

export function labInfo(name: LabName): LabInfo {
  const info = LAB_CATALOG.find((candidate) => candidate.name === name);
  if (!info) throw new Error(`no lab is named "${name}"`);
  return info;
}
