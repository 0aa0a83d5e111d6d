import { connect, dragLayer, number, select, setParam } from './canvas';
import { expect, test } from './fixtures';
import { openTemplate } from './templates';

test('build a small LeNet from the palette: a Dense before Flatten is flagged, the fix clears it, and it trains on MNIST', async ({ app }, info) => {
  await dragLayer(app, 'InputLayer', 140, 70);
  await dragLayer(app, 'Conv2D', 420, 70);
  await dragLayer(app, 'MaxPooling2D', 700, 70);
  await dragLayer(app, 'Dense', 420, 320);

  await select(app, 'input_1');
  await setParam(app, 'shape', '28, 28, 1');
  await select(app, 'conv2d_1');
  await setParam(app, 'filters', '8');
  await setParam(app, 'activation', 'relu');
  await select(app, 'dense_1');
  await setParam(app, 'units', '10');
  await setParam(app, 'activation', 'softmax');

  await connect(app, 'input_1', 'conv2d_1');
  await connect(app, 'conv2d_1', 'max_pooling2d_1');
  await expect(app.getByTestId('node-max_pooling2d_1').getByTestId('node-shape')).toContainText('(None, 13, 13, 8)');

  await app.getByTestId('dataset-select').selectOption('mnist');
  await app.getByTestId('limit-input').fill('3000');
  await app.getByTestId('epochs-input').fill('1');

  // Dense acts on the last axis only, so wired straight after pooling it keeps the 13×13 grid.
  await connect(app, 'max_pooling2d_1', 'dense_1');
  await expect(app.getByTestId('node-dense_1').getByTestId('node-shape')).toContainText('(None, 13, 13, 10)');
  await expect(app.getByTestId('node-dense_1').getByTestId('node-error')).toContainText('a classifier must output one score per class');
  await expect(app.getByTestId('train-button')).toBeDisabled();

  // The fix: put a Flatten in between. Connecting it to Dense replaces the old connection.
  await dragLayer(app, 'Flatten', 140, 320);
  await connect(app, 'max_pooling2d_1', 'flatten_1');
  await connect(app, 'flatten_1', 'dense_1');
  await expect(app.getByTestId('node-dense_1').getByTestId('node-error')).toHaveCount(0);
  await expect(app.getByTestId('node-dense_1').getByTestId('node-shape')).toContainText('(None, 10)');
  // Conv2D 3·3·1·8 + 8 = 80; Dense 1,352·10 + 10 = 13,530, as Keras counts them.
  await expect(app.getByTestId('total-params')).toHaveText('13,610');

  await app.getByTestId('train-button').click();
  await expect(app.getByTestId('run-status')).toHaveAttribute('data-status', 'completed', { timeout: 120_000 });
  expect(await number(app, 'metric-val-accuracy')).toBeGreaterThan(0.7);
  await app.screenshot({ path: info.outputPath('lenet.png') });
  await app.screenshot({ path: 'test-results/screenshots/lenet-trained.png' });
});

test('the Transformer template shows its encoder–decoder wiring and summary', async ({ app }) => {
  await openTemplate(app, 'seq2seq-reverse');
  await expect(app.getByTestId('total-params')).toHaveText('22,924');
  await expect(app.getByTestId('node-transformer_decoder_1').getByTestId('node-shape')).toContainText('(None, 6, 32)');
  await expect(app.getByTestId('node-transformer_decoder_1')).not.toContainText('problem');
  await select(app, 'transformer_decoder_1');
  await expect(app.getByTestId('layer-explain')).toContainText('cross-attention');
  await app.screenshot({ path: 'test-results/screenshots/seq2seq.png' });
});
