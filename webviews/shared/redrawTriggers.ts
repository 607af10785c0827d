/** Width changes smaller than this (a scrollbar appearing, say) do not warrant drawing every chart again. */
const WIDTH_STEP_PX = 40;
const RESIZE_SETTLE_MS = 250;

function themeClasses(): string {
  return (document.body.className.match(/vscode-[\w-]+/g) ?? []).join(' ');
}

/**
 * Calls `redraw` when VS Code switches the colour theme (it swaps the body's `vscode-*` classes, and charts take
 * their colours when drawn) and when the view's width settles at a new size (charts are laid out for a width).
 */
export function redrawOnThemeOrWidthChange(redraw: () => void): void {
  let theme = themeClasses();
  new MutationObserver(() => {
    const next = themeClasses();
    if (next === theme) return;
    theme = next;
    redraw();
  }).observe(document.body, { attributes: true, attributeFilter: ['class'] });

  let timer: number | undefined;
  let width = window.innerWidth;
  window.addEventListener('resize', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      if (Math.abs(window.innerWidth - width) <= WIDTH_STEP_PX) return;
      width = window.innerWidth;
      redraw();
    }, RESIZE_SETTLE_MS);
  });
}
