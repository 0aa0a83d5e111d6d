import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { makeZip } from '../unit/web-zip';
import { expect, test } from './fixtures';
import { openTemplate } from './templates';

/** Sample data from the repo's script; the journeys' workspace is the temp folder (playwright.config.ts). */
let dir = '';
const uploaded: string[] = [];
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'layerlab-e2e-upload-'));
  execFileSync('npx', ['tsx', 'scripts/make-sample-data.ts', dir], { stdio: 'pipe', timeout: 120_000 });
  mkdirSync('test-results/screenshots', { recursive: true });
});
test.afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  for (const p of uploaded) rmSync(join(tmpdir(), p.split('/').slice(0, 2).join('/')), { recursive: true, force: true });
});

/** The Data section in a tall window, so the sidebar does not clip it. */
async function snap(app: Page, name: string) {
  await app.setViewportSize({ width: 1440, height: 2400 });
  await app.getByRole('region', { name: 'Data' }).screenshot({ path: `test-results/screenshots/${name}.png`, animations: 'disabled' });
  await app.setViewportSize({ width: 1440, height: 900 });
}

test('upload a CSV in the browser: the path field points at it and the preview shows its columns', async ({ app, host }) => {
  test.skip(host !== 'web', 'Uploading is how a browser brings data; the desktop app browses its own disk.');
  await openTemplate(app, 'mlp-iris');
  await app.getByTestId('dataset-select').selectOption('csv');
  await expect(app.getByTestId('data-upload-button')).toBeVisible();
  await app.getByTestId('data-upload-input').setInputFiles(join(dir, 'iris.csv'));
  await expect(app.getByTestId('data-path-input')).toHaveValue(/^uploads\/iris(-\d+)?\.csv$/, { timeout: 30_000 });
  uploaded.push(await app.getByTestId('data-path-input').inputValue());
  await expect(app.getByTestId('data-preview')).toBeVisible({ timeout: 30_000 });
  await expect(app.getByTestId('column-row')).toHaveCount(5);
  await snap(app, 'web-upload-csv');
});

test("upload a zip of class folders for images, all under the host's CSP", async ({ app, host }) => {
  test.skip(host !== 'web', 'Uploading is how a browser brings data; the desktop app browses its own disk.');
  // The policy is an HTTP header: anything it blocks (styles, data:/blob: thumbnails, the socket) is logged.
  const blocked: string[] = [];
  app.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) blocked.push(m.text());
  });
  await app.reload();
  await expect(app.getByText('Connected', { exact: true })).toBeVisible();
  await openTemplate(app, 'mlp-iris');
  await app.getByTestId('dataset-select').selectOption('images');
  const zip = join(dir, 'shapes.zip');
  execFileSync('zip', ['-qr', zip, 'shapes'], { cwd: dir });
  await app.getByTestId('data-upload-input').setInputFiles(zip);
  await expect(app.getByTestId('data-path-input')).toHaveValue(/^uploads\/shapes(-\d+)?\/shapes$/, { timeout: 30_000 });
  uploaded.push(await app.getByTestId('data-path-input').inputValue());
  await expect(app.getByTestId('data-preview')).toHaveAttribute('data-kind', 'images', { timeout: 30_000 });
  await expect(app.getByTestId('class-balance')).toContainText('circle');
  await snap(app, 'web-upload-images');
  expect(blocked).toEqual([]);
});

test('a zip that would unpack outside its folder is refused with a message', async ({ app, host }) => {
  test.skip(host !== 'web', 'Uploading is how a browser brings data; the desktop app browses its own disk.');
  await app.getByTestId('dataset-select').selectOption('images');
  const evil = join(dir, 'evil.zip');
  writeFileSync(evil, makeZip([{ name: '../../escaped.txt', data: 'x' }]));
  await app.getByTestId('data-upload-input').setInputFiles(evil);
  await expect(app.getByTestId('data-upload-error')).toContainText('would unpack outside its folder');
  await expect(app.getByTestId('data-path-input')).toHaveValue('');
});
