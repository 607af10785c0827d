import * as vscode from 'vscode';
import { escapeHtml, randomNonce } from '../core/htmlSafety';

/**
 * The HTML shell of a DeepScope webview: no data in it (data arrives by postMessage), a CSP that
 * allows only our nonce'd script and our stylesheet, nothing from the network, no eval.
 * `language` is the page's (its `lang`); `explanations`, when the page shows explanations in another one (the
 * dashboard's findings), goes in `data-explanations`.
 * Vega's tooltips set inline styles, hence 'unsafe-inline' for styles only.
 */
export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, bundle: string, title: string, language: string, explanations?: string): string {
  const nonce = randomNonce();
  const base = vscode.Uri.joinPath(extensionUri, 'out', 'webviews');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(base, `${bundle}.js`));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(base, `${bundle}.css`));
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${webview.cspSource} 'unsafe-inline'`,
    `img-src ${webview.cspSource} data:`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${language}"${explanations === undefined ? '' : ` data-explanations="${explanations}"`}>
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${style.toString()}">
<title>${escapeHtml(title)}</title>
</head>
<body>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}


/** Webview options shared by DeepScope's panels: scripts on, resources only from the built webview folder. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'out', 'webviews')],
  };
}
