import type * as tfjs from '@tensorflow/tfjs';
import { encodeRow, RowError } from '../../../app/data/encode-row';
import { dataSpec } from '../../../app/data/spec';
import type { TableEncoding } from '../../../app/data/table-encoding';
import { OOV, PAD, tokenize, tokenizeWords, Vocabulary } from '../../../app/data/tokenizer';
import type { ProjectDoc } from '../../../app/document/schema';
import type { Tf } from '../../../app/layers/types';
import { binaryToTwoClass } from '../../../app/metrics/classification';
import { centreDigit, resizeGrey } from '../../../app/metrics/image-input';
import type { FeatureMaps, PlaygroundInput, PlaygroundResult } from '../../../app/protocol/playground';
import { UserError } from '../../user-error';
import { gridDataUrl } from '../images/png';
import { imagePng } from './reconstruct';
import { loadImdbTest } from './imdb-test';
import { loadDataset } from '../datasets';

/** One input of the model: its shape without the batch axis. */
type InputShape = readonly (number | null)[];

/** Scales each tile to its own 0–1 range, so a channel that is weak everywhere still shows its pattern. */
function normalised(values: Float32Array): Float32Array {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const span = hi - lo || 1;
  return values.map((v) => (v - lo) / span);
}

/**
 * A trained model held open for trying things on: it turns a drawing, a sentence or a row into exactly
 * what training fed the model, and answers with its prediction (and what it saw), or its feature maps.
 */
export class PlaygroundSession {
  private constructor(
    private readonly tf: Tf,
    readonly model: tfjs.LayersModel,
    private readonly doc: ProjectDoc,
    private readonly vocabulary: Vocabulary | null,
    private readonly table: TableEncoding | null,
  ) {}

  static async open(tf: Tf, doc: ProjectDoc, model: tfjs.LayersModel): Promise<PlaygroundSession> {
    if (doc.training.mode === 'gan') throw new UserError('A GAN makes images from noise; it has no input to try. Its samples are in Evaluate.');
    const s = doc.data;
    let vocabulary: Vocabulary | null = null;
    if (s.dataset === 'imdb') vocabulary = (await loadImdbTest(s)).vocabulary;
    if (s.dataset === 'text') vocabulary = new Vocabulary((s.source?.text.vocabulary ?? []).slice(0, Math.max(0, s.vocabSize - 2)));
    // A typed row is standardised with the training part's statistics: reading the table again gives exactly those.
    const table = s.dataset === 'csv' ? ((await loadDataset(s, doc.training.validationSplit)).table ?? null) : null;
    return new PlaygroundSession(tf, model, doc, vocabulary, table);
  }

  get inputShapes(): InputShape[] {
    return this.model.inputs.map((i) => i.shape.slice(1));
  }

  dispose(): void {
    this.model.dispose();
  }

  /** A sentence as the model's token-id input, with the word at each position ('·' for padding). */
  async tokensOf(input: PlaygroundInput): Promise<{ x: tfjs.Tensor; tokens: string[] }> {
    if (input.kind !== 'text') throw new UserError('Attention is shown for a sentence: type one.');
    const { x, seen } = this.tensorFor(input);
    // Reads here are asynchronous: a synchronous read throws on the webgpu backend.
    const ids = await x.data();
    const words = seen?.type === 'tokens' ? seen.tokens : [];
    const pads = Array.from(ids).filter((id) => id === PAD).length;
    return { x, tokens: Array.from(ids, (id, i) => (id === PAD ? '·' : (words[i - pads]?.text ?? '?'))) };
  }

  /** The model's input tensor for a person's input, built the way training built its examples. */
  private tensorFor(input: PlaygroundInput): { x: tfjs.Tensor; seen?: NonNullable<Extract<PlaygroundResult, { kind: 'classes' }>['seen']> } {
    const shapes = this.inputShapes;
    if (input.kind === 'row') throw new UserError('A table row is tried with Predict; this view needs an image or a sentence.');
    if (shapes.length !== 1)
      throw new UserError(`This model takes ${shapes.length} inputs at once (an encoder–decoder); the playground tries single-input models.`);
    const shape = shapes[0]!;
    switch (input.kind) {
      case 'image': {
        if (shape.length !== 3 || shape.some((d) => d === null))
          throw new UserError(`This model does not take images: its input is (${shape.join(', ')}). Try a CNN or MLP on images.`);
        const [h, w, c] = shape as number[];
        if (input.pixels.length !== input.width * input.height)
          throw new UserError(`The image has ${input.pixels.length} values, not ${input.width}×${input.height}.`);
        // MNIST digits were centred by mass in a 20-pixel box: a drawing gets the same treatment.
        const grey =
          this.doc.data.dataset === 'mnist'
            ? centreDigit(input.pixels, input.width, input.height, w, Math.round((w! * 20) / 28))
            : resizeGrey(input.pixels, input.width, input.height, w!, h!);
        const values = new Float32Array(h! * w! * c!);
        for (let p = 0; p < h! * w!; p++) for (let k = 0; k < c!; k++) values[p * c! + k] = grey[p]!;
        return { x: this.tf.tensor(values, [1, h!, w!, c!]), seen: { type: 'image', png: imagePng(values, 0, [h!, w!, c!]) } };
      }
      case 'text': {
        if (!this.vocabulary || shape.length !== 1 || !shape[0]) throw new UserError('This model does not read text: it was not trained on word ids.');
        const length = shape[0];
        const s = this.doc.data;
        const opts = s.source?.text;
        const words = s.dataset === 'imdb' || !opts ? tokenize(input.text) : tokenizeWords(input.text, opts.lowercase);
        const ids = new Int32Array(length);
        if (s.dataset === 'imdb' || !opts) this.vocabulary.encodeInto(words, length, ids, 0);
        else this.vocabulary.encodeWith(words, length, opts, ids, 0);
        const vocab = this.vocabulary.words;
        const tokens = Array.from(ids)
          .filter((id) => id !== PAD)
          .map((id, i, all) => ({ text: id === OOV ? (words[words.length - all.length + i] ?? '<unk>') : vocab[id - 2]!, oov: id === OOV }));
        return { x: this.tf.tensor2d(ids, [1, length], 'int32'), seen: { type: 'tokens', tokens } };
      }
      case 'values': {
        const size = shape.reduce<number>((a, d) => a * (d ?? NaN), 1);
        if (shape.length !== 1 || input.values.length !== size)
          throw new UserError(`This model takes ${Number.isNaN(size) ? 'inputs of another shape' : `${size} numbers`}, not ${input.values.length}.`);
        return { x: this.tf.tensor2d(Float32Array.from(input.values), [1, size]) };
      }
    }
  }

  /** A typed row as the model's inputs (one per model input), encoded with the table's training statistics. */
  private rowTensors(cells: Readonly<Record<string, string>>): tfjs.Tensor[] {
    if (!this.table) throw new UserError('This model was not trained on a table, so it takes no row: try a drawing, an image or a sentence.');
    let inputs;
    try {
      inputs = encodeRow(this.table, cells);
    } catch (e) {
      if (e instanceof RowError) throw new UserError(e.message);
      throw e;
    }
    const shapes = this.inputShapes;
    if (inputs.length !== shapes.length || inputs.some((c, k) => c.data.length !== (shapes[k] ?? []).reduce<number>((a, d) => a * (d ?? NaN), 1))) {
      throw new UserError("The run's model takes inputs of another shape than its table's columns now make: restore the run's graph, or train again.");
    }
    return inputs.map((c, k) => this.tf.tensor(c.data, [1, ...(shapes[k] as number[])], c.data instanceof Int32Array ? 'int32' : 'float32'));
  }

  async predict(input: PlaygroundInput): Promise<PlaygroundResult> {
    if (input.kind === 'row') {
      const xs = this.rowTensors(input.cells);
      try {
        return await this.answer(xs.length === 1 ? xs[0]! : xs);
      } finally {
        for (const x of xs) x.dispose();
      }
    }
    const { x, seen } = this.tensorFor(input);
    try {
      return await this.answer(x, seen);
    } finally {
      x.dispose();
    }
  }

  /** The model's answer for ready inputs: class probabilities, or values in the target's own units. */
  private async answer(x: tfjs.Tensor | tfjs.Tensor[], seen?: NonNullable<Extract<PlaygroundResult, { kind: 'classes' }>['seen']>): Promise<PlaygroundResult> {
    const y = this.model.predict(x) as tfjs.Tensor;
    const out = (await y.data()) as Float32Array;
    y.dispose();
    const spec = dataSpec(this.doc.data);
    if (spec.task !== 'classification') {
      const target = this.table?.target;
      if (target?.kind !== 'values') return { kind: 'values', values: Array.from(out.slice(0, 4096)) };
      // Training standardised the targets; a person wants the answer in the column's own units.
      const values = Array.from(out.slice(0, 64), (v, j) => v * (target.scale[j]?.std ?? 1) + (target.scale[j]?.mean ?? 0));
      return { kind: 'values', values, names: target.names.slice(0, values.length) };
    }
    const probs = out.length === 1 ? binaryToTwoClass(out) : out;
    const names = Array.from(probs, (_, c) => spec.classNames[c] ?? `class ${c}`);
    return { kind: 'classes', classNames: names, probabilities: Array.from(probs, (p) => Number(p.toFixed(5))), ...(seen ? { seen } : {}) };
  }

  /** Every channel of a convolution layer's output for `input`, and the first convolution's filters. */
  async features(input: PlaygroundInput, layerName?: string): Promise<FeatureMaps> {
    const convs = this.model.layers.filter((l) => l.getClassName() === 'Conv2D');
    if (convs.length === 0) throw new UserError('This model has no Conv2D layer, so it has no feature maps to show.');
    const layer = convs.find((l) => l.name === layerName) ?? convs[0]!;
    const { x } = this.tensorFor(input);
    const tf = this.tf;
    try {
      const sub = tf.model({ inputs: this.model.inputs, outputs: layer.output });
      const out = sub.predict(x) as tfjs.Tensor;
      const [, h = 1, w = 1, channels = 1] = out.shape;
      const all = (await out.data()) as Float32Array;
      out.dispose();
      const tiles = Array.from({ length: channels }, (_, ch) => {
        const t = new Float32Array(h * w);
        for (let p = 0; p < h * w; p++) t[p] = all[p * channels + ch]!;
        return normalised(t);
      });
      const cols = Math.ceil(Math.sqrt(channels));
      const kernel = convs[0]!.getWeights()[0];
      let filters: string | null = null;
      if (kernel?.rank === 4) {
        const [kh = 1, kw = 1, cin = 1, cout = 1] = kernel.shape;
        const k = (await kernel.data()) as Float32Array;
        const ftiles = Array.from({ length: cout }, (_, o) => {
          const t = new Float32Array(kh * kw);
          for (let p = 0; p < kh * kw; p++) t[p] = k[p * cin * cout + o]!;
          return normalised(t);
        });
        filters = gridDataUrl(ftiles, kw, kh, 1, Math.ceil(Math.sqrt(cout)));
      }
      return { layers: convs.map((l) => l.name), layer: layer.name, channels, maps: gridDataUrl(tiles, w, h, 1, cols), mapSize: [h, w], filters };
    } finally {
      x.dispose();
    }
  }
}
