import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'deepscope.deepscope';

/** Activates DeepScope explicitly, so tests never depend on an activation event having fired. */
export async function activateDeepScope(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded in this extension host`);
  await extension.activate();
  return extension;
}
