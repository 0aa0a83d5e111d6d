/** What `layerlab export --to` and the Export menu offer. */
export const EXPORT_TARGETS = ['pytorch', 'keras', 'tfjs'] as const;
export type ExportTarget = (typeof EXPORT_TARGETS)[number];

/** One file of an export, its path relative to the export folder. */
export interface ExportFile {
  readonly path: string;
  readonly text: string;
}
