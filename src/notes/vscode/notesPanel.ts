import * as vscode from 'vscode';
import { webviewHtml, webviewOptions } from '../../common/vscode/webviewHtml';
import type { Language } from '../core';
import { parseFromNotes, type FromNotes, type NoteView, type ToNotes } from '../core/notesProtocol';

export const NOTES_VIEW_TYPE = 'deepscope.notes';
/** The HTML shell's <title>: a constant, since no data goes into the HTML (the tab title is panel.title). */
const SHELL_TITLE = 'DeepScope Notes';

/**
 * The notes viewer's webview panel. It keeps the last note it was given and sends it whenever the
 * webview says `ready`: on first load, and again each time VS Code re-creates a hidden webview
 * (DeepScope does not retain hidden webviews). Messages from the webview are validated first.
 */
export class NotesPanel implements vscode.Disposable {
  private ready = false;
  private last: ToNotes | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  readonly onDidDispose: vscode.Event<void>;

  constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    language: Language,
    onMessage: (message: Exclude<FromNotes, { type: 'ready' }>) => void,
  ) {
    this.onDidDispose = panel.onDidDispose;
    panel.webview.options = webviewOptions(extensionUri);
    panel.webview.html = webviewHtml(panel.webview, extensionUri, 'notes', SHELL_TITLE, language);
    this.disposables.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => {
        const message = parseFromNotes(raw);
        if (!message) return;
        if (message.type === 'ready') {
          this.ready = true;
          if (this.last) void panel.webview.postMessage(this.last);
        } else {
          onMessage(message);
        }
      }),
      panel.onDidDispose(() => this.dispose()),
    );
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
    this.last = { type: 'show', note };
    if (this.ready) void this.panel.webview.postMessage(this.last);
  }

  reveal(): void {
    this.panel.reveal();
  }

  dispose(): void {
    this.disposables.forEach((disposable) => disposable.dispose());
    this.disposables.length = 0;
  }
}
