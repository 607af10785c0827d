/**
 * How to spell the recommended replacements in the user's framework and import style, shared by the
 * rules that write them (He normal initialisation, Keras callbacks and optimisers).
 */
import type { Framework } from '../scan/layers';
import type { Source } from '../scan/source';
import type { Edit } from '../types';
import { addImport, binds } from './imports';

/** He normal in the style of the initialiser being replaced: tfjs `heNormal`, Keras class `HeNormal`, Keras name `he_normal`. */
export function heNormalName(framework: Framework, replaced: string): string {
  if (framework === 'tfjs') return 'heNormal';
  return /^[A-Z]/.test(replaced) ? 'HeNormal' : 'he_normal';
}

/** PyTorch's He normal for a weight: `nn.init.kaiming_normal_(w, nonlinearity="relu")`. */
export function kaimingNormal(initPrefix: string, weight: string): string {
  return `${initPrefix}kaiming_normal_(${weight}, nonlinearity="relu")`;
}

/** A module path a fix writes, and the import to add when the file does not bind it yet. */
export interface ModuleReference {
  readonly module: string;
  readonly imports: readonly Edit[];
}

/** `nn.init.` when the file binds `nn` (`from torch import nn`, `import torch.nn as nn`), else `torch.nn.init.` (importing torch if needed). */
export function torchInitPrefix(source: Source): ModuleReference {
  return binds(source, 'nn') ? { module: 'nn.init.', imports: [] } : torchModule(source, 'torch.nn.init.');
}

/** `torch.…`, importing torch when the file has not. */
export function torchModule(source: Source, module: string): ModuleReference {
  return { module, imports: binds(source, 'torch') ? [] : [addImport(source, 'import torch')] };
}

/** The module through which this file reaches Keras: `keras`, `tf.keras` when only TensorFlow is bound, else keras imported. */
export function kerasModule(source: Source): ModuleReference {
  if (binds(source, 'keras')) return { module: 'keras', imports: [] };
  if (binds(source, 'tf')) return { module: 'tf.keras', imports: [] };
  const tensorflow = /^\s*(?:import|from)\s+tensorflow\b/m.test(source.text);
  return { module: 'keras', imports: [addImport(source, tensorflow ? 'from tensorflow import keras' : 'import keras')] };
}
