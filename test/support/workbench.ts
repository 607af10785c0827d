import type { Locator, Page } from 'playwright-core';

/** Opens the workbench and waits until it is usable (the explorer shows the folder). */
export async function openWorkbench(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
  await page.locator('.part.activitybar, .activitybar').first().waitFor({ timeout: 60_000 });
}

/**
 * F1, the command's title, Enter: what a user does in the command palette. Right after the
 * window opens, extensions may not have registered their commands yet and the palette lists
 * what it knew when it opened: close it and look again until the command shows up.
 */
export async function runCommand(page: Page, title: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const input = page.locator('.quick-input-widget input.input');
  // The row whose label starts with the title (the palette may rank another match first).
  const startsWithTitle = new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
  const row = page
    .locator('.quick-input-widget .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: startsWithTitle }) })
    .first();
  for (let attempt = 0; ; attempt++) {
    // Keyboard focus in the workbench, not in a webview (it forwards F1 only some of the time) nor in a dialog:
    // the side bar's title is harmless to click; the editor area's corner when the side bar is closed.
    const sideBarTitle = page.locator('.monaco-workbench .part.sidebar .composite.title').first();
    const target = (await sideBarTitle.isVisible()) && attempt % 2 === 0 ? sideBarTitle : page.locator('.monaco-workbench .part.editor');
    await target.click({ position: { x: 5, y: 5 } }).catch(() => undefined);
    await page.keyboard.press('F1');
    try {
      await input.waitFor({ state: 'visible', timeout: 5_000 });
      await input.fill(`>${title}`);
      await row.waitFor({ timeout: 3_000 });
      break;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await page.keyboard.press('Escape');
    }
  }
  await row.click();
}

/** Waits for a quick pick or input box whose title contains `title`. */
export async function waitForQuickInput(page: Page, title: string): Promise<void> {
  await page
    .locator('.quick-input-widget:visible .quick-input-title', { hasText: title })
    .waitFor({ state: 'visible', timeout: 60_000 });
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

/**
 * Applies a colour theme from the palette, as a user does ("Preferences: Color Theme", type, Enter), waits for the
 * workbench class of its kind (`vs`, `vs-dark`, `hc-black`, `hc-light`) and moves the mouse off the picker so its
 * row tooltip is not in the next screenshot.
 */
export async function applyColorTheme(page: Page, name: string, workbenchClass: string): Promise<void> {
  await runCommand(page, 'Preferences: Color Theme');
  // The picker lists the installed themes; typing filters it.
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Dark Modern' }).first().waitFor();
  await page.keyboard.type(name);
  await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator(`.monaco-workbench.${workbenchClass}`).waitFor({ timeout: 30_000 });
  await page.mouse.move(150, 650);
  await page.waitForTimeout(500); // the tooltip fades out
}

/**
 * Developer: Reload Window, as a user reloads. Unlike `page.reload()`, the command first flushes the workbench's
 * state (open editors, webview state) to storage and only then reloads; a bare page reload races that write, so a
 * panel opened a few seconds before may not come back.
 */
export async function reloadWindow(page: Page): Promise<void> {
  const unloaded = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame(), timeout: 90_000 });
  await runCommand(page, 'Developer: Reload Window');
  await unloaded;
  await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
}

/**
 * Points the mouse at `text` inside an editor line (a `.view-line`) until `hover` shows, as a user who moves
 * away and back. Monaco draws neighbouring tokens of one colour as one span (`    nn.Tanh` in a notebook cell),
 * so the text's own box is measured, not its span's: the span's centre may be on another word. A hover that
 * comes up while the extension is still starting can miss DeepScope's part (seen once on CI): hence the retries.
 */
export async function hoverOnText(page: Page, line: Locator, text: string, hover: Locator, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await page.mouse.move(150, 600); // the explorer's empty part: off any editor
    const box = await line.evaluate((element, wanted) => {
      const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(wanted) ?? -1;
        if (at >= 0) {
          const range = element.ownerDocument.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + wanted.length);
          const { x, y, width, height } = range.getBoundingClientRect();
          return { x, y, width, height };
        }
      }
      return undefined;
    }, text);
    if (!box) throw new Error(`"${text}" is not on the line "${await line.innerText()}"`);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    try {
      await hover.waitFor({ timeout: 8_000 });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
  }
}

/**
 * Enter on the picker titled `step`. The walkthrough's pictures are webviews, which can take the keyboard while a
 * picker is open (the picker stays, Enter goes to the webview): then click into the picker and press Enter again,
 * until the picker has moved on.
 */
export async function acceptOverWalkthrough(page: Page, step: string): Promise<void> {
  const title = page.locator('.quick-input-widget:visible .quick-input-title', { hasText: step });
  for (let attempt = 0; ; attempt++) {
    await waitForQuickInput(page, step);
    await page.locator('.quick-input-widget:visible input.input').click();
    await page.keyboard.press('Enter');
    try {
      await title.waitFor({ state: 'hidden', timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 4) throw error;
    }
  }
}
