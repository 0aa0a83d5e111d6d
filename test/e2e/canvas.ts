import { expect, type Page } from '@playwright/test';

/** Drags a layer from the palette onto the canvas at (x, y) relative to the canvas. */
export async function dragLayer(app: Page, type: string, x: number, y: number): Promise<void> {
  await app.getByTestId(`palette-item-${type}`).dragTo(app.getByTestId('canvas'), { targetPosition: { x, y } });
}

/** Drags from one node's output handle to another node's named input handle. */
export async function connect(app: Page, from: string, to: string, handle = 'input'): Promise<void> {
  await app.getByTestId(`handle-out-${from}`).dragTo(app.getByTestId(`handle-in-${to}-${handle}`));
}

/** Selects a node by clicking its card header. */
export async function select(app: Page, id: string): Promise<void> {
  await app.getByTestId(`node-${id}`).click({ position: { x: 20, y: 10 } });
}

export async function setParam(app: Page, key: string, value: string): Promise<void> {
  const field = app.getByTestId(`param-${key}`);
  if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
  else await field.fill(value);
}

export const number = async (app: Page, testId: string): Promise<number> => Number((await app.getByTestId(testId).textContent())?.trim());

/**
 * A point of the canvas, relative to it, where nothing but the empty pane is: found once the view has
 * stopped moving (it pans after a paste or a duplicate, and fit-view animates), so a click there is a
 * click on the canvas itself whatever the layout and zoom turned out to be.
 */
export async function emptyCanvasPoint(app: Page): Promise<{ x: number; y: number }> {
  const transform = () => app.locator('.react-flow__viewport').evaluate((el) => getComputedStyle(el).transform);
  await expect
    .poll(async () => {
      const before = await transform();
      await app.waitForTimeout(250);
      return (await transform()) === before;
    })
    .toBe(true);
  const point = await app.getByTestId('canvas').evaluate((canvas) => {
    const box = canvas.getBoundingClientRect();
    for (let y = box.top + 80; y < box.bottom - 80; y += 20) {
      for (let x = box.left + 80; x < box.right - 80; x += 20) {
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x: x - box.left, y: y - box.top };
      }
    }
    return null;
  });
  expect(point, 'an empty spot on the canvas').not.toBeNull();
  return point!;
}
