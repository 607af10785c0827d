/**
 * Numbers as the lab views show them: whole numbers as they are, others with 4 significant digits, in
 * exponent form when very small or very large (activations of 1e-8 and 1e12 sit side by side).
 */
export function formatValue(value: number | string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value) && Math.abs(value) < 1e7) return String(value);
  const magnitude = Math.abs(value);
  if (value !== 0 && (magnitude < 1e-3 || magnitude >= 1e5)) return value.toExponential(2);
  return String(Number(value.toPrecision(4)));
}

export function formatPercent(fraction: number): string {
  return `${(100 * fraction).toFixed(fraction < 0.001 && fraction > 0 ? 2 : 1)} %`;
}
