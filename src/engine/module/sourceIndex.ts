/**
 * Line lookups in a model module's text, for messages that point at the right place without
 * parsing TypeScript: the line of an export, the lines of `tf.layers.*(…)` calls.
 */

/** 1-based line of `export function name` / `export const name` / `export { name }`, if any. */
export function findExportLine(source: string, name: string): number | undefined {
  const patterns = [
    new RegExp(`^\\s*export\\s+(?:async\\s+)?function\\s*\\*?\\s*${name}\\b`),
    new RegExp(`^\\s*export\\s+(?:const|let|var)\\s+${name}\\b`),
    new RegExp(`\\bexport\\s*\\{[^}]*\\b${name}\\b`),
    new RegExp(`^\\s*(?:async\\s+)?function\\s+${name}\\b`),
    new RegExp(`^\\s*(?:const|let|var)\\s+${name}\\b`),
  ];
  const lines = source.split(/\r?\n/);
  for (const pattern of patterns) {
    const index = lines.findIndex((line) => pattern.test(line));
    if (index >= 0) {
      return index + 1;
    }
  }
  return undefined;
}
