import * as vscode from 'vscode';
import { HOVER_LANGUAGES, NoteHoverProvider } from './hoverProvider';

/** Note hovers on DL symbols in TypeScript/JavaScript (tfjs) and Python (Keras, PyTorch), in any scheme. */
export function register(_context: vscode.ExtensionContext): vscode.Disposable {
  const selector = Object.keys(HOVER_LANGUAGES).map((language) => ({ language }));
  return vscode.languages.registerHoverProvider(selector, new NoteHoverProvider());
}
