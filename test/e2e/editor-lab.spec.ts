import { join } from 'node:path';
import { select, setParam } from './canvas';
import { expect, test } from './fixtures';

test('a guided lab: the first steps tick themselves, a wrong Check shows the hint', async ({ app }) => {
  await app.getByTestId('labs-button').click();
  await expect(app.getByTestId('labs-dialog')).toContainText('Convolutions read digits');
  await app.getByTestId('lab-basics-activations').click();
  await expect(app.getByTestId('lab-panel')).toContainText('Your first network');
  await expect(app.getByTestId('lab-progress')).toHaveText('1 of 9 steps done'); // Spirals is the default dataset: that step is met already.;

  // Step 1: an Input of shape (2,).
  await app.getByTestId('palette-item-InputLayer').dblclick();
  await setParam(app, 'shape', '2');
  await expect(app.getByTestId('lab-step-input')).toHaveAttribute('data-done', 'true');

  // Checking step 2 before doing it shows its hint.
  await app.getByTestId('lab-check-hidden').click();
  await expect(app.getByTestId('lab-hint-hidden')).toContainText('type "dense"');

  // Steps 2 and 3: quick-add a Dense after the selected Input (wired for us), 64 units, relu.
  await select(app, 'input_1');
  await app.keyboard.press('/');
  await app.keyboard.type('dense');
  await app.keyboard.press('Enter');
  await setParam(app, 'units', '64');
  await setParam(app, 'activation', 'relu');
  await expect(app.getByTestId('lab-step-hidden')).toHaveAttribute('data-done', 'true');
  await expect(app.getByTestId('lab-step-wire')).toHaveAttribute('data-done', 'true');
  await expect(app.getByTestId('lab-hint-hidden')).toHaveCount(0);
  await expect(app.getByTestId('lab-progress')).toHaveText('4 of 9 steps done');
  await app.screenshot({ path: join('test-results', 'screenshots', 'editor-lab.png') });
});
