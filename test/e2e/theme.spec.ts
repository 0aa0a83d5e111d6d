import { select } from './canvas';
import { expect, test } from './fixtures';
import { openTemplate } from './templates';

const SHOTS = 'test-results/screenshots';

/** Body text against the page's ground, as WCAG's contrast ratio; colours are resolved by painting them on a canvas (oklch included). */
const bodyContrast = () => {
  const c = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
  const lum = (color: string) => {
    c.clearRect(0, 0, 1, 1);
    c.fillStyle = color;
    c.fillRect(0, 0, 1, 1);
    const [r, g, b] = c.getImageData(0, 0, 1, 1).data;
    const lin = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
  };
  const body = getComputedStyle(document.body);
  const [a, b] = [lum(body.backgroundColor), lum(body.color)];
  return { bg: body.backgroundColor, ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) };
};

test('the theme follows the system, switches light and dark, and is kept after a reload', async ({ app, page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.reload();
  await expect(app.locator('html')).toHaveClass(/dark/);
  await expect(app.getByTestId('theme-button')).toHaveAttribute('data-theme-choice', 'system');

  await openTemplate(app, 'mlp-spirals');
  await app.getByTestId('epochs-input').fill('3');
  await app.getByTestId('epochs-input').press('Enter');
  await app.getByTestId('train-button').click();
  await expect.poll(async () => Number(await app.getByTestId('loss-chart').getAttribute('data-points')), { timeout: 60_000 }).toBeGreaterThan(0);
  await expect(app.getByTestId('run-status')).toHaveAttribute('data-status', 'completed', { timeout: 60_000 });

  // Press until light: system → light.
  await app.getByTestId('theme-button').click();
  await expect(app.getByTestId('theme-button')).toHaveAttribute('data-theme-choice', 'light');
  await expect(app.locator('html')).not.toHaveClass(/dark/);
  const light = await app.evaluate(bodyContrast);
  await app.screenshot({ path: `${SHOTS}/theme-light.png` });

  await app.getByTestId('theme-button').click();
  await expect(app.getByTestId('theme-button')).toHaveAttribute('data-theme-choice', 'dark');
  await expect(app.locator('html')).toHaveClass(/dark/);
  await app.screenshot({ path: `${SHOTS}/theme-dark.png` });
  // A block's frame and its collapsed card on the dark canvas.
  await select(app, 'dense_1');
  await app.getByTestId('node-dense_2').click({ position: { x: 20, y: 10 }, modifiers: ['Shift'] });
  await app.keyboard.press('Control+g');
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('block-frame-group_1')).toBeVisible();
  await app.screenshot({ path: `${SHOTS}/theme-dark-block.png` });
  await app.getByTestId('block-collapse-group_1').click();
  await expect(app.getByTestId('block-group_1')).toBeVisible();
  await app.screenshot({ path: `${SHOTS}/theme-dark-block-collapsed.png` });

  // Readable in both: body text against its ground at least 7:1, and the grounds really differ.
  const dark = await app.evaluate(bodyContrast);
  expect(light.ratio).toBeGreaterThan(7);
  expect(dark.ratio).toBeGreaterThan(7);
  expect(light.bg).not.toBe(dark.bg);

  // The evaluation views in the dark: the confusion matrix and its legend on a dark card.
  await app.getByTestId('runs-panel').getByTestId('run-row').first().getByTestId('run-evaluate').click();
  const dialog = app.getByTestId('eval-dialog');
  await expect(dialog.getByTestId('confusion-matrix')).toBeVisible({ timeout: 60_000 });
  await app.screenshot({ path: `${SHOTS}/theme-dark-eval.png` });
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // Back to following the system, which has just turned light.
  await page.emulateMedia({ colorScheme: 'light' });
  await app.getByTestId('theme-button').click();
  await expect(app.getByTestId('theme-button')).toHaveAttribute('data-theme-choice', 'system');
  await expect(app.locator('html')).not.toHaveClass(/dark/);
  await app.getByTestId('runs-panel').getByTestId('run-row').first().getByTestId('run-evaluate').click();
  await expect(dialog.getByTestId('confusion-matrix')).toBeVisible({ timeout: 60_000 });
  await app.screenshot({ path: `${SHOTS}/theme-light-eval.png` });
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // The theme key works from the canvas (buttons keep their own keys): system → light → dark.
  await app.getByTestId('canvas').click({ position: { x: 60, y: 300 } });
  await app.keyboard.press('Shift+T');
  await app.keyboard.press('Shift+T');

  // A chosen theme outlives the system's and a reload.
  await expect(app.getByTestId('theme-button')).toHaveAttribute('data-theme-choice', 'dark');
  await app.reload();
  await expect(app.locator('html')).toHaveClass(/dark/);
  await expect(app.getByTestId('theme-button')).toHaveAttribute('data-theme-choice', 'dark');
});
