import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cifarArchive } from './archives';

/** Process-level tests run the bundled engine and CLI, so bundle the Node side first (about a second). */
export default function setup(): void {
  execFileSync(process.execPath, [join(__dirname, '..', '..', 'scripts', 'build.mjs'), 'main'], { stdio: 'inherit' });
  // CIFAR-10 is downloaded on first use and these machines are offline: tests that train every
  // template find a small archive in the official format where the download would have left it.
  const dataDir = process.env.LAYERLAB_TEST_DATA_DIR;
  if (!dataDir) throw new Error('vitest.config.ts sets LAYERLAB_TEST_DATA_DIR');
  mkdirSync(join(dataDir, 'downloads'), { recursive: true });
  writeFileSync(join(dataDir, 'downloads', 'cifar-10-binary.tar.gz'), cifarArchive(24));
}
