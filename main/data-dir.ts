import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** Where runs and downloads are kept when the host is not told: $LAYERLAB_DATA_DIR, else ~/.layerlab. */
export function defaultDataDir(): string {
  const fromEnv = process.env.LAYERLAB_DATA_DIR;
  return fromEnv ? resolve(fromEnv) : join(homedir(), '.layerlab');
}

/** Downloaded datasets and models live beside the runs, shared by every project. */
export const downloadsDir = (dataDir: string): string => join(dataDir, 'downloads');
