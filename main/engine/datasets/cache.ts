import { defaultDataDir, downloadsDir } from '../../data-dir';
import type { DownloadOptions, DownloadProgress } from '../../downloads/download';

let dir: string | null = null;
let report: ((p: DownloadProgress) => void) | null = null;

/** The engine process runs one run: its host says once where downloads are cached and who hears of progress. */
export function useDownloadCache(cacheDir: string | undefined, onProgress: (p: DownloadProgress) => void): void {
  dir = cacheDir ?? null;
  report = onProgress;
}

/** Where the datasets this run needs are cached, and how their download is reported. */
export function downloadCache(): { readonly dir: string; readonly opts: DownloadOptions } {
  return { dir: dir ?? downloadsDir(defaultDataDir()), opts: report ? { onProgress: report } : {} };
}

/** "Downloading CIFAR-10: 40% (68 of 170 MB)" at most every 10%, so a log stays readable. */
export function progressReporter(log: (message: string) => void): (p: DownloadProgress) => void {
  const shown = new Map<string, number>();
  return ({ file, received, total }) => {
    if (!total) return;
    const step = Math.floor((received / total) * 10);
    if ((shown.get(file) ?? -1) >= step) return;
    shown.set(file, step);
    log(`Downloading ${file}: ${step * 10}% (${(received / 1e6).toFixed(0)} of ${(total / 1e6).toFixed(0)} MB)`);
  };
}
