import type { DataSettings } from '../../../app/data/catalog';
import { UserError } from '../../user-error';
import type { StreamingData } from '../pipeline/streaming';

/**
 * pipeline/open-images.ts in the browser's compute worker (scripts/build.mjs swaps it in): an image folder
 * streams from disk, a few files per batch, which the worker cannot read.
 */
export function openImages(_s: DataSettings, _validationSplit: number, _baseDir?: string): Promise<StreamingData> {
  return Promise.reject(
    new UserError('Image folders stream from this computer’s disk, which the browser cannot read: train them with WebAssembly or TensorFlow instead.'),
  );
}
