import { isAbsolute, resolve } from 'node:path';
import type { DataSettings } from '../../app/data/catalog';

/** A source path as stored (maybe relative to the project file's folder) made absolute. */
export function resolveSourcePath(path: string, baseDir?: string): string {
  if (isAbsolute(path)) return path;
  return resolve(baseDir ?? process.cwd(), path);
}

/** The same settings with the source path made absolute, so an engine anywhere can read it. */
export function withAbsoluteSource(s: DataSettings, baseDir: string): DataSettings {
  if (!s.source?.path || isAbsolute(s.source.path)) return s;
  return { ...s, source: { ...s.source, path: resolveSourcePath(s.source.path, baseDir) } };
}
