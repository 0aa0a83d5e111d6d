import type { DataSettings } from '../../../app/data/catalog';
import { loadDataset } from '../datasets';
import { checkFingerprint } from '../../data/fingerprint';
import { imageFormat, limitFiles, scanImages } from '../../data/images';
import { sourceOf } from '../../data/index';
import { DataError, problem, type DataProblem } from '../../data/problems';
import { splitPlan } from '../../data/split-settings';
import { partition, type Partition } from '../../data/partition';
import { ArraySource } from './array-source';
import { ImageSource } from './image-source';
import type { ExampleSource } from './source';

/** A dataset ready to stream: where examples come from, how they are split, and the shape of a target. */
export interface StreamingData {
  readonly source: ExampleSource;
  readonly partition: Partition;
  /** One target's shape: [] for a class id. */
  readonly targetShape: readonly number[];
  /** Augment training examples (images with augmentation on). */
  readonly augment: boolean;
  readonly chronological: boolean;
  /** Skipped files and rows, changed data: for the run's log. */
  readonly warnings: readonly DataProblem[];
}

/** Image folders stream from disk; everything else fits in memory and is served from typed arrays. */
export const usesStreaming = (s: DataSettings): boolean => s.dataset === 'images';

async function openImages(s: DataSettings, validationSplit: number, baseDir?: string): Promise<StreamingData> {
  const { src, path, display } = sourceOf(s, baseDir);
  const status = await checkFingerprint(path, display, s.fingerprint);
  if (status.state === 'gone') throw new DataError([problem(display, status.message)]);
  const folder = await scanImages(path, display, false);
  folder.problems.throwIfErrors();
  const recorded = src.images.classes;
  if (recorded.length > 0 && recorded.join('\n') !== folder.classes.join('\n')) {
    throw new DataError([
      problem(
        display,
        `The class folders in ${display} (${folder.classes.join(', ')}) differ from those imported (${recorded.join(', ')}). Import the folder again.`,
      ),
    ]);
  }
  const files = limitFiles(folder.files, s.limit, s.seed);
  const plan = splitPlan(s, validationSplit);
  const labels = Int32Array.from(files, (f) => f.label);
  const parts = partition(files.length, { validation: plan.validation, test: plan.test, seed: plan.seed, ...(plan.stratify ? { labels } : {}) });
  const warnings = [...(status.state === 'changed' ? [problem(display, status.message, {}, 'warning')] : []), ...folder.problems.list];
  const a = src.images.augment;
  return {
    source: new ImageSource(files, imageFormat(src.images), a, display),
    partition: parts,
    targetShape: [],
    augment: a.flip || a.shift > 0 || a.rotate > 0,
    chronological: false,
    warnings,
  };
}

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
