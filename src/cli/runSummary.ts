/** Turning a finished run into what `deepscope train` prints: a JSON object, or a few human lines. */
import type { EpochRecord, LayerProbe, ProbeFrame } from '../runs/core/trainingData';
import type { ProcessRunSummary } from '../training/core/trainInProcess';
import { typedArraysAsArrays } from '../common/core/plainJson';

/** The `--json` object: backend, epochs, history, and per layer its last probe. */
export function runJson(summary: ProcessRunSummary, lastFrame: ProbeFrame | undefined): string {
  const layers: Record<string, LayerProbe> = {};
  for (const layer of lastFrame?.layers ?? []) {
    layers[layer.layer] = layer;
  }
  const object = {
    backend: summary.start.backend,
    epochs: summary.history.length,
    cancelled: summary.cancelled,
    history: summary.history.map(flattenRecord),
    layers,
  };
  // NaN becomes null, as JSON requires.
  return JSON.stringify(object, typedArraysAsArrays);
}

/** `{ epoch, loss, lr, acc, val_loss, val_acc }`: tfjs's own log names, one flat object per epoch. */
export function flattenRecord(record: EpochRecord): Record<string, number> {
  const flat: Record<string, number> = { epoch: record.epoch, loss: record.loss, lr: record.lr, ...record.metrics };
  if (record.valLoss !== undefined) flat.val_loss = record.valLoss;
  for (const [name, value] of Object.entries(record.valMetrics ?? {})) flat[`val_${name}`] = value;
  return flat;
}

export function epochLine(record: EpochRecord, total: number): string {
  const parts = Object.entries(flattenRecord(record))
    .filter(([name]) => name !== 'epoch')
    .map(([name, value]) => `${name} ${formatNumber(value)}`);
  return `epoch ${String(record.epoch + 1).padStart(String(total).length)}/${total}  ${parts.join('  ')}`;
}

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value !== 0 && (Math.abs(value) < 1e-3 || Math.abs(value) >= 1e4)) return value.toExponential(2);
  return value.toFixed(4);
}
