import { expect, test } from './fixtures';
import { openTemplate } from './templates';

const counter = async (app: import('@playwright/test').Page) => Number((await app.getByTestId('batch-counter').textContent())?.trim());

test('pause, step twice, resume and stop; a second run; overlay both; find both after a restart', async ({ app }) => {
  await openTemplate(app, 'mlp-spirals');
  // The most epochs the field takes: on a fast engine a few hundred end before Pause is pressed.
  await app.getByTestId('epochs-input').fill('10000');

  await app.getByTestId('train-button').click();
  await expect(app.getByTestId('run-status')).toHaveAttribute('data-status', 'training', { timeout: 30_000 });
  await app.getByTestId('pause-button').click();
  await expect(app.getByTestId('run-status')).toHaveAttribute('data-status', 'paused');
  const before = await counter(app);
  expect(before).toBeGreaterThan(0);

  await app.getByTestId('step-button').click();
  await expect.poll(() => counter(app)).toBe(before + 1);
  await app.getByTestId('step-button').click();
  await expect.poll(() => counter(app)).toBe(before + 2);
  await expect(app.getByTestId('run-status')).toHaveAttribute('data-status', 'paused');

  await app.getByTestId('resume-button').click();
  await expect(app.getByTestId('run-status')).toHaveAttribute('data-status', 'training');
  await expect.poll(() => counter(app)).toBeGreaterThan(before + 2);
  await app.getByTestId('stop-button').click();
  await expect(app.getByTestId('run-status')).toHaveAttribute('data-status', 'stopped', { timeout: 2_000 });

  // The first run took the best engine this machine has; it is never the reference JavaScript one.
  const backend = app.getByTestId('run-dock').getByTestId('backend-label');
  await expect(backend).toHaveText(/^Backend (wasm|tensorflow) · /);

  // A second run with another learning rate, on the engine picked by hand.
  await app.getByTestId('lr-input').fill('0.05');
  await app.getByTestId('epochs-input').fill('5');
  await app.getByTestId('engine-select').selectOption('cpu');
  await app.getByTestId('train-button').click();
  await expect(app.getByTestId('run-status')).toHaveAttribute('data-status', 'completed', { timeout: 60_000 });
  await expect(backend).toHaveText(/^Backend cpu · .* — requested/);
  await app
    .getByTestId('engine-group')
    .getByRole('button', { name: /Compute engine/ })
    .click();
  await expect(app.getByTestId('engine-last')).toContainText('requested');
  await app.getByTestId('engine-group').screenshot({ path: 'test-results/screenshots/engine-group.png' });

  const rows = app.getByTestId('runs-panel').getByTestId('run-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toHaveAttribute('data-status', 'completed');
  await expect(rows.nth(1)).toHaveAttribute('data-status', 'stopped');
  await rows.nth(0).getByTestId('run-select-checkbox').check();
  await rows.nth(1).getByTestId('run-select-checkbox').check();
  await expect(app.getByTestId('overlay-chart')).toHaveAttribute('data-series', '2');
  await app.screenshot({ path: 'test-results/screenshots/runs-overlay.png' });

  // Restart: the project (with its id) comes back from autosave and its runs from the host.
  await app.reload();
  const again = app.getByTestId('runs-panel').getByTestId('run-row');
  await expect(again).toHaveCount(2);
  await expect(again.nth(1)).toHaveAttribute('data-status', 'stopped');
  // The engine is a preference of this machine: it survives the restart.
  await expect(app.getByTestId('engine-select')).toHaveValue('cpu');
});
