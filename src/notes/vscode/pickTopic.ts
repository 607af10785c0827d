import * as vscode from 'vscode';
import type { Language, Topic, TopicId } from '../core';
import { topicPicks, type TopicPick } from '../core/topicPicks';

/**
 * A quick pick over every topic, its rows in the notes' language (`language`), its frame in VS Code's. Each keystroke re-runs searchTopics (titles, symbols, summaries and
 * full text, in both languages) to choose the rows always shown; VS Code's own filter adds the rows
 * whose title, id or summary it matches, ranks title matches first and highlights the matches.
 */
export function pickTopic(topics: readonly Topic[], language: Language): Promise<TopicId | undefined> {
  const quickPick = vscode.window.createQuickPick<TopicPick>();
  quickPick.title = vscode.l10n.t('DeepScope: Open Lecture Note');
  quickPick.placeholder = vscode.l10n.t('Search the notes: a title, a word of the text or an API name (heNormal, nesterov=True, dropout…)');
  quickPick.matchOnDescription = true;
  quickPick.matchOnDetail = true;
  quickPick.items = topicPicks(topics, '', language);
  return new Promise<TopicId | undefined>((resolve) => {
    let picked: TopicId | undefined;
    const subscriptions = [
      quickPick.onDidChangeValue((value) => {
        const picks = topicPicks(topics, value, language);
        // Re-sending an unchanged list would only make VS Code redraw it.
        if (picks.some((pick, i) => pick.alwaysShow !== quickPick.items[i]?.alwaysShow)) quickPick.items = picks;
      }),
      quickPick.onDidAccept(() => {
        picked = quickPick.selectedItems[0]?.topic ?? quickPick.activeItems[0]?.topic;
        quickPick.hide();
      }),
      quickPick.onDidHide(() => {
        subscriptions.forEach((subscription) => subscription.dispose());
        quickPick.dispose();
        resolve(picked);
      }),
    ];
    quickPick.show();
  });
}
