import * as vscode from 'vscode';
import { DisposableStore } from '../../common/core/disposable';
import { getKnowledge, type Language, type TopicId } from '../core';
import { parseNotesState, type FromNotes, type NotesState } from '../core/notesProtocol';
import { explanationLanguage as settingLanguage } from '../../common/vscode/settings';
import { readNoteArgument } from '../core/noteArgument';
import { noteView } from '../core/noteView';
import { NOTES_VIEW_TYPE, NotesPanel } from './notesPanel';
import { pickTopic } from './pickTopic';
import { registerPanelRestorer } from '../../common/vscode/webviewPanelHost';

/**
 * The notes viewer: one panel, reused for every topic ("DeepScope: Open Lecture Note…", the links
 * of hovers, diagnostics and the dashboard, related-topic links), restored after a reload.
 */
/** Workspace-state key of the note last shown (see `restore`). */
const LAST_NOTE_KEY = 'deepscope.notes.lastShown';

export class NotesController implements vscode.Disposable {
  private panel: NotesPanel | undefined;
  private shown: TopicId | undefined;
  /** The language picked with the viewer's EN/FR toggle; it wins over the setting until the setting changes. */
  private toggled: Language | undefined;
  private readonly disposables = new DisposableStore();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly workspaceState: vscode.Memento,
  ) {
    this.disposables.registerAll(
      registerPanelRestorer(NOTES_VIEW_TYPE, parseNotesState, (webviewPanel, state) => this.restore(webviewPanel, state)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!event.affectsConfiguration('deepscope.language')) return;
        this.toggled = undefined;
        if (this.shown) this.show(this.shown);
      }),
    );
  }

  /** The `deepscope.openNote` command: a topic id opens it; nothing opens the quick pick. Returns the topic shown. */
  async open(argument?: unknown): Promise<TopicId | undefined> {
    const request = readNoteArgument(argument);
    if (request.kind === 'unknown') {
      // Not awaited: the command returns at once, the message stays until dismissed.
      void vscode.window.showWarningMessage(vscode.l10n.t('DeepScope has no lecture note "{0}". Run "DeepScope: Open Lecture Note…" to choose one.', request.id));
      return undefined;
    }
    const topic = request.kind === 'topic' ? request.topic : await pickTopic(getKnowledge().topics, this.language());
    if (topic) {
      this.leaveEditorGroup();
      this.show(topic);
      this.panel?.reveal();
    }
    return topic;
  }

  dispose(): void {
    this.panel?.panel.dispose();
    this.disposables.dispose();
  }

  private show(topic: TopicId): void {
    const language = this.language();
    this.panel ??= this.attach(
      NotesPanel.create(this.extensionUri, language, beside(), (message) => this.handle(message)),
    );
    this.shown = topic;
    this.panel.show(noteView(getKnowledge(), topic, language));
    void this.workspaceState.update(LAST_NOTE_KEY, { topic, language } satisfies NotesState);
  }

  /**
   * A panel VS Code brings back after a reload, with the state its webview last saved. VS Code in a browser
   * may reload before it has stored that state (a note opened seconds before): the note last shown, kept in
   * the workspace state, stands in for it.
   */
  private restore(webviewPanel: vscode.WebviewPanel, saved: NotesState | undefined): void {
    const state = saved ?? parseNotesState(this.workspaceState.get(LAST_NOTE_KEY));
    if (!state) {
      // Closed before its first note arrived: nothing to show again.
      webviewPanel.dispose();
      return;
    }
    this.closePanel();
    this.toggled = state.language === settingLanguage() ? undefined : state.language;
    this.panel = this.attach(new NotesPanel(webviewPanel, this.extensionUri, this.language(), (message) => this.handle(message)));
    this.show(state.topic);
  }

  private attach(panel: NotesPanel): NotesPanel {
    panel.onDidDispose(() => {
      if (this.panel !== panel) return;
      this.panel = undefined;
      this.shown = undefined;
      this.toggled = undefined;
    });
    return panel;
  }

  /** Messages are already validated: the topic is a known id and the language en or fr. */
  private handle(message: Exclude<FromNotes, { type: 'ready' }>): void {
    if (message.type === 'openTopic') {
      this.show(message.topic);
    } else if (this.shown) {
      this.toggled = message.language === settingLanguage() ? undefined : message.language;
      this.show(this.shown);
    }
  }

  /**
   * A note opened from the code (a hover, a diagnostic) must not cover that code: a panel sharing
   * the editor's group is replaced by a new one beside it (a moved panel would come back as a
   * preview tab, which the next file opened there replaces). Elsewhere it stays where the user put it.
   */
  private leaveEditorGroup(): void {
    const editor = vscode.window.activeTextEditor;
    if (editor && editor.viewColumn === this.panel?.panel.viewColumn) this.closePanel();
  }

  /** Closes the panel to open another: detached first, so its dispose handler keeps the topic and the language toggle. */
  private closePanel(): void {
    const panel = this.panel;
    this.panel = undefined;
    panel?.panel.dispose();
  }

  private language(): Language {
    return this.toggled ?? settingLanguage();
  }
}

/** Beside the code being read when there is an editor, else in the active group. */
function beside(): vscode.ViewColumn {
  return vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
}
