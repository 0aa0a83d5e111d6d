import { spawnSync } from 'node:child_process';
import { expect, test } from './fixtures';
import { openTemplate } from './templates';

/** Debian's python3-torch is importable from /usr/bin/python3 (CI installs it); the engine finds it there. */
const torch = spawnSync('/usr/bin/python3', ['-c', 'import torch, numpy'], { encoding: 'utf8' });
const why = torch.status === 0 ? '' : `no PyTorch in /usr/bin/python3 (${(torch.stderr || String(torch.error)).trim().split('\n').pop()})`;

/**
 * Training → Compute engine → PyTorch: the host found PyTorch (the menu says on which device), the run is the
 * exported train.py driven by LayerLab's runner, and the live chart, status and record behave as on any engine.
 */
test('picking PyTorch in the Compute engine menu trains a template through PyTorch', async ({ app }) => {
  test.skip(why !== '', why);
  await openTemplate(app, 'mlp-spirals');
  await app.getByTestId('epochs-input').fill('3');
  const menu = app.getByTestId('engine-select');
  await expect(menu.locator('option[value="pytorch"]')).toHaveText(/^PyTorch · CPU/, { timeout: 90_000 });
  await menu.selectOption('pytorch');
  await app
    .getByTestId('engine-group')
    .getByRole('button', { name: /Compute engine/ })
    .click();
  await expect(app.getByTestId('pytorch-status')).toContainText('Found PyTorch');
  await app.getByTestId('engine-group').screenshot({ path: 'test-results/screenshots/engine-pytorch-menu.png' });
  await app.getByTestId('train-button').click();
  await expect(app.getByTestId('run-status')).toHaveAttribute('data-status', 'completed', { timeout: 150_000 });
  await expect(app.getByTestId('run-dock').getByTestId('backend-label')).toHaveText(/^Backend pytorch · CPU/);
  await app.getByTestId('run-dock').screenshot({ path: 'test-results/screenshots/engine-pytorch-run.png' });

  await app.getByTestId('engines-button').click();
  const dialog = app.getByTestId('engines-dialog');
  await expect(dialog.getByTestId('engines-table')).toBeVisible({ timeout: 90_000 });
  await expect(dialog.getByTestId('engine-row-pytorch').filter({ hasText: 'yes' }).first()).toContainText('PyTorch 1.');
  await expect(dialog.getByTestId('engine-row-wasm').first()).toContainText('yes');
  await dialog.screenshot({ path: 'test-results/screenshots/engines-dialog.png' });
});
