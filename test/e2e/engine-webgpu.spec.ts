import { expect, test } from './fixtures';
import { openTemplate } from './templates';

/**
 * Training → Compute engine → WebGPU: the web host's engine process trains on Dawn's adapter. On a
 * machine without a GPU that is Mesa's llvmpipe (software), which is used only because it was
 * picked by name; the run says which adapter it got and that it passed the parity check.
 */
test('picking WebGPU trains a template on the WebGPU engine and says which adapter it used', async ({ app }) => {
  await openTemplate(app, 'mlp-spirals');
  await app.getByTestId('epochs-input').fill('2');
  await app.getByTestId('engine-select').selectOption('webgpu');
  await app.getByTestId('train-button').click();
  await expect(app.getByTestId('run-status')).toHaveAttribute('data-status', 'completed', { timeout: 120_000 });
  const backend = app.getByTestId('run-dock').getByTestId('backend-label');
  // Where Dawn finds no adapter at all the run falls back and says why; here Mesa gives one.
  await expect(backend).toHaveText(/^Backend webgpu · (GPU \(WebGPU|CPU \(WebGPU, software adapter)/);
  await app
    .getByTestId('engine-group')
    .getByRole('button', { name: /Compute engine/ })
    .click();
  await expect(app.getByTestId('engine-last')).toContainText('passed the parity check');
  await app.getByTestId('engine-group').screenshot({ path: 'test-results/screenshots/engine-webgpu.png' });
});
