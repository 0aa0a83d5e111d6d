import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

test.beforeAll(() => mkdirSync('test-results/screenshots', { recursive: true }));

async function loadTemplate(app: Page, id: string) {
  await app.getByTestId('template-button').click();
  await app.getByTestId(`template-${id}`).click();
}

async function trainBriefly(app: Page, epochs: number, limit?: number) {
  if (limit !== undefined) await app.getByTestId('limit-input').fill(String(limit));
  await app.getByTestId('epochs-input').fill(String(epochs));
  await app.getByTestId('epochs-input').press('Enter');
  await app.getByTestId('train-button').click();
  await expect(app.getByTestId('run-status')).toHaveAttribute('data-status', 'completed', { timeout: 110_000 });
}

test('evaluate LeNet: the confusion matrix covers the 10,000 test digits, a cell opens its examples', async ({ app }) => {
  await loadTemplate(app, 'lenet-mnist');
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
  await dialog.getByTestId('eval-close').click();
  await expect(dialog).toHaveCount(0);
});
