import { expect, test } from './fixtures';

// Electron's security checklist in a running app; the unit tests check the same with fakes.
test.skip(({ host }) => host !== 'electron', 'The desktop shell is checked in the electron project.');

test('the window runs our page from app:// with no Node, a small bridge, and the CSP header', async ({ app }) => {
  await expect(app.getByTestId('save-button')).toBeVisible();
  expect(app.url()).toBe('app://layerlab/index.html');
  const page = await app.evaluate(async () => {
    const g = globalThis as unknown as Record<string, unknown>;
    const res = await fetch('app://layerlab/index.html');
    return {
      require: typeof g.require,
      process: typeof g.process,
      bridge: Object.keys(g.layerlab ?? {}).sort(),
      csp: res.headers.get('content-security-policy'),
    };
  });
  expect(page).toMatchObject({ require: 'undefined', process: 'undefined', bridge: ['onEvent', 'onShellEvent', 'request'] });
  expect(page.csp).toContain("frame-ancestors 'none'");
  expect(page.csp).toContain("object-src 'none'");
});

test('the page can neither open windows nor navigate away', async ({ app }) => {
  await expect(app.getByTestId('save-button')).toBeVisible();
  expect(await app.evaluate(() => window.open('file:///etc/passwd'))).toBeNull();
  await app.evaluate(() => {
    location.href = 'file:///etc/passwd';
  });
  await app.waitForTimeout(500);
  expect(app.url()).toBe('app://layerlab/index.html');
  await expect(app.getByTestId('save-button')).toBeVisible();
});
