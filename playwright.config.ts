import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { E2E_PORT, E2E_TOKEN } from './test/e2e/token';

const PORT = E2E_PORT;
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
    env: { LAYERLAB_TOKEN: E2E_TOKEN },
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
