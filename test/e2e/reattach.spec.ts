import { join } from 'node:path';
import { expect, test } from './fixtures';
import { openTemplate } from './templates';

const points = async (app: import('@playwright/test').Page, id: string) => Number(await app.getByTestId(id).getAttribute('data-points'));

test('a reload during training rejoins the live run: charts refilled, still growing, stoppable', async ({ app, host }) => {
  test.skip(host !== 'web', 'A reload is a browser journey; the desktop window reattaches through the same code.');
  await openTemplate(app, 'mlp-spirals');
  // Long enough that it is still going after the reload; the test stops it.
  await app.getByTestId('epochs-input').fill('10000');
  await app.getByTestId('train-button').click();
  await expect(app.getByTestId('run-status')).toHaveAttribute('data-status', 'training', { timeout: 60_000 });
  await expect.poll(() => points(app, 'loss-chart'), { timeout: 30_000 }).toBeGreaterThan(20);
  const before = await points(app, 'loss-chart');

  await app.reload();
  await expect(app.getByTestId('run-status')).toHaveAttribute('data-status', 'training', { timeout: 30_000 });
  // The history came back from the run's record, not only what arrived after the reload.
  await expect.poll(() => points(app, 'loss-chart'), { timeout: 10_000 }).toBeGreaterThanOrEqual(before);
  const refilled = await points(app, 'loss-chart');
  await expect.poll(() => points(app, 'loss-chart'), { timeout: 30_000 }).toBeGreaterThan(refilled);
  expect(await points(app, 'epoch-chart')).toBeGreaterThan(0);
  await expect(app.getByTestId('backend-label')).toContainText(/wasm|cpu|tensorflow/i);
  // Plain words first; the backend's name and why it was chosen stay in the tooltip.
  await expect(app.getByTestId('backend-plain')).toHaveText(/^Training on your (CPU|GPU) \(/);
  expect(await app.getByTestId('backend-plain').getAttribute('title')).toMatch(/wasm|cpu|tensorflow/);
  await app.screenshot({ path: join('test-results', 'screenshots', 'reattached.png') });

  await app.getByTestId('stop-button').click();
  await expect(app.getByTestId('run-status')).toHaveAttribute('data-status', 'stopped', { timeout: 30_000 });
  await expect(app.getByTestId('backend-plain')).toHaveText(/^Trained on your (CPU|GPU)/);
  await expect(app.getByTestId('throughput')).toHaveText(/samples\/s$/);
  await expect(app.getByTestId('throughput').locator('..')).toHaveAttribute('title', /whole run/);
});
