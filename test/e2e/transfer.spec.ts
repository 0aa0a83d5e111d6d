import type { Page } from '@playwright/test';
import { select } from './canvas';
import { expect, test } from './fixtures';
import { openTemplate } from './templates';

async function trainBriefly(app: Page) {
  await app.getByTestId('limit-input').fill('300');
  await app.getByTestId('epochs-input').fill('2');
  await app.getByTestId('epochs-input').press('Enter');
  await app.getByTestId('train-button').click();
  await expect(app.getByTestId('run-status')).toHaveAttribute('data-status', 'completed', { timeout: 110_000 });
}

test('transfer digits: the source layers listed to cut and freeze, then transfer and from-scratch runs on one chart', async ({ app }) => {
  await openTemplate(app, 'transfer-digits');
  await select(app, 'pretrained');
  const layers = app.getByTestId('source-layers');
  // The shipped 0–4 CNN, each layer with its output shape; the template keeps its convolutional base.
  await expect(layers.getByTestId('source-layer-conv1')).toContainText('(None, 26, 26, 8)');
  await expect(layers.getByTestId('source-layer-features')).toContainText('(None, 32)');
  await expect(layers.getByRole('radio', { name: 'Cut at flatten' })).toBeChecked();
  await expect(app.getByTestId('pretrained-counts')).toContainText('Keeps 6 of 8 layers, 1,248 weights: 1,248 frozen, 0 trainable');

  // Fine-tune the top weighted layer: conv2 now trains, conv1 stays frozen, the dropped dense layers say nothing.
  await app.getByTestId('param-trainMode').selectOption('fineTuneTop');
  await expect(layers.getByTestId('source-layer-conv2')).toContainText('trains');
  await expect(layers.getByTestId('source-layer-features')).not.toContainText('trains');
  await expect(layers.getByTestId('source-layer-conv1')).toContainText('frozen');
  await expect(app.getByTestId('pretrained-counts')).toContainText('80 frozen');
  await app.screenshot({ path: 'test-results/screenshots/transfer-inspector.png' });
  // Back to feature extraction for the comparison run.
  await app.getByTestId('param-trainMode').selectOption('frozen');
  await expect(app.getByTestId('pretrained-counts')).toContainText('0 trainable');

  await trainBriefly(app);
  await openTemplate(app, 'transfer-digits-scratch');
  await app.getByTestId('confirm-ok').click();
  await expect(app.getByTestId('total-params')).toBeVisible();
  await trainBriefly(app);

  await app.getByTestId('compare-button').click();
  const compare = app.getByTestId('compare-dialog');
  const projects = compare.getByTestId('compare-project');
  await projects.filter({ hasText: 'Transfer: digits' }).first().getByTestId('compare-run').first().check();
  await projects.filter({ hasText: 'from scratch' }).first().getByTestId('compare-run').first().check();
  await expect(compare.getByTestId('compare-chart').locator('[data-series]')).toHaveAttribute('data-series', '2');
  await app.screenshot({ path: 'test-results/screenshots/transfer-compare.png' });
  await compare.getByTestId('compare-close').click();

  // Evaluate the from-scratch run and score the transfer run beside it: the head start, on the same examples.
  await app.getByTestId('run-row').first().getByTestId('run-evaluate').click();
  const evaluation = app.getByTestId('eval-dialog');
  const card = evaluation.getByTestId('head-start-card');
  await expect(card.getByTestId('head-start-select')).toBeVisible({ timeout: 60_000 });
  const transferRun = card.getByTestId('head-start-select').locator('option', { hasText: 'Transfer: digits' }).first();
  const value = await transferRun.getAttribute('value');
  expect(value, 'the transfer run is offered').not.toBeNull();
  await card.getByTestId('head-start-select').selectOption(value ?? '');
  const headline = card.getByTestId('head-start-headline');
  // Which is ahead after 2 short epochs varies with the random start (transfer-digits.test.ts shows transfer winning).
  await expect(headline).toContainText(/^[+−]\d+\.\d points of accuracy (over|behind) Transfer: digits/, { timeout: 60_000 });
  await expect(headline).toContainText('on the same 4,861 examples');
  await expect(card.getByTestId('head-start-epochs').locator('tbody tr')).toHaveCount(2);
  await card.scrollIntoViewIfNeeded();
  await app.screenshot({ path: 'test-results/screenshots/transfer-head-start.png' });
});
