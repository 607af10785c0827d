import * as vscode from 'vscode';
import { webviewOptions } from '../../common/vscode/webviewHtml';
import { WebviewPanelHost } from '../../common/vscode/webviewPanelHost';
import type { Language } from '../core';
import { parseFromNotes, type FromNotes, type NoteView, type ToNotes } from '../core/notesProtocol';

export const NOTES_VIEW_TYPE = 'deepscope.notes';
/** The HTML shell's <title>: a constant, since no data goes into the HTML (the tab title is panel.title). */
const SHELL_TITLE = 'DeepScope Notes';

/**
 * The notes viewer's webview panel. The note shown is its one slot: sent again whenever the webview
 * says `ready` — on first load, and each time VS Code re-creates a hidden webview (DeepScope does not
 * retain hidden webviews). Messages from the webview are validated first.
 */
export class NotesPanel implements vscode.Disposable {
  private readonly host: WebviewPanelHost<ToNotes, FromNotes>;
  readonly onDidDispose: vscode.Event<void>;

  constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    language: Language,
    onMessage: (message: Exclude<FromNotes, { type: 'ready' }>) => void,
  ) {
    this.host = new WebviewPanelHost(panel, extensionUri, {
      bundle: 'notes',
      shellTitle: SHELL_TITLE,
      language,
      parse: parseFromNotes,
      replayKind: () => ({ slot: 'note' }),
      onMessage,
    });
    this.onDidDispose = this.host.onDidDispose;
  }

  static create(extensionUri: vscode.Uri, language: Language, column: vscode.ViewColumn, onMessage: (message: Exclude<FromNotes, { type: 'ready' }>) => void): NotesPanel {
    const panel = vscode.window.createWebviewPanel(NOTES_VIEW_TYPE, SHELL_TITLE, column, {
      ...webviewOptions(extensionUri),
      enableFindWidget: true,
    });
    return new NotesPanel(panel, extensionUri, language, onMessage);
  }

  show(note: NoteView): void {
    this.panel.title = note.title;
    this.host.post({ type: 'show', note });
  }

  reveal(): void {
    this.panel.reveal();
  }

  dispose(): void {
    this.host.dispose();
  }
}
