import type { Page } from 'playwright-core';

/** Opens the workbench and waits until it is usable (the explorer shows the folder). */
export async function openWorkbench(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
  await page.locator('.part.activitybar, .activitybar').first().waitFor({ timeout: 60_000 });
}

/** F1, the command's title, Enter: what a user does in the command palette. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.locator('.monaco-workbench').click({ position: { x: 400, y: 5 } }).catch(() => undefined);
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
}

/** Waits for a quick pick or input box whose title contains `title`. */
export async function waitForQuickInput(page: Page, title: string): Promise<void> {
  await page
    .locator('.quick-input-widget:visible .quick-input-title', { hasText: title })
    .waitFor({ state: 'visible', timeout: 30_000 });
}

/** Accepts the current quick input (its default) once its title shows `title`. */
export async function acceptQuickInput(page: Page, title: string): Promise<void> {
  await waitForQuickInput(page, title);
  await page.keyboard.press('Enter');
  await page
    .locator('.quick-input-widget .quick-input-title', { hasText: title })
    .waitFor({ state: 'hidden', timeout: 30_000 })
    .catch(() => undefined);
}
