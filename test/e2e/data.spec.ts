import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElectronApplication, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openTemplate } from './templates';

/** Sample data written by the repo's script: iris.csv, iris-broken.csv (line 57), shapes/{circle,square,triangle}. */
let dir = '';
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'layerlab-e2e-samples-'));
  execFileSync('npx', ['tsx', 'scripts/make-sample-data.ts', dir], { stdio: 'pipe', timeout: 120_000 });
  mkdirSync('test-results/screenshots', { recursive: true });
});

/** In the browser the path is typed; the desktop reads only what was chosen in its dialog, so Browse… is used there. */
async function chooseData(app: Page, dataset: 'csv' | 'images' | 'series', path: string, electron: ElectronApplication | null) {
  await app.getByTestId('dataset-select').selectOption(dataset);
  if (electron) {
    await electron.evaluate(({ dialog }, filePath) => {
      dialog.showOpenDialog = async () => ({ canceled: false, filePaths: [filePath] });
    }, path);
    await app.getByTestId('data-browse-button').click();
  } else await app.getByTestId('data-path-input').fill(path);
  await expect(app.getByTestId('data-preview')).toBeVisible({ timeout: 30_000 });
  await expect(app.getByTestId('data-status')).not.toHaveAttribute('data-state', 'reading', { timeout: 30_000 });
}

/** Clicks each offered one-click fix until the data fits (each fix may reveal the next one). */
async function acceptFixes(app: Page) {
  for (let i = 0; i < 5 && (await app.getByTestId('fit-fix').count()) > 0; i++) await app.getByTestId('fit-fix').first().click();
  await expect(app.getByTestId('fit-issue')).toHaveCount(0);
}

async function importData(app: Page) {
  await app.getByTestId('data-import-button').click();
  await expect(app.getByTestId('data-import-message')).toContainText('Imported', { timeout: 60_000 });
  await expect(app.getByTestId('data-import-error')).toHaveCount(0);
}

/** The whole Data section: a tall window for the shot, so the sidebar does not clip it. */
async function snap(app: Page, name: string) {
  const size = app.viewportSize();
  await app.setViewportSize({ width: 1440, height: 2400 });
  await app.getByRole('region', { name: 'Data' }).screenshot({ path: `test-results/screenshots/data-${name}.png`, animations: 'disabled' });
  if (size) await app.setViewportSize(size);
}

test('a CSV of my own: preview its columns, import, train, see the curve', async ({ app, electron }) => {
  await openTemplate(app, 'mlp-iris');
  await chooseData(app, 'csv', join(dir, 'iris.csv'), electron);

  await expect(app.getByTestId('column-row')).toHaveCount(5);
  await expect(app.getByTestId('column-type-sepal_length')).toHaveValue('number');
  await expect(app.getByTestId('column-type-species')).toHaveValue('category');
  await expect(app.getByTestId('data-row').first()).toContainText('5.1');
  if ((await app.getByTestId('column-role-species').inputValue()) !== 'label') await app.getByTestId('column-role-species').selectOption('label');
  await expect(app.getByTestId('data-task')).toHaveAttribute('data-task', 'classification');
  await expect(app.getByTestId('class-balance').getByTestId('class-count')).toHaveCount(3);
  await expect(app.getByTestId('class-balance')).toContainText('setosa');
  await snap(app, 'csv');

  await importData(app);
  // The import is one undoable step: undo goes back to no imported data, redo brings it back.
  await expect(app.getByTestId('data-import-button')).toHaveText('Import again');
  await app.getByTestId('undo-button').click();
  await expect(app.getByTestId('data-import-button')).toHaveText('Import');
  await expect(app.getByTestId('train-button')).toBeDisabled();
  await app.getByTestId('redo-button').click();
  await expect(app.getByTestId('data-import-button')).toHaveText('Import again');
  await acceptFixes(app);
  await app.getByTestId('epochs-input').fill('20');
  await app.getByTestId('epochs-input').press('Enter');
  await app.getByTestId('train-button').click();
  await expect(app.getByTestId('run-status')).toHaveAttribute('data-status', 'completed', { timeout: 90_000 });
  expect(Number(await app.getByTestId('loss-chart').getAttribute('data-points'))).toBeGreaterThan(0);

  await app.screenshot({ path: 'test-results/screenshots/data-csv-trained.png' });

  // After Train: the examples show their cells as the file has them, and a row typed as in the file gets an answer.
  await app.getByTestId('runs-panel').getByTestId('run-row').first().getByTestId('run-evaluate').click();
  const dialog = app.getByTestId('eval-dialog');
  await expect(dialog.getByTestId('confusion-matrix')).toBeVisible({ timeout: 60_000 });
  await dialog.getByTestId('confusion-cell').first().click();
  await expect(dialog.getByTestId('cell-examples').getByTestId('eval-example').first()).toContainText('petal_length');
  await dialog.getByTestId('eval-tab-playground').click();
  const row = dialog.getByTestId('playground-row');
  await row.getByTestId('playground-cell-sepal_length').fill('5.1');
  await row.getByTestId('playground-cell-sepal_width').fill('3.5');
  await row.getByTestId('playground-cell-petal_length').fill('1.4');
  await row.getByTestId('playground-cell-petal_width').fill('0.2');
  await row.getByTestId('playground-send').click();
  await expect(dialog.getByTestId('playground-bar')).toHaveCount(3, { timeout: 60_000 });
  await expect(dialog.getByTestId('playground-answer')).toHaveText('setosa');
  await app.screenshot({ path: 'test-results/screenshots/eval-playground-row.png' });
  await row.getByTestId('playground-cell-petal_width').fill('wide');
  await row.getByTestId('playground-send').click();
  await expect(dialog.getByTestId('playground-error')).toContainText('"petal_width" takes a number, not "wide"');
});

test('an image folder of my own: a sample grid and class counts, fixes for the CNN, one epoch', async ({ app, electron }) => {
  await openTemplate(app, 'lenet-mnist');
  await chooseData(app, 'images', join(dir, 'shapes'), electron);

  await expect(app.getByTestId('image-grid').getByTestId('image-sample').first()).toBeVisible();
  await expect(app.getByTestId('class-balance').getByTestId('class-count')).toHaveCount(3);
  await expect(app.getByTestId('class-balance')).toContainText('triangle');
  await app.getByTestId('augment-flip').check();
  await expect(app.getByTestId('image-augmented').getByTestId('image-sample').first()).toBeVisible({ timeout: 30_000 });
  await snap(app, 'images');

  await importData(app);
  await expect(app.getByTestId('fit-issue').first()).toBeVisible();
  await acceptFixes(app);
  await app.getByTestId('epochs-input').fill('1');
  await app.getByTestId('epochs-input').press('Enter');
  await app.getByTestId('train-button').click();
  await expect(app.getByTestId('run-status')).toHaveAttribute('data-status', 'completed', { timeout: 110_000 });
  await app.screenshot({ path: 'test-results/screenshots/data-images-trained.png' });
});

test('a CSV broken on line 57 names the line, and Import and Train stay blocked', async ({ app, electron }) => {
  await openTemplate(app, 'mlp-iris');
  await chooseData(app, 'csv', join(dir, 'iris-broken.csv'), electron);

  const problem = app.getByTestId('data-problem').filter({ hasText: 'line 57' });
  await expect(problem.first()).toBeVisible();
  await expect(app.getByTestId('data-import-button')).toBeDisabled();
  await expect(app.getByTestId('data-import-blocked')).toContainText('57');
  await expect(app.getByTestId('train-button')).toBeDisabled();
  await snap(app, 'broken');
});

test('a time series of my own: pick the date, inputs and target, see the window, train chronologically', async ({ app, electron }) => {
  // Two years of a noisy seasonal reading and a related one, one row a month, dates out of order at the end.
  const rows = Array.from({ length: 120 }, (_, i) => {
    const month = `${2010 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`;
    const level = 300 + i * 0.15 + 3 * Math.sin((2 * Math.PI * i) / 12);
    return `${month},${level.toFixed(2)},${(20 + 5 * Math.cos((2 * Math.PI * i) / 12)).toFixed(2)}`;
  });
  const file = join(dir, 'readings.csv');
  writeFileSync(file, `month,co2,temperature\n${rows.join('\n')}\n`);

  await openTemplate(app, 'gru-co2');
  await app.getByTestId('dataset-select').selectOption('series');
  await app.getByTestId('window-input').fill('12');
  await chooseData(app, 'series', file, electron);
  await expect(app.getByTestId('series-plot')).toBeVisible();
  await app.getByTestId('series-date-select').selectOption('month');
  await app.getByTestId('series-value-co2').check();
  await app.getByTestId('series-target-co2').check();
  await expect(app.getByTestId('data-status')).not.toHaveAttribute('data-state', 'reading', { timeout: 30_000 });
  await snap(app, 'series');

  await importData(app);
  await acceptFixes(app);
  await app.getByTestId('epochs-input').fill('3');
  await app.getByTestId('train-button').click();
  await expect(app.getByTestId('run-status')).toHaveAttribute('data-status', 'completed', { timeout: 60_000 });
  await expect(app.getByTestId('metric-val-mae')).not.toHaveText('—');
});
