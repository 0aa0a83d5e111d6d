import { defineConfig } from '@playwright/test';
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** E2E_PORT lets two checkouts run their journeys side by side without sharing a server. */
const PORT = Number(process.env.E2E_PORT ?? 4599);
/**
 * The journeys' server's start token. Not random: workers evaluate this file again, and a server reused
 * from an earlier run must still match. Derived from checkout and port, so two checkouts never share one.
 * The fixtures read it from E2E_TOKEN, which also overrides it.
 */
const TOKEN = (process.env.E2E_TOKEN ??= createHash('sha256')
  .update(`layerlab-e2e:${import.meta.dirname}:${PORT}`)
  .digest('base64url'));
/** Runs recorded by the journeys stay out of the user's data folder. */
const DATA_DIR = mkdtempSync(join(tmpdir(), 'layerlab-e2e-data-'));

/** Debian's Chromium, never a downloaded browser; flags keep it off the closed network. */
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
};

export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/global-setup.ts',
  outputDir: 'test-results/artifacts',
  timeout: 120_000,
  expect: { timeout: 10_000 },
  workers: 1,
  fullyParallel: false,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1440, height: 900 },
    launchOptions: chromium,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'web', use: { browserName: 'chromium' } },
    { name: 'electron', use: { browserName: 'chromium' } },
  ],
  webServer: {
    // The journeys' sample data lives in the temp folder, so that is the workspace; the token comes by
    // environment (fixtures open /?token=…, as a person opens the printed link).
    command: `node dist/main/cli.mjs serve --port ${PORT} --data-dir ${DATA_DIR} --workspace ${tmpdir()}`,
    env: { LAYERLAB_TOKEN: TOKEN },
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
