import type { FrameLocator, Page } from 'playwright-core';

/**
 * The content of the webview whose tab title is `title`: VS Code nests it in two iframes
 * (`iframe.webview` → `#active-frame`).
 */
export function webviewContent(page: Page, title: string): FrameLocator {
  return page.frameLocator(`iframe.webview.ready[title="${title}"], iframe.webview.ready`).first().frameLocator('#active-frame');
}

/** Opens a workspace file by name with Quick Open, as a user would. */
export async function openFile(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible' });
  await input.fill(name);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab', { hasText: name }).waitFor();
}
