import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * Runs and downloads that tests make go to a fresh temp folder, never the user's data folder (even when
 * LAYERLAB_DATA_DIR is set): the global setup puts small stand-ins for downloaded datasets there.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'layerlab-test-data-'));
process.env.LAYERLAB_TEST_DATA_DIR = dataDir;

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest leaves one core free by default, which on a 2-core CI machine runs the files one by one; most of
    // them wait on child processes (engines, Python) as much as they compute, so two at a time halve the wall time.
    maxWorkers: 2,
    env: { LAYERLAB_DATA_DIR: dataDir },
    globalSetup: ['test/unit/global-setup.ts'],
  },
});
