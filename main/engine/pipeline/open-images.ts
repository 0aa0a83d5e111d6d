import type { DataSettings } from '../../../app/data/catalog';
import { checkFingerprint } from '../../data/fingerprint';
import { imageFormat, limitFiles, scanImported } from '../../data/images';
import { sourceOf } from '../../data/index';
import { DataError, problem } from '../../data/problems';
import { splitPlan } from '../../data/split-settings';
import { partition } from '../../data/partition';
import { ImageSource } from './image-source';
import type { StreamingData } from './streaming';

/** An image folder, listed and checked against its import; each image is decoded when its batch is due. */
export async function openImages(s: DataSettings, validationSplit: number, baseDir?: string): Promise<StreamingData> {
  const { src, path, display } = sourceOf(s, baseDir);
  const status = await checkFingerprint(path, display, s.fingerprint);
  if (status.state === 'gone') throw new DataError([problem(display, status.message)]);
  const folder = await scanImported(src, path, display);
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
