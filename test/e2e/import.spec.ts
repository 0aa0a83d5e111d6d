import { join } from 'node:path';
import { expect, test } from './fixtures';
import { openTemplate } from './templates';

/** The TF.js export of the text-to-digit template with its weights: two inputs, a cross-attention and a residual branch. */
const MODEL = join(import.meta.dirname, '..', 'fixtures', 'import', 'text-to-digit');

test('Open a TF.js model.json with its weights: the graph is laid out and the weights are a run', async ({ app, host }) => {
  test.skip(host === 'electron', 'The desktop Open goes through a native dialog; this journey picks the files in the browser.');
  await app.getByTestId('open-file-input').setInputFiles([join(MODEL, 'model.json'), join(MODEL, 'weights.bin')]);

  const notice = app.getByTestId('load-warnings');
  await expect(notice).toContainText('Imported model.json');
  await expect(notice).toContainText('12 layers imported');
  await expect(app.locator('.react-flow__node')).toHaveCount(12);
  await expect(app.getByTestId('total-params')).toHaveText('10,897');
  // Laid out top to bottom: both inputs above the attention that joins them, the image at the bottom.
  const top = async (name: string) => (await app.locator('.react-flow__node', { hasText: name }).first().boundingBox())?.y ?? NaN;
  const attention = await top('cross_attention');
  expect(await top('patches')).toBeLessThan(attention);
  expect(await top('prompt')).toBeLessThan(attention);
  expect(await top('image')).toBeGreaterThan(attention);
  await expect(app.getByTestId('run-row')).toHaveCount(1);
  await expect(app.getByTestId('run-row')).toContainText('Weights imported from model.json');
  await app.screenshot({ path: 'test-results/screenshots/import-model-json.png' });
  // Its inputs fit the prompt dataset, so the imported weights are evaluated at once, with no data to choose first.
  await app.getByTestId('run-row').first().getByTestId('run-evaluate').click();
  await expect(app.getByTestId('eval-dialog').getByTestId('eval-split')).toContainText(/^On .+ · last weights/, { timeout: 60_000 });
  await expect(app.getByTestId('eval-error')).toHaveCount(0);
  await app.screenshot({ path: 'test-results/screenshots/import-evaluated.png' });
});

test('Open a model.json whose weights file is missing: a precise message, and the project stays', async ({ app, host }) => {
  test.skip(host === 'electron', 'The desktop Open goes through a native dialog; this journey picks the files in the browser.');
  await openTemplate(app, 'mlp-iris');
  await expect(app.locator('.react-flow__node')).toHaveCount(4);
  await app.getByTestId('open-file-input').setInputFiles(join(MODEL, 'model.json'));
  await expect(app.getByTestId('load-error')).toContainText('weights.bin that model.json lists is missing');
  await expect(app.locator('.react-flow__node')).toHaveCount(4);
});
