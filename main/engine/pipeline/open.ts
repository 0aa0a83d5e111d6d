import type { DataSettings } from '../../../app/data/catalog';
import { loadDataset } from '../datasets';
import { partition } from '../../data/partition';
import { ArraySource } from './array-source';
import { openImages } from './open-images';
import type { StreamingData } from './streaming';

export type { StreamingData } from './streaming';

/** Image folders stream from disk; everything else fits in memory and is served from typed arrays. */
export const usesStreaming = (s: DataSettings): boolean => s.dataset === 'images';

/**
 * Opens any dataset for the streaming pipeline. Image folders are listed, not read: each image
 * is decoded when its batch is due. Other datasets load as usual and stream from memory.
 */
export async function openStreamingData(s: DataSettings, validationSplit: number, baseDir?: string): Promise<StreamingData> {
  if (s.dataset === 'images') return openImages(s, validationSplit, baseDir);
  const data = await loadDataset(s, validationSplit);
  const parts =
    data.partition ??
    partition(s.limit > 0 ? Math.min(s.limit, data.count) : data.count, {
      validation: validationSplit,
      test: 0,
      seed: s.seed,
      chronological: data.chronological === true,
    });
  return {
    source: new ArraySource(data),
    partition: parts,
    targetShape: data.target.shape,
    augment: false,
    chronological: data.chronological === true,
    warnings: data.warnings ?? [],
  };
}
