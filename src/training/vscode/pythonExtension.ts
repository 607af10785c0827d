/**
 * The interpreter selected in the Python extension (ms-python.python), when it is installed: its
 * `environments` API (2023 and later), else the older `settings.getExecutionDetails`. Any failure
 * means "no choice there": DeepScope then falls back to python3.
 */
import * as vscode from 'vscode';
import { choosePythonInterpreter, type InterpreterChoice } from '../core/pythonInterpreter';
import { pythonInterpreterSetting } from '../../common/vscode/settings';

const PYTHON_EXTENSION = 'ms-python.python';

interface PythonExtensionApi {
  environments?: {
    getActiveEnvironmentPath(resource?: vscode.Uri): { path: string };
    resolveEnvironment(environment: { path: string } | string): Promise<{ executable: { uri?: vscode.Uri } } | undefined>;
  };
  settings?: { getExecutionDetails(resource?: vscode.Uri): { execCommand?: string[] } };
}

async function selectedInPythonExtension(resource: vscode.Uri): Promise<string | undefined> {
  const extension = vscode.extensions.getExtension<PythonExtensionApi>(PYTHON_EXTENSION);
  if (!extension) return undefined;
  try {
    const api = extension.isActive ? extension.exports : await extension.activate();
    if (api.environments) {
      const environment = await api.environments.resolveEnvironment(api.environments.getActiveEnvironmentPath(resource));
      return environment?.executable.uri?.fsPath;
    }
    return api.settings?.getExecutionDetails(resource).execCommand?.[0];
  } catch {
    return undefined;
  }
}

/** The setting, else the Python extension's interpreter, else python3. */
export async function pythonInterpreterFor(resource: vscode.Uri): Promise<InterpreterChoice> {
  const setting = pythonInterpreterSetting(resource);
  return choosePythonInterpreter({ setting, pythonExtension: setting ? undefined : await selectedInPythonExtension(resource) });
}
