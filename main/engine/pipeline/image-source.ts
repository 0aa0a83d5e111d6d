import type { AugmentSettings } from '../../../app/data/source';
import { augmenting, augmentImage } from '../../data/augment';
import type { ClassFile } from '../../data/class-folders';
import { readImageInto } from '../../data/images';
import type { ImageFormat } from '../../data/image-decode';
import type { BatchBuffers, ExampleSource } from './source';

/** Image files decoded (and, for training, augmented) one by one as the pipeline asks for them. */
export class ImageSource implements ExampleSource {
  readonly inputSizes: readonly number[];
  readonly inputDtypes = ['float32'] as const;
  readonly targetSize = 1;
  readonly targetDtype = 'int32' as const;
  private readonly size: number;

  constructor(
    private readonly files: readonly ClassFile[],
    private readonly format: ImageFormat,
    private readonly augmentation: AugmentSettings,
    private readonly display: string,
  ) {
    this.size = format.height * format.width * format.channels;
    this.inputSizes = [this.size];
  }

  get count(): number {
    return this.files.length;
  }

  /** The file behind example `index`, for messages. */
  file(index: number): ClassFile {
    return this.files[index]!;
  }

  async read(index: number, into: BatchBuffers, slot: number, augment: (() => number) | null): Promise<string | null> {
    const f = this.files[index]!;
    const x = into.xs[0] as Float32Array;
    const failed = await readImageInto(f, this.format, this.display, x, slot * this.size);
    if (failed) return failed;
    if (augment && augmenting(this.augmentation)) {
      const view = x.subarray(slot * this.size, slot * this.size + this.size);
      const copy = Float32Array.from(view);
      augmentImage(copy, this.format.height, this.format.width, this.format.channels, this.augmentation, augment, view);
    }
    into.y[slot] = f.label;
    return null;
  }
}
