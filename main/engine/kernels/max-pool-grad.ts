import type * as tfjs from '@tensorflow/tfjs';
import { callKernel, release } from './compose';
import { dilate } from './conv-util';

type Backend = tfjs.KernelBackend;
type Info = tfjs.TensorInfo;

type Call = (name: string, inputs: Record<string, Info>, attrs?: Record<string, unknown>) => Info;
/** Runs kernels whose results are freed together at the end; `own` adds a result made elsewhere. */
interface Scope {
  readonly k: Call;
  readonly own: (info: Info) => Info;
  readonly spread: (x: Info, sh: number, sw: number) => Info;
}

/**
 * Any window shape: for each offset (i, j) inside the window, the strided slice of the input at
 * that offset is compared with the pooled maximum; the first offset (row-major) to match takes
 * dY, which is spread back by the stride and shifted by (i, j). Padding is −∞, so it never wins.
 */
function byOffsets(
  { k, own, spread: spreadOut }: Scope,
  input: Info,
  output: Info,
  dy: Info,
  info: tfjs.backend_util.Conv2DInfo,
): { padded: Info; top: number; left: number } {
  const { filterHeight: ph, filterWidth: pw, strideHeight: sh, strideWidth: sw, outHeight: oh, outWidth: ow, padInfo } = info;
  const [n, h, w, c] = input.shape as [number, number, number, number];
  const [needH, needW] = [Math.max((oh - 1) * sh + ph, padInfo.top + h), Math.max((ow - 1) * sw + pw, padInfo.left + w)];
  const paddings = [
    [0, 0],
    [padInfo.top, needH - h - padInfo.top],
    [padInfo.left, needW - w - padInfo.left],
    [0, 0],
  ];
  const x = k('PadV2', { x: input }, { paddings, constantValue: -Infinity });
  const half = k('Fill', {}, { shape: [], value: 0.5, dtype: 'float32' });
  let taken: Info | null = null;
  let sum: Info | null = null;
  for (let i = 0; i < ph; i++) {
    for (let j = 0; j < pw; j++) {
      const at = k(
        'StridedSlice',
        { x },
        {
          begin: [0, i, j, 0],
          end: [n, i + (oh - 1) * sh + 1, j + (ow - 1) * sw + 1, c],
          strides: [1, sh, sw, 1],
          beginMask: 0,
          endMask: 0,
          ellipsisMask: 0,
          newAxisMask: 0,
          shrinkAxisMask: 0,
        },
      );
      const equal = k('Equal', { a: at, b: output });
      const first = taken ? k('LogicalAnd', { a: equal, b: k('Less', { a: taken, b: half }) }) : equal;
      const hit = k('Cast', { x: equal }, { dtype: 'float32' });
      taken = taken ? k('Add', { a: taken, b: hit }) : hit;
      const grad = k('Multiply', { a: k('Cast', { x: first }, { dtype: 'float32' }), b: dy });
      const spread = sh > 1 || sw > 1 ? own(spreadOut(grad, sh, sw)) : grad;
      const [gh, gw] = [spread.shape[1]!, spread.shape[2]!];
      const placed = k(
        'PadV2',
        { x: spread },
        {
          paddings: [
            [0, 0],
            [i, needH - i - gh],
            [j, needW - j - gw],
            [0, 0],
          ],
          constantValue: 0,
        },
      );
      sum = sum ? k('Add', { a: sum, b: placed }) : placed;
    }
  }
  return { padded: sum!, top: padInfo.top, left: padInfo.left };
}

/**
 * Tiling windows (stride = pool size, no padding). Two transposes lay the input out as one
 * contiguous plane per offset in the window, [ph·pw, N·OH, OW·C]; walking the offsets in
 * row-major order, `rem` holds the dY not yet given to an earlier maximum, and an offset whose
 * value equals the window's maximum (step(max − value) = 0) takes what remains. The planes of
 * dY are then laid back by the inverse transposes. Every operation is an exact copy, subtraction
 * or multiplication by 0 or 1 on tensors of one shape, the kind wasm runs fastest (LeNet's first
 * pooling layer: 1.8 ms, against 4.3 ms for ArgMax and a one-hot on a 5-axis transpose).
 * `k` runs kernels whose results are freed afterwards, `result` the one returned.
 */
function firstMaxRouting(k: Call, result: Call, x: Info, output: Info, dy: Info, ph: number, pw: number): Info {
  const [n, h, w, c] = x.shape as [number, number, number, number];
  const [oh, ow] = [h / ph, w / pw];
  const rows = n * oh;
  const plane = rows * ow * c;
  // [N·OH·ph, OW, pw, C] → [N·OH·ph, pw, OW, C], then [N·OH, ph·pw, OW·C] → [ph·pw, N·OH, OW·C].
  const byColumn = k('Transpose', { x: k('Reshape', { x }, { shape: [rows * ph, ow, pw, c] }) }, { perm: [0, 2, 1, 3] });
  const planes = k(
    'Reshape',
    { x: k('Transpose', { x: k('Reshape', { x: byColumn }, { shape: [rows, ph * pw, ow * c] }) }, { perm: [1, 0, 2] }) },
    { shape: [ph * pw, plane] },
  );
  const max = k('Reshape', { x: output }, { shape: [plane] });
  let rem = k('Reshape', { x: dy }, { shape: [plane] });
  const taken: Info[] = [];
  for (let offset = 0; offset < ph * pw; offset++) {
    const value = k('Reshape', { x: k('Slice', { x: planes }, { begin: [offset, 0], size: [1, plane] }) }, { shape: [plane] });
    const below = k('Step', { x: k('Sub', { a: max, b: value }) }, { alpha: 0 });
    const kept = k('Multiply', { a: rem, b: below });
    taken.push(k('Sub', { a: rem, b: kept }));
    rem = kept;
  }
  const stacked = k('Concat', taken as never, { axis: 0 });
  const back = k('Transpose', { x: k('Reshape', { x: stacked }, { shape: [ph * pw, rows, ow * c] }) }, { perm: [1, 0, 2] });
  const columns = k('Transpose', { x: k('Reshape', { x: back }, { shape: [rows * ph, pw, ow, c] }) }, { perm: [0, 2, 1, 3] });
  return result('Reshape', { x: columns }, { shape: [n, h, w, c] });
}

/**
 * MaxPooling2D's gradient as whole-tensor wasm kernels: an input value gets dY where it equals
 * its window's maximum and is the first such value in row-major window order, which is the one
 * the cpu backend picks on ties. The shipped kernel is wrong (it starts every window at the
 * smallest positive float, so all-negative windows send dY to the wrong place, and it keeps the
 * last of equal maxima), as is wasm's MaxPoolWithArgmax. Tiling windows (stride = pool size, no
 * padding, the usual MaxPooling2D) take a faster path, `firstMaxRouting`.
 */
export function fastMaxPoolGrad(tf: typeof tfjs, shipped: tfjs.KernelConfig): tfjs.KernelConfig {
  return {
    ...shipped,
    kernelFunc: (args) => {
      const backend = args.backend as Backend;
      const { dy, input, output } = args.inputs as { dy: Info; input: Info; output: Info };
      const { filterSize, strides, pad, dimRoundingMode } = args.attrs as unknown as tfjs.MaxPoolGradAttrs;
      if (input.shape.length !== 4 || input.dtype !== 'float32') return shipped.kernelFunc(args);
      const info = tf.backend_util.computePool2DInfo(input.shape as [number, number, number, number], filterSize, strides, 1, pad, dimRoundingMode);
      const { filterHeight: ph, filterWidth: pw, strideHeight: sh, strideWidth: sw, outHeight: oh, outWidth: ow, padInfo } = info;
      const [n, h, w, c] = input.shape as [number, number, number, number];
      const made: Info[] = [];
      const k: Call = (name, inputs, attrs = {}) => {
        const out = callKernel(tf, name, backend, inputs, attrs);
        made.push(out);
        return out;
      };
      const tiles = ph === sh && pw === sw && padInfo.top === 0 && padInfo.left === 0 && padInfo.bottom === 0 && padInfo.right === 0;
      if (!tiles) {
        const own = (t: Info) => (made.push(t), t);
        const { padded, top, left } = byOffsets({ k, own, spread: (x, a, b) => dilate(tf, backend, x, a, b) }, input, output, dy, info);
        const out = callKernel(tf, 'Slice', backend, { x: padded }, { begin: [0, top, left, 0], size: [n, h, w, c] });
        release(backend, ...made);
        return out;
      }
      const covered = oh * ph === h && ow * pw === w ? input : k('Slice', { x: input }, { begin: [0, 0, 0, 0], size: [n, oh * ph, ow * pw, c] });
      const tiled = firstMaxRouting(k, (name, inputs, attrs) => callKernel(tf, name, backend, inputs, attrs), covered, output, dy, ph, pw);
      if (covered === input) {
        release(backend, ...made);
        return tiled;
      }
      const out = callKernel(
        tf,
        'PadV2',
        backend,
        { x: tiled },
        {
          paddings: [
            [0, 0],
            [0, h - oh * ph],
            [0, w - ow * pw],
            [0, 0],
          ],
          constantValue: 0,
        },
      );
      release(backend, tiled, ...made);
      return out;
    },
  };
}
