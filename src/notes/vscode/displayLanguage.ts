import * as vscode from 'vscode';
import { asLanguageSetting, pickLanguage, type NoteLanguage } from '../core';

/** The language the `deepscope.language` setting asks for (VS Code's display language for `auto`). */
export function settingLanguage(): NoteLanguage {
  return pickLanguage(vscode.env.language, asLanguageSetting(vscode.workspace.getConfiguration('deepscope').get<unknown>('language')));
}
