/**
 * A constant kernel initialiser (zeros, ones, constant) (topic init-homogeneous): every unit of the
 * layer computes the same output and receives the same gradient, so the units stay identical.
 * Only where that symmetry matters: not biases (zero biases are the usual choice), not a layer with a
 * single unit (nothing to tell apart), not a model's output layer (its units get different errors, and
 * a zero output layer is a deliberate start), not a normalisation layer's scale (γ = 1, or 0 on purpose).
 */
import { kernelInitializerOf, layersOf, option, valueName, type Layer } from '../scan/layers';
import { isOutputLayer, modelOf, unitsOf } from '../scan/models';
import { enclosingHeaders } from '../scan/structure';
import { quoted, replace } from '../scan/edits';
import type { Source, Span } from '../scan/source';
import type { Edit, LintFinding } from '../types';
import { calleeOf, callsTo, finding, preferredFix, type Advice, type LintRule } from './rule';
import { heNormalName, kaimingNormal, torchInitPrefix } from './spelling';

const ADVICE: Advice = {
  topic: 'init-homogeneous',
  severity: 'warning',
  message:
    'Constant weights: every unit of this layer computes the same output and gets the same gradient, so all units stay identical and learn the same feature. Random weights break the symmetry; He normal suits ReLU.',
};

const CONSTANT = new Set(['zeros', 'ones', 'constant', 'zeros_initializer', 'ones_initializer', 'constant_initializer']);
const TITLE = 'Use He normal initialisation';

export const constantInitializer: LintRule = {
  id: 'constant-initializer',
  check(source) {
    const findings: LintFinding[] = [];
    for (const layer of layersOf(source)) {
      const item = kernelInitializerOf(layer);
      const name = item && valueName(source, item.value);
      if (item && name !== undefined && CONSTANT.has(name) && symmetryMatters(source, layer)) {
        findings.push(finding(this.id, item.value, ADVICE, preferredFix(TITLE, [heNormalValue(source, layer, item.value)])));
      }
    }
    if (!source.python) return findings;
    // PyTorch: nn.init.zeros_(layer.weight), nn.init.constant_(layer.weight, c).
    for (const call of callsTo(source, /(?:^|\.)init\.(?:zeros_|ones_|constant_)$/)) {
      const weight = call.args[0] && source.textOf(call.args[0]);
      if (weight === undefined || !/\.weight$/.test(weight) || inNormalisation(source, call.from, weight)) continue;
      const prefix = call.callee.slice(0, call.callee.lastIndexOf('.') + 1);
      findings.push(finding(this.id, calleeOf(call), ADVICE, preferredFix(TITLE, [replace(call, kaimingNormal(prefix, weight))])));
    }
    // PyTorch: layer.weight.data.fill_(c), layer.weight.zero_().
    for (const call of callsTo(source, /\.weight(?:\.data)?\.(?:fill_|zero_)$/)) {
      const weight = call.callee.replace(/(?:\.data)?\.(?:fill_|zero_)$/, '');
      if (inNormalisation(source, call.from, weight)) continue;
      const init = torchInitPrefix(source);
      findings.push(finding(this.id, calleeOf(call), ADVICE, preferredFix(TITLE, [replace(call, kaimingNormal(init.module, weight)), ...init.imports])));
    }
    return findings;
  },
};

function symmetryMatters(source: Source, layer: Layer): boolean {
  const units = unitsOf(layer) ?? (layer.kind.startsWith('conv') ? option(layer, 'filters', 0)?.value : undefined);
  if (units !== undefined && source.numberOf(units) === 1) return false;
  const model = modelOf(source, layer);
  return model.length < 2 || !isOutputLayer(source, layer, model);
}

const NORMALISATION = /norm|\bbn\d*\b|\bln\d*\b/i;

/** `m.bn3.weight`, or a weight set under `isinstance(m, nn.BatchNorm2d)` or in `class RMSNorm`: a normalisation scale. */
function inNormalisation(source: Source, index: number, weight: string): boolean {
  if (NORMALISATION.test(weight.replace(/\.weight$/, '').replace(/[._]/g, ' '))) return true;
  for (const header of enclosingHeaders(source, index)) {
    const keyword = source.tokens[header].text;
    const end = source.lineEnd(source.tokens[header].end);
    if ((keyword === 'if' || keyword === 'elif' || keyword === 'class') && NORMALISATION.test(source.text.slice(source.tokens[header].start, end))) return true;
  }
  return false;
}

/** `'zeros'` → `'heNormal'` / `"he_normal"`; `tf.initializers.zeros()` → `tf.initializers.heNormal({})`; `initializers.Zeros()` → `initializers.HeNormal()`. */
function heNormalValue(source: Source, layer: Layer, value: Span): Edit {
  const call = source.callOf(value);
  const module = call?.callee.slice(0, call.callee.lastIndexOf('.') + 1) ?? '';
  if (call && (layer.framework === 'tfjs' || module.endsWith('initializers.'))) {
    const name = heNormalName(layer.framework, call.callee.slice(module.length));
    return replace(value, `${module}${name}(${layer.framework === 'tfjs' ? '{}' : ''})`);
  }
  return replace(value, quoted(source, heNormalName(layer.framework, 'he_normal'), value));
}
