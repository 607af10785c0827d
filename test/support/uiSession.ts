import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { startCodeServer, type CodeServer, type StartOptions } from './codeServer';
import { EXAMPLES_DIR } from './paths';
import { openWorkbench } from './workbench';

/** One UI-test session: VS Code with DeepScope installed, on a scratch copy of examples/. */
export interface UiSession {
  readonly server: CodeServer;
  readonly browser: Browser;
  readonly page: Page;
  /** The workspace folder (a copy, so tests never write into the repository). */
  readonly workspace: string;
  close(): Promise<void>;
}

/** `workspaceSettings`: the copy's .vscode/settings.json, written before VS Code opens it (a later write may be read too late). */
export async function openUiSession(options: Partial<StartOptions> & { workspaceSettings?: Record<string, unknown> } = {}): Promise<UiSession> {
  const workspace = await mkdtemp(path.join(os.tmpdir(), 'deepscope-workspace-'));
  await cp(EXAMPLES_DIR, workspace, { recursive: true });
  if (options.workspaceSettings) {
    await mkdir(path.join(workspace, '.vscode'), { recursive: true });
    await writeFile(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify(options.workspaceSettings, null, 2));
  }
  const server = await startCodeServer({ installExtension: true, disableWorkspaceTrust: true, ...options });
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await openWorkbench(page, server.workbenchUrl(workspace));
  return {
    server,
    browser,
    page,
    workspace,
    async close() {
      await browser.close();
      await server.stop();
      await rm(workspace, { recursive: true, force: true });
    },
  };
}
