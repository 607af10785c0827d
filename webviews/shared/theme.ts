import type { Config } from 'vega-lite';

/**
 * Chart colours and fonts from the VS Code theme (its CSS variables), so charts follow light,
 * dark and high-contrast themes. The standalone report defines the same variables itself.
 */
export interface ChartTheme {
  readonly foreground: string;
  readonly muted: string;
  readonly grid: string;
  readonly background: string;
  /** Categorical palette: the theme's chart colours. */
  readonly palette: readonly string[];
  readonly accent: string;
  readonly warning: string;
  readonly error: string;
  readonly fontFamily: string;
  readonly fontSize: number;
  readonly highContrast: boolean;
}

function cssVar(name: string, fallback: string): string {
  const value = getComputedStyle(document.body).getPropertyValue(name).trim();
  return value || fallback;
}

export function readTheme(): ChartTheme {
  const highContrast = document.body.classList.contains('vscode-high-contrast') || document.body.classList.contains('vscode-high-contrast-light');
  const foreground = cssVar('--vscode-editor-foreground', cssVar('--vscode-foreground', '#333333'));
  return {
    foreground,
    muted: cssVar('--vscode-descriptionForeground', foreground),
    grid: highContrast ? foreground : cssVar('--vscode-editorWidget-border', cssVar('--vscode-panel-border', '#80808040')),
    background: cssVar('--vscode-editor-background', '#ffffff'),
    palette: [
      cssVar('--vscode-charts-blue', '#1f77b4'),
      cssVar('--vscode-charts-orange', '#ff7f0e'),
      cssVar('--vscode-charts-green', '#2ca02c'),
      cssVar('--vscode-charts-purple', '#9467bd'),
      cssVar('--vscode-charts-red', '#d62728'),
      // The theme's yellow is next to its orange in most themes: a sixth series takes the text colour instead.
      foreground,
      cssVar('--vscode-charts-yellow', '#bcbd22'),
    ],
    accent: cssVar('--vscode-charts-blue', '#1f77b4'),
    warning: cssVar('--vscode-editorWarning-foreground', '#bf8803'),
    error: cssVar('--vscode-editorError-foreground', '#e51400'),
    fontFamily: cssVar('--vscode-font-family', 'sans-serif'),
    fontSize: Number.parseFloat(cssVar('--vscode-font-size', '13')) || 13,
    highContrast,
  };
}

/** A vega-lite config drawing every chart in the theme's colours on a transparent background. */
export function vegaConfig(theme: ChartTheme): Config {
  const axis = {
    domainColor: theme.muted,
    gridColor: theme.grid,
    gridOpacity: theme.highContrast ? 0.6 : 0.35,
    tickColor: theme.muted,
    labelColor: theme.foreground,
    titleColor: theme.foreground,
    labelFont: theme.fontFamily,
    titleFont: theme.fontFamily,
    labelFontSize: theme.fontSize - 2,
    titleFontSize: theme.fontSize - 1,
    titleFontWeight: 'normal' as const,
  };
  return {
    background: 'transparent',
    font: theme.fontFamily,
    view: { stroke: 'transparent' },
    axis,
    legend: {
      labelColor: theme.foreground,
      titleColor: theme.foreground,
      labelFont: theme.fontFamily,
      titleFont: theme.fontFamily,
      labelFontSize: theme.fontSize - 2,
      titleFontSize: theme.fontSize - 1,
      orient: 'top',
      direction: 'horizontal',
      // A legend names a series: its symbol stays opaque even when the series is drawn faint.
      symbolOpacity: 1,
    },
    title: { color: theme.foreground, font: theme.fontFamily, fontSize: theme.fontSize, fontWeight: 'normal', anchor: 'start' },
    // Facet headers (each small multiple's layer name) default to black, unreadable on a dark theme.
    header: { labelColor: theme.foreground, titleColor: theme.foreground, labelFont: theme.fontFamily, titleFont: theme.fontFamily, labelFontSize: theme.fontSize - 2 },
    range: { category: [...theme.palette] },
    line: { strokeWidth: theme.highContrast ? 2.5 : 1.6 },
  };
}
