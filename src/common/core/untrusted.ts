/**
 * Reading values DeepScope did not write itself in this process — messages from a webview, the state VS Code
 * hands back when it restores a panel — which are checked field by field before use.
 */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
