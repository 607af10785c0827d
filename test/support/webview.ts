import type { FrameLocator, Page } from 'playwright-core';

/**
 * The content of the webview in the active editor, once the tab titled `title` is the active one. VS Code nests
 * a webview in two iframes (`iframe.webview` → `#active-frame`) that carry no title, and keeps the iframes of
 * other webview editors in the page, hidden: the visible one is the active editor's.
 */
export async function webviewContent(page: Page, title: string, timeout = 90_000): Promise<FrameLocator> {
  await page.locator('.tabs-container .tab.active', { hasText: title }).first().waitFor({ timeout });
  return page.frameLocator('iframe.webview.ready >> visible=true').first().frameLocator('#active-frame');
}

/** Opens a workspace file by name with Quick Open, as a user would. */
export async function openFile(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible' });
  await input.fill(name);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  // The file opens in the focused group; another group may show it too.
  await page.locator('.editor-group-container.active .tab.active', { hasText: name }).waitFor();
}

/**
 * A screenshot of a webview's whole `main`, which is taller than the window: a webview only paints what its frame
 * shows, so the window is made as tall as the view for the shot (same width: the charts keep their layout).
 */
export async function screenshotWholeView(page: Page, view: FrameLocator, file: string): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 1400, height: 900 };
  const height = await view.locator('main').evaluate((main) => main.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.min(9000, height + 300) });
  await page.waitForTimeout(1000);
  await view.locator('main').screenshot({ path: file });
  await page.setViewportSize(viewport);
}
