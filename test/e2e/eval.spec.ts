import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openTemplate } from './templates';

test.beforeAll(() => mkdirSync('test-results/screenshots', { recursive: true }));

async function trainBriefly(app: Page, epochs: number, limit?: number) {
  if (limit !== undefined) await app.getByTestId('limit-input').fill(String(limit));
  await app.getByTestId('epochs-input').fill(String(epochs));
  await app.getByTestId('epochs-input').press('Enter');
  await app.getByTestId('train-button').click();
  await expect(app.getByTestId('run-status')).toHaveAttribute('data-status', 'completed', { timeout: 110_000 });
}

test('evaluate LeNet: the confusion matrix covers the 10,000 test digits, a cell opens its examples', async ({ app }) => {
  await openTemplate(app, 'lenet-mnist');
  await trainBriefly(app, 1, 3000);
  const row = app.getByTestId('runs-panel').getByTestId('run-row').first();
  await expect(row).toHaveAttribute('data-status', 'completed');
  await row.getByTestId('run-evaluate').click();

  const dialog = app.getByTestId('eval-dialog');
  await expect(dialog.getByTestId('confusion-matrix')).toBeVisible({ timeout: 60_000 });
  await expect(dialog.getByTestId('eval-split')).toContainText("MNIST's 10,000 test images");
  const cells = dialog.getByTestId('confusion-cell');
  await expect(cells).toHaveCount(100);
  const counts = await cells.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))));
  expect(counts.reduce((a, n) => a + n, 0)).toBe(10_000);
  expect(Number((await dialog.getByTestId('eval-accuracy').textContent())?.replace('%', ''))).toBeGreaterThan(70);

  // The biggest confusion (a 4 read as a 9, a 3 as a 5…): the cell a teacher would click first.
  const biggest = await cells.evaluateAll(
    (els) =>
      els.reduce(
        (best, e, i) => {
          const off = e.getAttribute('data-truth') !== e.getAttribute('data-predicted');
          const n = Number(e.getAttribute('data-count'));
          return off && n > best.n ? { i, n } : best;
        },
        { i: -1, n: 0 },
      ).i,
  );
  expect(biggest).toBeGreaterThanOrEqual(0);
  const cell = cells.nth(biggest);
  const truth = await cell.getAttribute('data-truth');
  const predicted = await cell.getAttribute('data-predicted');
  await cell.click();
  const examples = dialog.getByTestId('cell-examples');
  await expect(examples).toContainText(`True ${truth}, predicted ${predicted}`);
  await expect(examples.getByTestId('eval-example').first()).toBeVisible();
  await expect(examples.getByTestId('eval-example').first().locator('img')).toBeVisible();
  await expect(dialog.getByTestId('mistakes-gallery').getByTestId('eval-example')).not.toHaveCount(0);
  await app.screenshot({ path: 'test-results/screenshots/eval-confusion-matrix.png' });

  // Playground: a stroke on the pad and the ten probabilities appear, with the centred 28×28 the model saw.
  await dialog.getByTestId('eval-tab-playground').click();
  const pad = dialog.getByTestId('draw-pad');
  const box = (await pad.boundingBox())!;
  await app.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.2);
  await app.mouse.down();
  for (let i = 1; i <= 12; i++) await app.mouse.move(box.x + box.width * 0.5, box.y + box.height * (0.2 + i * 0.05), { steps: 2 });
  await app.mouse.up();
  await expect(dialog.getByTestId('playground-bar')).toHaveCount(10, { timeout: 60_000 });
  await expect(dialog.getByTestId('playground-seen').locator('img')).toBeVisible();
  const shares = await dialog.getByTestId('playground-bar').locator('span:last-child').allTextContents();
  expect(shares.map((t) => Number(t.replace('%', ''))).reduce((a, p) => a + p, 0)).toBeCloseTo(100, 0);
  await expect(dialog.getByTestId('playground-answer')).toHaveText(/^\d$/);
  await app.screenshot({ path: 'test-results/screenshots/eval-playground.png' });

  // Feature maps of a test digit: six channels of the first convolution, then the second's sixteen.
  await dialog.getByTestId('eval-tab-features').click();
  await dialog.getByTestId('feature-example').nth(3).click();
  await expect(dialog.getByTestId('feature-map-grid')).toContainText('conv2d_1: 6 channels, 28×28', { timeout: 30_000 });
  await expect(dialog.getByTestId('first-filters').locator('img')).toBeVisible();
  await dialog.getByTestId('feature-layer').selectOption('conv2d_2');
  await expect(dialog.getByTestId('feature-map-grid')).toContainText('conv2d_2: 16 channels, 10×10');
  await app.screenshot({ path: 'test-results/screenshots/eval-feature-maps.png' });
  await dialog.getByTestId('eval-close').click();
  await expect(dialog).toHaveCount(0);
});

test('the spirals decision field is shaded under the points and changes while the model trains', async ({ app }) => {
  // It watches a live run frame by frame and takes three screenshots; on a starved machine that outlasts 120 s.
  test.slow();
  await openTemplate(app, 'mlp-spirals');
  // Far more epochs than the test watches: the run must still be going when it is stopped, however slow the machine.
  await app.getByTestId('epochs-input').fill('10000');
  await app.getByTestId('epochs-input').press('Enter');
  const scatter = app.getByTestId('data-preview');
  await app.getByTestId('train-button').click();
  await expect(app.getByTestId('run-status')).toHaveAttribute('data-status', 'training', { timeout: 30_000 });
  await expect.poll(async () => Number(await scatter.getAttribute('data-boundary-frames')), { timeout: 30_000 }).toBeGreaterThan(2);
  const early = await scatter.screenshot();
  const framesEarly = Number(await scatter.getAttribute('data-boundary-frames'));
  await expect.poll(async () => Number(await scatter.getAttribute('data-boundary-frames')), { timeout: 30_000 }).toBeGreaterThan(framesEarly + 3);
  await expect(app.getByTestId('boundary-legend')).toBeVisible();
  const later = await scatter.screenshot();
  expect(Buffer.compare(early, later)).not.toBe(0);
  await scatter.scrollIntoViewIfNeeded();
  await app.screenshot({ path: 'test-results/screenshots/eval-decision-boundary.png' });
  await scatter.locator('..').screenshot({ path: 'test-results/screenshots/eval-decision-boundary-close.png' });
  await app.getByTestId('stop-button').click();
  await expect(app.getByTestId('run-status')).toHaveAttribute('data-status', 'stopped', { timeout: 10_000 });
});

test('vanishing gradients: the dynamics chart of deep sigmoid, then both runs overlaid across projects', async ({ app }) => {
  await openTemplate(app, 'deep-sigmoid-mnist');
  await trainBriefly(app, 3, 6000);
  await app.getByTestId('inside-button').click();
  const dyn = app.getByTestId('dynamics-dialog');
  await expect(dyn.getByTestId('gradient-norm-chart')).toHaveAttribute('data-epochs', '3');
  await expect(dyn.getByTestId('gradient-norm-chart')).toHaveAttribute('data-layers', '7');
  await expect(dyn.getByTestId('gradient-ratio')).toContainText('less');
  await dyn.getByTestId('layer-row').first().click();
  await expect(dyn.getByTestId('weight-histogram')).toBeVisible();
  await app.screenshot({ path: 'test-results/screenshots/eval-gradient-norms.png' });
  await dyn.getByTestId('dynamics-close').click();

  // Leaving the unsaved sigmoid project asks first, in the app's own dialog; its runs are recorded whatever the answer.
  await openTemplate(app, 'deep-relu-mnist');
  await app.getByTestId('confirm-ok').click();
  await expect(app.getByTestId('total-params')).toBeVisible();
  await trainBriefly(app, 3, 6000);
  await app.getByTestId('compare-button').click();
  const compare = app.getByTestId('compare-dialog');
  const projects = compare.getByTestId('compare-project');
  await expect(projects.filter({ hasText: 'sigmoid' })).not.toHaveCount(0);
  await expect(projects.filter({ hasText: 'ReLU' })).not.toHaveCount(0);
  await projects.filter({ hasText: 'sigmoid' }).first().getByTestId('compare-run').first().check();
  await projects.filter({ hasText: 'ReLU' }).first().getByTestId('compare-run').first().check();
  await expect(compare.getByTestId('compare-chart').locator('[data-series]')).toHaveAttribute('data-series', '2');
  await app.screenshot({ path: 'test-results/screenshots/eval-compare-projects.png' });
});

test('the Transformer template: attention of a sentence as a query × key heatmap, per head', async ({ app }) => {
  await openTemplate(app, 'transformer-imdb');
  await trainBriefly(app, 1, 1000);
  await app.getByTestId('runs-panel').getByTestId('run-row').first().getByTestId('run-evaluate').click();
  const dialog = app.getByTestId('eval-dialog');
  await expect(dialog.getByTestId('confusion-matrix')).toBeVisible({ timeout: 90_000 });
  await dialog.getByTestId('eval-tab-attention').click();
  const heat = dialog.getByTestId('attention-heatmap');
  await expect(heat).toBeVisible({ timeout: 60_000 });
  await expect(dialog.getByTestId('attention-card')).toContainText('transformer_encoder_1 · self-attention · head 1 of 2');
  // One cell per (query, key) pair of the sentence's tokens.
  const cells = await heat.locator('rect').count();
  expect(Math.sqrt(cells) % 1).toBe(0);
  expect(cells).toBeGreaterThanOrEqual(15 * 15);
  await expect(dialog.getByTestId('attention-range')).toContainText('darkest');
  await dialog.getByTestId('attention-head').nth(1).click();
  await expect(dialog.getByTestId('attention-card')).toContainText('head 2 of 2');
  await app.screenshot({ path: 'test-results/screenshots/eval-attention-heatmap.png' });
});
