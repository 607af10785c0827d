import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { CODE_SERVER_ENTRY, EXTENSION_FOLDER_NAME, REPO_ROOT } from './paths';
import { installEmptyLanguagePack } from './languagePack';

/** A quiet workbench: no welcome page or tips covering what the tests look at. */
const TEST_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  // DeepScope opens its walkthrough the first time it starts: not over what the tests look at.
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'deepscope.walkthrough.openOnFirstStart': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'workbench.colorTheme': 'Default Dark Modern',
  // VS Code for the web saves after a delay by default: tests must not write the files they edit.
  'files.autoSave': 'off',
};

export interface CodeServer {
  readonly port: number;
  readonly baseUrl: string;
  /** Where the user data (settings, logs) of this instance lives. */
  readonly userDataDir: string;
  /** URL of the workbench on `folder`; `payload` adds e.g. extensionDevelopmentPath. */
  workbenchUrl(folder: string, payload?: readonly (readonly [string, string])[]): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Install DeepScope as a user would have it (an unpacked extension in the extensions dir). */
  readonly installExtension: boolean;
  /**
   * Lay it out as the VSIX installs it (scripts/link-extension.mjs), with the TypeScript server plugin in its
   * node_modules; otherwise it is a link to the checkout, where VS Code's TypeScript cannot find the plugin.
   */
  readonly asVsix?: boolean;
  /** Without it, VS Code asks whether to trust the folder and Restricted Mode is testable. */
  readonly disableWorkspaceTrust: boolean;
  readonly env?: NodeJS.ProcessEnv;
  /** VS Code's display language (`--locale`), e.g. `fr`. */
  readonly locale?: string;
  /** User settings over the quiet test defaults. */
  readonly userSettings?: Record<string, unknown>;
}

/** Starts a real VS Code (code-server) on a free port with fresh user data, and waits until it answers. */
export async function startCodeServer(options: StartOptions): Promise<CodeServer> {
  if (!existsSync(CODE_SERVER_ENTRY)) {
    throw new Error(`code-server is not installed at ${CODE_SERVER_ENTRY}: run scripts/setup-vscode.sh`);
  }
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'deepscope-vscode-'));
  const userDataDir = path.join(scratch, 'user-data');
  const extensionsDir = path.join(scratch, 'extensions');
  await mkdir(extensionsDir, { recursive: true });
  await mkdir(path.join(userDataDir, 'User'), { recursive: true });
  await writeFile(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...TEST_SETTINGS, ...options.userSettings }, null, 2));
  if (options.locale) await installEmptyLanguagePack(extensionsDir, userDataDir, options.locale);
  if (options.installExtension) {
    if (options.asVsix) execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'link-extension.mjs'), extensionsDir]);
    else await symlink(REPO_ROOT, path.join(extensionsDir, EXTENSION_FOLDER_NAME), 'dir');
  }
  const port = await freePort();
  const args = [
    CODE_SERVER_ENTRY,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    ...(options.disableWorkspaceTrust ? ['--disable-workspace-trust'] : []),
    ...(options.locale ? ['--locale', options.locale] : []),
  ];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // own process group, so stop() also ends the extension host and its children
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${baseUrl}/healthz`, child, 60_000);
  } catch (error) {
    await stopProcessGroup(child);
    throw new Error(`code-server did not start: ${(error as Error).message}\n${output.join('').slice(-2000)}`);
  }
  return {
    port,
    baseUrl,
    userDataDir,
    workbenchUrl(folder, payload) {
      const query = new URLSearchParams({ folder });
      if (payload) {
        query.set('payload', JSON.stringify(payload));
      }
      return `${baseUrl}/?${query.toString()}`;
    },
    async stop() {
      await stopProcessGroup(child);
      await rm(scratch, { recursive: true, force: true });
    },
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`exited with code ${child.exitCode}`);
    }
    try {
      const response = await fetch(url);
      if (response.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no answer from ${url} within ${timeoutMs} ms`);
}

async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) {
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return; // already gone
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-(child.pid as number), 'SIGKILL');
    } catch {
      // already gone
    }
  }, 5_000);
  await exited;
  clearTimeout(timer);
}
