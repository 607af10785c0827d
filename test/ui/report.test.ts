import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { launchBrowser } from '../support/browser';
import { REPO_ROOT, SCREENSHOTS_DIR } from '../support/paths';
import { scratchDir } from '../support/scratch';

test('deepscope train --report writes an HTML report that draws the dashboard\'s charts in Chromium', async () => {
  const scratch = scratchDir('report');
  const report = path.join(scratch, 'report.html');
  execFileSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'deepscope.js'), 'train', path.join(REPO_ROOT, 'test', 'fixtures', 'models', 'tiny-classifier.ts'), '--report', report], {
    cwd: scratch,
    stdio: 'pipe',
  });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await page.goto(`file://${report}`);
    const chart = (label: string) => page.locator(`.chart[aria-label^="${label}"]`);
    await chart('Weight histograms').waitFor({ timeout: 30_000 });
    assert.equal(await chart('Activation distributions over time').getAttribute('data-layers'), 'hidden,output');
    assert.equal(await chart('Gradient norms').getAttribute('data-layers'), 'hidden,output');
    assert.ok(Number(await chart('Loss, metrics and learning rate').getAttribute('data-points')) >= 8);
    // Every chart is drawn: each holds a canvas with a real size.
    const sizes = await page.locator('.chart canvas').evaluateAll((canvases) => canvases.map((c) => (c as HTMLCanvasElement).width * (c as HTMLCanvasElement).height));
    assert.equal(sizes.length, 9);
    assert.ok(sizes.every((area) => area > 10_000), `canvas areas ${sizes.join(', ')}`);
    assert.match(await page.locator('header h1').innerText(), /tiny-classifier\.ts/);
    assert.deepEqual(problems, [], 'no script error and no CSP violation');
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'report.png'), fullPage: true });
  } finally {
    await browser.close();
  }
});

test('deepscope report of two saved runs draws both: curves overlaid, each layer beside the other run\'s', async () => {
  const scratch = scratchDir('report');
  const cli = (...args: string[]) => execFileSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'deepscope.js'), ...args], { cwd: scratch, stdio: 'pipe' });
  const model = path.join(REPO_ROOT, 'test', 'fixtures', 'models', 'tiny-classifier.ts');
  cli('train', model, '--epochs', '2');
  cli('train', model, '--epochs', '3');
  const logs = readdirSync(path.join(scratch, '.deepscope', 'runs')).sort().map((name) => path.join(scratch, '.deepscope', 'runs', name));
  assert.equal(logs.length, 2);
  const report = path.join(scratch, 'compare.html');
  cli('report', logs[1], logs[0], '-o', report);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await page.goto(`file://${report}`);
    await page.locator('.chart[aria-label^="Weight histograms"]').waitFor({ timeout: 30_000 });
    assert.match(await page.locator('header h1').innerText(), /tiny-classifier\.ts/);
    assert.match(await page.locator('header .compared').innerText(), /Compared with tiny-classifier\.ts \(.+\).*epoch 2\/2/);
    assert.equal(await page.locator('header button').count(), 0, 'a report has no host: no compare or stop button');
    assert.equal(await page.locator('.chart[aria-label^="Activation histograms"]').getAttribute('data-layers'), 'hidden,output');
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'report-compare.png'), fullPage: true });
  } finally {
    await browser.close();
  }
});
