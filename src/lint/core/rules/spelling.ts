/**
 * How to spell the recommended replacements in the user's framework and import style, shared by the
 * rules that write them (He normal initialisation, Keras callbacks and optimisers).
 */
import type { Framework } from '../scan/layers';
import type { Source } from '../scan/source';

/** He normal in the style of the initialiser being replaced: tfjs `heNormal`, Keras class `HeNormal`, Keras name `he_normal`. */
export function heNormalName(framework: Framework, replaced: string): string {
  if (framework === 'tfjs') return 'heNormal';
  return /^[A-Z]/.test(replaced) ? 'HeNormal' : 'he_normal';
}

/** PyTorch's He normal for a weight: `nn.init.kaiming_normal_(w, nonlinearity="relu")`. */
export function kaimingNormal(initPrefix: string, weight: string): string {
  return `${initPrefix}kaiming_normal_(${weight}, nonlinearity="relu")`;
}

/** `nn.init.` when the file imports `nn` (`from torch import nn`, `import torch.nn as nn`), else `torch.nn.init.`. */
export function torchInitPrefix(source: Source): string {
  const importsNn = /^\s*(?:from\s+torch\s+import\s+(?:.*[\s,(])?nn\b|import\s+torch\.nn\s+as\s+nn\b)/m;
  return importsNn.test(source.text) ? 'nn.init.' : 'torch.nn.init.';
}

/** The module through which this file reaches Keras: `keras`, or `tf.keras` when only TensorFlow is imported. */
export function kerasModule(source: Source): string {
  const importsKeras = /^\s*(?:import\s+keras\b|from\s+keras\b|from\s+tensorflow\s+import\s+(?:.*[\s,])?keras\b|import\s+tensorflow\.keras\s+as\s+keras\b)/m;
  return !importsKeras.test(source.text) && /^\s*import\s+tensorflow\s+as\s+tf\b/m.test(source.text) ? 'tf.keras' : 'keras';
}
