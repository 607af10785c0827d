import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const made: string[] = [];

/**
 * A new folder in the system's temp folder, removed when the test process exits (even after a failed test or a
 * killed child), so that running the suite leaves nothing behind.
 */
export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `deepscope-${prefix}-`));
  if (made.length === 0) process.once('exit', removeScratchDirs);
  made.push(dir);
  return dir;
}

function removeScratchDirs(): void {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
}
