import { cp, mkdtemp, rm } from 'node:fs/promises';
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

export async function openUiSession(options: Partial<StartOptions> = {}): Promise<UiSession> {
  const workspace = await mkdtemp(path.join(os.tmpdir(), 'deepscope-workspace-'));
  await cp(EXAMPLES_DIR, workspace, { recursive: true });
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
