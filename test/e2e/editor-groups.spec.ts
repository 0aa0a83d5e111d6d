import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { select } from './canvas';
import { expect, test } from './fixtures';
import { openTemplate } from './templates';

const MEMBERS = ['dense_1', 'dropout_1', 'dense_2'];
const shot = (app: Page, name: string) => app.screenshot({ path: join('test-results', 'screenshots', `${name}.png`) });

/** What a person sees of a layer: where its card is, its shape and its parameter count. */
async function looks(app: Page, id: string) {
  const card = app.getByTestId(`node-${id}`);
  const box = await card.boundingBox();
  return {
    box: box && { x: Math.round(box.x), y: Math.round(box.y), w: Math.round(box.width), h: Math.round(box.height) },
    shape: await card.getByTestId('node-shape').textContent(),
    params: await card.getByTestId('node-params').textContent(),
  };
}

const count = (text: string | null) => Number((text ?? '').replace(/[^0-9]/g, ''));

test('group three layers, name the block, collapse it, expand it, and find them identical', async ({ app }) => {
  await openTemplate(app, 'mlp-iris');
  await select(app, MEMBERS[0]!);
  for (const id of MEMBERS.slice(1)) await app.getByTestId(`node-${id}`).click({ position: { x: 20, y: 10 }, modifiers: ['Shift'] });
  const before = await Promise.all(MEMBERS.map((id) => looks(app, id)));
  const total = await app.getByTestId('total-params').textContent();
  const edges = await app.locator('.react-flow__edge').count();

  await app.keyboard.press('Control+g');
  const name = app.getByTestId('block-name-group_1');
  await expect(name).toBeFocused();
  await app.keyboard.type('Encoder');
  await app.keyboard.press('Enter');
  await expect(name).toHaveValue('Encoder');
  await expect(app.getByTestId('block-frame-group_1')).toBeVisible();
  await expect(app.getByTestId('undo-button')).toHaveAttribute('title', /Rename block to Encoder/);
  await shot(app, 'groups-expanded');

  // Collapsed: one card for the three, wired to the Input, with their summed parameters and the last one's shape.
  await app.getByTestId('block-collapse-group_1').click();
  const block = app.getByTestId('block-group_1');
  await expect(block).toBeVisible();
  for (const id of MEMBERS) await expect(app.getByTestId(`node-${id}`)).toBeHidden();
  await expect(block.getByTestId('block-name-group_1')).toHaveValue('Encoder');
  await expect(block).toContainText('Block · 3 layers');
  const sum = before.reduce((a, b) => a + count(b.params), 0);
  expect(count(await block.getByTestId('block-params').textContent())).toBe(sum);
  await expect(block.getByTestId('block-shape')).toHaveText(before[2]!.shape!);
  await expect(app.getByTestId('handle-in-block:group_1-dense_1/input')).toBeVisible();
  await expect(app.getByTestId('handle-out-block:group_1-dense_2/output')).toBeVisible();
  // Only the edge from the Input crosses into the block; the two inside are part of the card.
  await expect(app.locator('.react-flow__edge')).toHaveCount(edges - 2);
  // A block is still its layers everywhere else: the summary's totals do not move.
  await expect(app.getByTestId('total-params')).toHaveText(total!);
  const row = app.getByTestId('block-summary-group_1');
  await expect(row).toContainText('Encoder');
  await expect(row).toContainText('3 layers, collapsed');
  await expect(row).toContainText(sum.toLocaleString('en-US'));
  await row.scrollIntoViewIfNeeded();
  await shot(app, 'groups-summary');
  await shot(app, 'groups-collapsed');

  // Expanded again (double-click the card): the same layers, in the same places, with the same shapes and counts.
  await block.dblclick({ position: { x: 120, y: 40 } });
  await expect(app.getByTestId('block-group_1')).toHaveCount(0);
  await expect(app.getByTestId('block-frame-group_1')).toBeVisible();
  const after = await Promise.all(MEMBERS.map((id) => looks(app, id)));
  expect(after).toEqual(before);
  await expect(app.locator('.react-flow__edge')).toHaveCount(edges);
  await expect(app.getByTestId('undo-button')).toHaveAttribute('title', /Expand Encoder/);

  // Ungroup from the context menu; undo brings the block back.
  await app.getByTestId('node-dense_1').click({ button: 'right', position: { x: 20, y: 10 } });
  await app.getByTestId('menu-ungroup').click();
  await expect(app.getByTestId('block-frame-group_1')).toHaveCount(0);
  await app.keyboard.press('Control+z');
  await expect(app.getByTestId('block-frame-group_1')).toBeVisible();
});

test('save a block to My blocks, drag it back in as one card, find it after a reload, delete it', async ({ app }) => {
  await openTemplate(app, 'mlp-iris');
  await select(app, 'dense_1');
  await app.getByTestId('node-dropout_1').click({ position: { x: 20, y: 10 }, modifiers: ['Shift'] });
  await app.keyboard.press('Control+g');
  await expect(app.getByTestId('block-name-group_1')).toBeFocused();
  await app.keyboard.type('Hidden');
  await app.keyboard.press('Enter');

  await app.getByTestId('block-frame-group_1').getByText('layers ·').click({ button: 'right' });
  await app.getByTestId('menu-save-block').click();
  const item = app.getByTestId('palette-block-Hidden');
  await expect(item).toContainText('2 layers · Dense, Dropout');

  await item.dragTo(app.getByTestId('canvas'), { targetPosition: { x: 700, y: 300 } });
  const card = app.getByTestId('block-group_2');
  await expect(card).toBeVisible();
  await expect(card.getByTestId('block-name-group_2')).toHaveValue('Hidden 2');
  // Not wired yet, so its shape is not known until the Input feeds it.
  await expect(card.getByTestId('block-shape')).toHaveText('(?)');
  await expect(app.getByTestId('undo-button')).toHaveAttribute('title', /Add block Hidden 2/);
  // Wire the Input into the new block's card: the connection goes to the layer inside.
  await app.getByTestId('handle-out-input_1').dragTo(app.getByTestId('handle-in-block:group_2-dense_3/input'));
  await expect(app.getByTestId('rf__edge-e_input_1_dense_3')).toHaveCount(1);
  await expect(card.getByTestId('block-shape')).toHaveText('(None, 16)');
  await expect(card.getByTestId('block-params')).toHaveText('80 params');
  await shot(app, 'groups-library');

  // The library is a preference of this person: it outlives the page.
  await app.reload();
  await expect(app.getByTestId('palette-block-Hidden')).toBeVisible();
  await app.getByTestId('palette-block-Hidden').hover();
  await app.getByTestId('palette-block-delete-Hidden').click();
  await app.getByTestId('confirm-ok').click();
  await expect(app.getByTestId('palette-block-Hidden')).toHaveCount(0);
  await expect(app.getByTestId('my-blocks')).toContainText('Save to My blocks');
});
