import { join } from 'node:path';
import { select, setParam } from './canvas';
import { expect, test } from './fixtures';
import { openTemplate } from './templates';

test('an invalid learning rate blocks Train and names the field; Esc restores the value in use', async ({ app }) => {
  await openTemplate(app, 'mlp-spirals');
  await expect(app.getByTestId('train-button')).toBeEnabled();

  await app.getByTestId('lr-input').fill('-1');
  await expect(app.getByTestId('train-button')).toBeDisabled();
  await expect(app.getByTestId('train-button')).toHaveAttribute('title', /Learning rate shows an error/);
  await expect(app.getByTestId('run-dock')).toContainText('Learning rate shows an error');
  // The keyboard shortcut is refused the same way: nothing runs with a value other than the one shown.
  await app.locator('body').press('Control+Enter');
  await expect(app.getByTestId('run-status')).toHaveAttribute('data-status', 'idle');
  await app.screenshot({ path: join('test-results', 'screenshots', 'editor-invalid-lr.png') });

  await app.getByTestId('lr-input').press('Escape');
  await expect(app.getByTestId('train-button')).toBeEnabled();

  // A layer's field blocks it too.
  await select(app, 'dense_1');
  await setParam(app, 'units', 'abc');
  await expect(app.getByTestId('train-button')).toHaveAttribute('title', /shows an error/);
  await expect(app.getByTestId('train-button')).toBeDisabled();
  await setParam(app, 'units', '32');
  await expect(app.getByTestId('train-button')).toBeEnabled();
});

test('switching templates asks nothing; unsaved edits ask in an in-app dialog', async ({ app }) => {
  let nativeDialogs = 0;
  app.on('dialog', (d) => {
    nativeDialogs++;
    void d.dismiss();
  });
  await openTemplate(app, 'mlp-spirals');
  await expect(app.getByTestId('node-dense_2')).toBeVisible();
  await openTemplate(app, 'mlp-iris');
  await expect(app.getByTestId('node-dropout_1')).toBeVisible();
  await expect(app.getByTestId('confirm-dialog')).toHaveCount(0);

  await select(app, 'dense_1');
  await app.keyboard.press('Delete');
  await app.getByTestId('new-button').click();
  await expect(app.getByTestId('confirm-dialog')).toContainText('Your unsaved changes to "MLP on Iris" will be lost.');
  await app.screenshot({ path: join('test-results', 'screenshots', 'editor-confirm.png') });
  await app.keyboard.press('Escape');
  await expect(app.getByTestId('confirm-dialog')).toHaveCount(0);
  await expect(app.getByTestId('node-dropout_1')).toBeVisible();
  await app.getByTestId('new-button').click();
  await app.getByTestId('confirm-ok').click();
  await expect(app.getByTestId('node-dropout_1')).toHaveCount(0);
  expect(nativeDialogs).toBe(0);
});

test('advice: a hidden Dense without activation gets a tip, and "Graph OK" turns amber', async ({ app }) => {
  await openTemplate(app, 'mlp-spirals');
  await expect(app.getByTestId('graph-health')).toHaveAttribute('data-state', 'ok');
  await select(app, 'dense_1');
  await setParam(app, 'activation', 'linear');
  await expect(app.getByTestId('node-dense_1').getByTestId('node-advice')).toContainText('one linear map');
  await expect(app.getByTestId('graph-health')).toHaveAttribute('data-state', 'advice');
  await expect(app.getByTestId('node-advice-item')).toContainText('Set its activation to relu');
  // Advice never blocks training; a data misfit is a problem, not "Graph OK".
  await expect(app.getByTestId('train-button')).toBeEnabled();
  await app.screenshot({ path: join('test-results', 'screenshots', 'editor-advice.png') });
  await app.getByTestId('dataset-select').selectOption('iris');
  await expect(app.getByTestId('graph-health')).toHaveAttribute('data-state', 'problems');
});
