import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { connect, dragLayer, number, select, setParam } from './canvas';
import { expect, test } from './fixtures';
import { openTemplate } from './templates';

test('build an MLP from the palette, train it on spirals, watch it learn, save and reopen it', async ({ app, files, host }, info) => {
  await dragLayer(app, 'InputLayer', 120, 220);
  await dragLayer(app, 'Dense', 420, 220);
  await dragLayer(app, 'Dense', 720, 220);
  await expect(app.getByTestId('node-input_1')).toBeVisible();
  await expect(app.getByTestId('node-dense_2')).toBeVisible();

  // Unwired layers say what is wrong and how to fix it.
  await expect(app.getByTestId('node-dense_1').getByTestId('node-error')).toContainText('This layer is not connected to anything.');

  await connect(app, 'input_1', 'dense_1');
  await connect(app, 'dense_1', 'dense_2');
  await expect(app.getByTestId('node-dense_1').getByTestId('node-error')).toHaveCount(0);

  await select(app, 'dense_1');
  await expect(app.getByTestId('inspector')).toBeVisible();
  await setParam(app, 'units', '64');
  await setParam(app, 'activation', 'relu');
  await expect(app.getByTestId('node-dense_1').getByTestId('node-shape')).toContainText('(None, 64)');

  await select(app, 'dense_2');
  await setParam(app, 'units', '2');
  await setParam(app, 'activation', 'softmax');
  // Input (2) → Dense 64 (2·64 + 64 = 192) → Dense 2 (64·2 + 2 = 130), as Keras counts them.
  await expect(app.getByTestId('total-params')).toHaveText('322');

  await app.getByTestId('dataset-select').selectOption('spirals');
  await expect(app.getByTestId('fit-issue')).toHaveCount(0);
  await app.getByTestId('lr-input').fill('0.02');
  await app.getByTestId('epochs-input').fill('60');

  await app.getByTestId('train-button').click();
  await expect(app.getByTestId('run-status')).toHaveAttribute('data-status', 'completed', { timeout: 90_000 });
  await expect(app.getByTestId('backend-label')).toContainText(/wasm|tensorflow|cpu/);
  await expect(app.getByTestId('epoch-counter')).toContainText('60 / 60');
  expect(await number(app, 'metric-accuracy')).toBeGreaterThan(0.9);
  expect(await number(app, 'metric-val-accuracy')).toBeGreaterThan(0.9);
  expect(Number(await app.getByTestId('loss-chart').getAttribute('data-points'))).toBeGreaterThan(100);
  expect(Number(await app.getByTestId('epoch-chart').getAttribute('data-points'))).toBe(60);
  await app.screenshot({ path: info.outputPath(`trained-${host}.png`) });
  await app.screenshot({ path: join('test-results', 'screenshots', `trained-${host}.png`) });

  // Save, start over, open the file again: the same graph comes back.
  const file = join(mkdtempSync(join(tmpdir(), 'layerlab-e2e-')), 'spirals.layerlab.json');
  await files.save(file);
  const saved = JSON.parse(readFileSync(file, 'utf8'));
  expect(saved).toMatchObject({ format: 'layerlab', version: 1, data: { dataset: 'spirals' }, training: { epochs: 60, learningRate: 0.02 } });
  expect(saved.graph.nodes.map((n: { type: string }) => n.type)).toEqual(['InputLayer', 'Dense', 'Dense']);

  app.once('dialog', (d) => d.accept());
  await app.getByTestId('new-button').click();
  await expect(app.getByTestId('node-dense_1')).toHaveCount(0);
  await files.open(file);
  await expect(app.getByTestId('node-dense_1').getByTestId('node-shape')).toContainText('(None, 64)');
  await expect(app.getByTestId('node-dense_2').getByTestId('node-shape')).toContainText('(None, 2)');
  await expect(app.getByTestId('total-params')).toHaveText('322');
  await expect(app.getByTestId('epochs-input')).toHaveValue('60');
  await expect(app.getByTestId('dirty-indicator')).toHaveAttribute('data-dirty', 'false');

  // A file saved before projects had ids opens with a new one, and is unsaved until it is saved with it.
  const older = join(dirname(file), 'older.layerlab.json');
  const { id, ...withoutId } = saved;
  expect(id).toMatch(/^[A-Za-z0-9_-]{6,64}$/);
  writeFileSync(older, JSON.stringify(withoutId));
  await files.open(older);
  await expect(app.getByTestId('total-params')).toHaveText('322');
  await expect(app.getByTestId('dirty-indicator')).toHaveAttribute('data-dirty', 'true');
});

test('Stop ends a long run within a second and the editor stays usable', async ({ app }) => {
  await openTemplate(app, 'mlp-mnist');
  await expect(app.getByTestId('total-params')).toHaveText('101,770');
  await app.getByTestId('epochs-input').fill('50');
  await app.getByTestId('train-button').click();
  await expect(app.getByTestId('run-status')).toHaveAttribute('data-status', 'training', { timeout: 60_000 });
  await expect.poll(async () => Number(await app.getByTestId('loss-chart').getAttribute('data-points')), { timeout: 30_000 }).toBeGreaterThan(0);
  await app.getByTestId('stop-button').click();
  await expect(app.getByTestId('run-status')).toHaveAttribute('data-status', 'stopped', { timeout: 1_000 });

  await select(app, 'dense_1');
  await setParam(app, 'units', '64');
  await expect(app.getByTestId('total-params')).toHaveText('50,890');
  await expect(app.getByTestId('train-button')).toBeEnabled();
});

test('a graph error appears on the node and the data panel offers the fix', async ({ app }) => {
  await openTemplate(app, 'mlp-spirals');
  await app.getByTestId('dataset-select').selectOption('iris');
  await expect(app.getByTestId('fit-issue').first()).toContainText('Iris examples have shape (4,)');
  await expect(app.getByTestId('train-button')).toBeDisabled();
  await app.getByTestId('fit-fix').first().click();
  await expect(app.getByTestId('fit-issue').first()).toContainText('Iris has 3 classes, but the output layer has 2 units');
  await app.getByTestId('fit-fix').first().click();
  await expect(app.getByTestId('fit-issue')).toHaveCount(0);
  await expect(app.getByTestId('train-button')).toBeEnabled();

  await select(app, 'dense_1');
  await app.keyboard.press('Delete');
  await expect(app.getByTestId('node-dense_2').getByTestId('node-error')).toContainText('This layer is not connected to anything.');
  await app.keyboard.press('Control+z');
  await expect(app.getByTestId('node-dense_2').getByTestId('node-error')).toHaveCount(0);
});
