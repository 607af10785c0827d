import * as vscode from 'vscode';
import type { Choice } from '../core/choices';

/**
 * Small wrappers over quick picks and input boxes for the multi-step "New Model…" flow.
 * Each returns `undefined` when the user presses Escape, which cancels the whole flow.
 */

/** `step` is already in the display language (the callers' l10n.t). */
const stepTitle = (step: string): string => vscode.l10n.t('DeepScope: New Model: {0}', step);

interface ValueItem<T> extends vscode.QuickPickItem {
  readonly value: T;
}

/** One choice among `choices`; the recommended one comes first, so Enter accepts the notes' default. */
export async function pickChoice<T>(step: string, choices: readonly Choice<T>[]): Promise<T | undefined> {
  const items: ValueItem<T>[] = choices.map((choice) => ({
    value: choice.value,
    label: choice.label,
    description: choice.recommended ? vscode.l10n.t('recommended') : undefined,
    detail: choice.warning ? `$(warning) ${choice.warning}` : choice.detail,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: stepTitle(step),
    placeHolder: vscode.l10n.t('Choose the {0} (Enter keeps the recommended default)', step),
    ignoreFocusOut: true,
    matchOnDetail: true,
  });
  return picked?.value;
}

export async function pickItem<T>(step: string, placeHolder: string, items: readonly ValueItem<T>[]): Promise<T | undefined> {
  const picked = await vscode.window.showQuickPick(items, { title: stepTitle(step), placeHolder, ignoreFocusOut: true });
  return picked?.value;
}

export async function pickMany<T>(step: string, placeHolder: string, items: readonly (ValueItem<T> & { picked?: boolean })[]): Promise<T[] | undefined> {
  const picked = await vscode.window.showQuickPick(items, {
    title: stepTitle(step),
    placeHolder,
    canPickMany: true,
    ignoreFocusOut: true,
  });
  return picked?.map((item) => item.value);
}

/** Free text, validated as the user types by `parse` (which returns an error message or the value). */
export async function askText<T>(
  step: string,
  prompt: string,
  initial: string,
  parse: (text: string) => { value: T } | { error: string },
): Promise<T | undefined> {
  const text = await vscode.window.showInputBox({
    title: stepTitle(step),
    prompt,
    value: initial,
    ignoreFocusOut: true,
    validateInput: (input) => {
      const result = parse(input);
      return 'error' in result ? result.error : undefined;
    },
  });
  if (text === undefined) {
    return undefined;
  }
  const result = parse(text);
  return 'value' in result ? result.value : undefined;
}

export type { ValueItem };
