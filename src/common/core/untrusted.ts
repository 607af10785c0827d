/**
 * Reading values DeepScope did not write itself in this process — messages from a webview, the state VS Code
 * hands back when it restores a panel, a file's parsed front matter — which are checked field by field before use.
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return isRecord(value) ? value : undefined;
}
