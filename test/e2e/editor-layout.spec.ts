import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openTemplate } from './templates';

const DIR = join(import.meta.dirname, '..', '..', 'resources', 'templates');
const TEMPLATES = readdirSync(DIR).map((f) => f.replace('.layerlab.json', ''));
/** The template's first Input layer: the view must start there. */
const firstInput = (id: string): string => {
  const doc = JSON.parse(readFileSync(join(DIR, `${id}.layerlab.json`), 'utf8')) as { graph: { nodes: { id: string; type: string }[] } };
  return doc.graph.nodes.find((n) => n.type === 'InputLayer')?.id ?? '';
};

/** The node cards as drawn on screen, and any two that overlap. */
async function overlapping(app: Page): Promise<string[]> {
  const boxes = await app.locator('.react-flow__node').evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { id: (el as HTMLElement).dataset.id ?? '', x: r.x, y: r.y, w: r.width, h: r.height };
    }),
  );
  const found: string[] = [];
  for (const [i, a] of boxes.entries())
    for (const b of boxes.slice(i + 1)) if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h) found.push(`${a.id}/${b.id}`);
  return found;
}

const zoom = async (app: Page) => Number(await app.getByTestId('canvas').getAttribute('data-zoom'));

test('every template opens readable: fit-view zoom at least 0.75, no card on another', async ({ app }) => {
  expect(TEMPLATES.length).toBeGreaterThanOrEqual(14);
  for (const id of TEMPLATES) {
    await openTemplate(app, id);
    await expect(app.locator('.react-flow__node').first()).toBeVisible();
    // The fit animates for 200 ms after a short wait for measuring; read the zoom once it settles.
    await expect
      .poll(async () => {
        const z = await zoom(app);
        await app.waitForTimeout(150);
        return z === (await zoom(app)) && z !== 1 ? z : 0;
      })
      .toBeGreaterThanOrEqual(0.75);
    expect(await overlapping(app), id).toEqual([]);
    // The first layer (the input) is on screen, with its shape readable.
    await expect(app.getByTestId(`node-${firstInput(id)}`)).toBeInViewport();
    await app.screenshot({ path: join('test-results', 'screenshots', `editor-layout-${id}.png`) });
  }
});

test('Layout re-arranges a tangled graph, left to right on request, and undoes in one step', async ({ app }) => {
  await openTemplate(app, 'lenet-mnist');
  await expect(app.getByTestId('node-dense_3')).toBeVisible();
  const before = await app.getByTestId('node-dense_3').boundingBox();

  await app.getByTestId('layout-direction').click();
  await expect.poll(async () => (await app.getByTestId('node-dense_3').boundingBox())?.x ?? 0).toBeGreaterThan((before?.x ?? 0) + 200);
  await expect(app.getByTestId('undo-button')).toHaveAttribute('title', /Lay out graph/);
  expect(await overlapping(app)).toEqual([]);
  await app.screenshot({ path: join('test-results', 'screenshots', 'editor-layout-lr.png') });

  // One undo puts every layer back where the template had it.
  await app.getByTestId('undo-button').click();
  await app.getByTestId('canvas').click({ position: { x: 5, y: 5 } });
  await app.keyboard.press('Shift+L');
  await expect(app.getByTestId('layout-button')).toHaveAttribute('title', /top to bottom/);

  // Panels and the minimap fold away to give the canvas the room; the dock keeps one line.
  await app.getByTestId('toggle-palette').click();
  await app.getByTestId('toggle-sidebar').click();
  await app.getByTestId('toggle-minimap').click();
  await app.getByTestId('dock-toggle').click();
  await expect(app.getByTestId('palette-item-Dense')).toHaveCount(0);
  await expect(app.locator('.react-flow__minimap')).toHaveCount(0);
  await expect(app.getByTestId('train-button')).toBeVisible();
  expect((await app.getByTestId('canvas').boundingBox())?.width).toBeGreaterThan(1300);
  await app.screenshot({ path: join('test-results', 'screenshots', 'editor-layout-roomy.png') });
  await app.getByTestId('show-palette').click();
  await expect(app.getByTestId('palette-item-Dense')).toBeVisible();
});
