import type { Page } from '@playwright/test';
import { select } from './canvas';
import { expect, test } from './fixtures';

/**
 * Every visible control says what it does: a button by its text or, when it shows only an icon,
 * by a tooltip (title) and an accessible name; a field by a label, aria-label or title.
 * Returns the controls that do not, described so the failure names them.
 */
async function unexplained(app: Page): Promise<string[]> {
  return app.evaluate(() => {
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const describe = (el: Element) => {
      const id = el.getAttribute('data-testid');
      return id ? `[data-testid=${id}]` : el.outerHTML.slice(0, 160);
    };
    const out: string[] = [];
    for (const el of document.querySelectorAll('button, [role="button"], [role="menuitem"], [role="option"], a[href]')) {
      if (!visible(el)) continue;
      const text = (el as HTMLElement).innerText.replace(/\s+/g, ' ').trim();
      const title = el.getAttribute('title')?.trim() ?? '';
      const label = el.getAttribute('aria-label')?.trim() ?? '';
      // A word or more of visible text is a label; a glyph ("?", "×", "+") is an icon.
      const iconOnly = !/[A-Za-z0-9]{2,}/.test(text);
      if (iconOnly && !title) out.push(`icon-only control without a tooltip: ${describe(el)}`);
      if (iconOnly && !label && !title) out.push(`icon-only control without a name: ${describe(el)}`);
    }
    for (const el of document.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input, select, textarea')) {
      if (!visible(el) || (el instanceof HTMLInputElement && el.type === 'hidden')) continue;
      const labelled = (el.labels?.length ?? 0) > 0 || !!el.getAttribute('aria-label')?.trim() || !!el.getAttribute('aria-labelledby') || !!el.title.trim();
      if (!labelled) out.push(`field without a label: ${describe(el)}`);
    }
    return out;
  });
}

/** Controls with a keyboard shortcut, and the keys their tooltip must name (the web host runs on Linux: Ctrl). */
const SHORTCUT_TITLES: Record<string, string> = {
  'train-button': 'Ctrl+Enter',
  'step-button': 'Ctrl+Shift+Enter',
  'stop-button': 'Ctrl+.',
  'pause-button': 'Space',
  'open-button': 'Ctrl+O',
  'save-button': 'Ctrl+S',
  'undo-button': 'Ctrl+Z',
  'redo-button': 'Ctrl+Shift+Z',
  'layout-button': '(L)',
  'layout-direction': 'Shift+L',
  'toggle-palette': '([)',
  'toggle-sidebar': '(])',
  'toggle-minimap': '(M)',
  'theme-button': 'Shift+T',
  'shortcuts-button': '(?)',
};

test('every button, icon-only control and field in the main views says what it does', async ({ app }) => {
  const seen = new Set<string>();
  const check = async (where: string) => {
    for (const p of await unexplained(app)) seen.add(`${where}: ${p}`);
  };
  await check('empty editor');

  await app.getByTestId('template-button').click();
  await check('template gallery');
  await app.getByTestId('template-mlp-spirals').click();
  await expect(app.getByTestId('template-gallery')).toBeHidden();
  await check('template open');
  await select(app, 'dense_1');
  await check('inspector');
  for (const [id, keys] of Object.entries(SHORTCUT_TITLES)) {
    const title = await app.getByTestId(id).getAttribute('title');
    if (!title?.includes(keys)) seen.add(`${id}: its tooltip "${title}" does not name its shortcut ${keys}`);
  }

  await app.getByTestId('epochs-input').fill('2');
  await app.getByTestId('epochs-input').press('Enter');
  await app.getByTestId('train-button').click();
  await expect(app.getByTestId('run-status')).toHaveAttribute('data-status', 'completed', { timeout: 60_000 });
  await check('after a run');

  await app.getByTestId('runs-panel').getByTestId('run-row').first().getByTestId('run-evaluate').click();
  await expect(app.getByTestId('eval-dialog').getByTestId('confusion-matrix')).toBeVisible({ timeout: 60_000 });
  await check('evaluation');
  await app.getByTestId('eval-dialog').getByTestId('eval-tab-playground').click();
  await check('playground');
  await app.keyboard.press('Escape');

  await app.getByTestId('labs-button').click();
  await check('labs');
  await app.keyboard.press('Escape');
  await app.getByTestId('shortcuts-button').click();
  await check('shortcuts');
  await app.keyboard.press('Escape');

  await app.getByTestId('export-button').click();
  await check('export menu');
  await app.keyboard.press('Escape');
  await app.getByTestId('node-dense_1').click({ button: 'right' });
  await check('context menu');
  await app.keyboard.press('Escape');

  // Blocks: the frame of an expanded block, then the collapsed card and the palette's My blocks.
  await select(app, 'dense_1');
  await app.getByTestId('node-dense_2').click({ position: { x: 20, y: 10 }, modifiers: ['Shift'] });
  await app.keyboard.press('Control+g');
  await app.keyboard.type('Classifier');
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('block-frame-group_1')).toBeVisible();
  await check('expanded block');
  await app.getByTestId('block-collapse-group_1').click();
  await expect(app.getByTestId('block-group_1')).toBeVisible();
  await check('collapsed block');

  expect([...seen]).toEqual([]);
});
