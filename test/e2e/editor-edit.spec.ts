import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { emptyCanvasPoint, select } from './canvas';
import { expect, test } from './fixtures';
import { openTemplate } from './templates';

const nodes = (app: Page) => app.locator('.react-flow__node');
const edge = (app: Page, id: string) => app.getByTestId(`rf__edge-${id}`);

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('copy two layers, paste them wired with fresh names, undo the paste in one step', async ({ app }) => {
  await openTemplate(app, 'mlp-iris');
  await expect(nodes(app)).toHaveCount(4);
  await select(app, 'dense_1');
  await app.getByTestId('node-dropout_1').click({ position: { x: 20, y: 10 }, modifiers: ['Shift'] });
  await expect(app.getByTestId('node-dropout_1')).toHaveClass(/border-indigo-500/);
  await expect(app.getByTestId('node-dense_1')).toHaveClass(/border-indigo-500/);

  await app.keyboard.press('Control+c');
  await app.keyboard.press('Control+v');
  await expect(nodes(app)).toHaveCount(6);
  await expect(app.getByTestId('node-dense_3')).toBeVisible();
  await expect(app.getByTestId('node-dropout_2')).toBeVisible();
  await expect(edge(app, 'e_dense_3_dropout_2')).toHaveCount(1);
  await expect(app.getByTestId('undo-button')).toHaveAttribute('title', /Paste 2 layers/);
  await app.screenshot({ path: join('test-results', 'screenshots', 'editor-paste.png') });

  await app.keyboard.press('Control+z');
  await expect(nodes(app)).toHaveCount(4);
  await expect(app.getByTestId('node-dense_3')).toHaveCount(0);
  // The view followed the paste; bring the graph back into view.
  await app.locator('.react-flow__controls-fitview').click();

  // The same through the menus: Duplicate on a layer, Paste on the empty canvas.
  await app.getByTestId('node-dense_2').click({ button: 'right', position: { x: 20, y: 10 } });
  await app.getByTestId('menu-duplicate').click();
  await expect(nodes(app)).toHaveCount(5);
  await app.getByTestId('canvas').click({ button: 'right', position: await emptyCanvasPoint(app) });
  await app.screenshot({ path: join('test-results', 'screenshots', 'editor-context-menu.png') });
  await app.getByTestId('menu-paste').click();
  await expect(nodes(app)).toHaveCount(7);

  // Select all and delete is one step too.
  await app.getByTestId('canvas').click({ position: await emptyCanvasPoint(app) });
  await app.keyboard.press('Control+a');
  await app.keyboard.press('Delete');
  await expect(nodes(app)).toHaveCount(0);
  await app.keyboard.press('Control+z');
  await expect(nodes(app)).toHaveCount(7);
});

test('quick-add: type "lstm", Enter, and the LSTM is inserted after the selected layer and wired', async ({ app }) => {
  await openTemplate(app, 'lstm-imdb');
  await select(app, 'embedding_1');
  await app.keyboard.press('/');
  await expect(app.getByTestId('quick-add-input')).toBeFocused();
  await app.keyboard.type('lstm');
  await expect(app.getByTestId('quick-add-option-LSTM')).toHaveAttribute('aria-selected', 'true');
  await app.screenshot({ path: join('test-results', 'screenshots', 'editor-quick-add.png') });
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('quick-add')).toHaveCount(0);
  await expect(app.getByTestId('node-lstm_2')).toBeVisible();
  await expect(edge(app, 'e_embedding_1_lstm_2')).toHaveCount(1);
  await expect(edge(app, 'e_lstm_2_lstm_1')).toHaveCount(1);
  await expect(edge(app, 'e_embedding_1_lstm_1')).toHaveCount(0);
  // The new layer is selected, so the next quick-add continues the chain.
  await expect(app.getByTestId('node-name-input')).toHaveValue('lstm_2');
  await expect(app.getByTestId('undo-button')).toHaveAttribute('title', /Add lstm_2/);

  // Double-click in the palette does the same: after the selection, wired.
  await app.getByTestId('palette-item-Dropout').dblclick();
  await expect(edge(app, 'e_lstm_2_dropout_1')).toHaveCount(1);
  await expect(edge(app, 'e_dropout_1_lstm_1')).toHaveCount(1);
  await app.screenshot({ path: join('test-results', 'screenshots', 'editor-inserted.png') });
});

test('layers double-clicked with nothing selected never land on each other', async ({ app }) => {
  for (let i = 0; i < 3; i++) {
    await app.getByTestId('palette-item-Dense').dblclick();
    await app.keyboard.press('Escape');
  }
  const boxes = await nodes(app).evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, w: r.width, h: r.height })));
  expect(boxes).toHaveLength(3);
  for (const [i, a] of boxes.entries())
    for (const b of boxes.slice(i + 1)) expect(a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h).toBe(false);
});

test('? opens the shortcuts sheet', async ({ app }) => {
  await app.keyboard.press('?');
  await expect(app.getByTestId('shortcut-sheet')).toContainText('Duplicate the selection');
  await app.screenshot({ path: join('test-results', 'screenshots', 'editor-shortcuts.png') });
  await app.keyboard.press('Escape');
  await expect(app.getByTestId('shortcut-sheet')).toHaveCount(0);
});
