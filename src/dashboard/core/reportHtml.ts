import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ReportedRun, ReportPayload } from '../../runs/core/runSnapshot';
import { escapeHtml, jsonForHtml, randomNonce } from '../../common/core/htmlSafety';
import * as l10n from '@vscode/l10n';
import type { Language } from '../../common/core/language';

/** The dashboard's own words follow `ui` (the display language); the findings' texts follow `explanations`. */
export interface PageLanguages {
  readonly ui: Language;
  readonly explanations: Language;
}

const ENGLISH_PAGE: PageLanguages = { ui: 'en', explanations: 'en' };

/** Light-theme values for the VS Code variables the dashboard reads, for a report opened in any browser. */
const REPORT_THEME = `:root, body {
  --vscode-font-family: system-ui, -apple-system, "Segoe UI", sans-serif; --vscode-font-size: 13px;
  --vscode-foreground: #3b3b3b; --vscode-editor-foreground: #3b3b3b; --vscode-descriptionForeground: #717171;
  --vscode-editor-background: #ffffff; --vscode-panel-border: #e5e5e5; --vscode-editorWidget-border: #c8c8c8;
  --vscode-charts-blue: #1a85ff; --vscode-charts-orange: #d18616; --vscode-charts-green: #388a34;
  --vscode-charts-purple: #652d90; --vscode-charts-red: #e51400; --vscode-charts-yellow: #bf8803;
  --vscode-textLink-foreground: #006ab1; --vscode-badge-background: #c4c4c4; --vscode-badge-foreground: #333333;
}`;

/**
 * A standalone HTML report of a run (and of a second one beside it, `payload.compare`) with the
 * dashboard's own charts: the dashboard bundle and its CSS inlined, the runs embedded as JSON in a
 * non-executable script element, a CSP that only lets that one script run. `webviewDir` is the
 * folder of the built dashboard (out/webviews).
 */
export function reportHtml(payload: ReportPayload, webviewDir: string, languages: PageLanguages = ENGLISH_PAGE): string {
  const name = ({ run }: ReportedRun): string => path.basename(run.start.modelFile);
  const title = payload.compare ? l10n.t('DeepScope report: {0} vs {1}', name(payload), name(payload.compare)) : l10n.t('DeepScope report: {0}', name(payload));
  return dashboardPage(webviewDir, title, payload, languages);
}

/**
 * The dashboard as a plain web page. Without a payload it waits for `window.postMessage` like the
 * webview does (the dashboard benchmark streams runs into it that way).
 */
export function dashboardPage(webviewDir: string, title: string, payload?: ReportPayload, languages: PageLanguages = ENGLISH_PAGE): string {
  const script = readFileSync(path.join(webviewDir, 'dashboard.js'), 'utf8');
  const css = readFileSync(path.join(webviewDir, 'dashboard.css'), 'utf8');
  const nonce = randomNonce();
  const data = payload ? `<script type="application/json" id="deepscope-run">${jsonForHtml(payload)}</script>
` : '';
  return `<!DOCTYPE html>
<html lang="${languages.ui}" data-explanations="${languages.explanations}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-${nonce}'; style-src 'unsafe-inline'; img-src data:;">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${REPORT_THEME}
${css}</style>
</head>
<body class="vscode-light">
${data}<script nonce="${nonce}">${script.replace(/<\/script/gi, '<\\/script')}</script>
</body>
</html>
`;
}

