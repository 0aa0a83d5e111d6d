import type { TrainingData } from '../../data/training-data';
import { perExample } from '../../data/training-data';
import type { BatchBuffers, ExampleSource } from './source';

/** Data already in memory as typed arrays, served through the same batch pipeline. */
export class ArraySource implements ExampleSource {
  readonly inputSizes: readonly number[];
  readonly inputDtypes: readonly ('float32' | 'int32')[];
  readonly targetSize: number;
  readonly targetDtype: 'float32' | 'int32';

  constructor(private readonly data: TrainingData) {
    this.inputSizes = data.inputs.map(perExample);
    this.inputDtypes = data.inputs.map((c) => (c.data instanceof Int32Array ? 'int32' : 'float32'));
    this.targetSize = perExample(data.target);
    this.targetDtype = data.target.data instanceof Int32Array ? 'int32' : 'float32';
  }

  get count(): number {
    return this.data.count;
  }

  read(index: number, into: BatchBuffers, slot: number): Promise<string | null> {
    this.data.inputs.forEach((c, i) => {
      const n = this.inputSizes[i]!;
      into.xs[i]!.set(c.data.subarray(index * n, index * n + n), slot * n);
    });
    const t = this.targetSize;
    into.y.set(this.data.target.data.subarray(index * t, index * t + t), slot * t);
    return Promise.resolve(null);
  }
}
