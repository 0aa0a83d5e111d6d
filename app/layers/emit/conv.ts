import type { BuiltinActivation } from '../activations';
import type { EmitNode, PytorchLayer } from '../emit-types';
import type { Padding } from '../windows';
import { assign, kerasActivation, kwargs, lastDim, py, torchActivation } from './python';
import { aroundChannelsFirst, padPlan, samePad, spatial } from './window';

interface ConvParams {
  readonly filters: number;
  readonly kernelSize: readonly number[];
  readonly strides: readonly number[];
  readonly padding: Padding;
  readonly dilationRate?: readonly number[];
  readonly activation: BuiltinActivation;
  readonly useBias: boolean;
}

const at = (list: readonly number[] | undefined, i: number) => list?.[i] ?? 1;

/** Keras kernels are (…window, in, out); PyTorch's Conv weights are (out, in, …window). */
const KERNEL_AXES: Record<1 | 2, readonly number[]> = { 1: [2, 1, 0], 2: [3, 2, 0, 1] };

/** Conv1D and Conv2D: a channels-first PyTorch convolution between permutes, Keras's uneven 'same' padding made explicit. */
export function convEmitter(node: EmitNode<ConvParams>, rank: 1 | 2): PytorchLayer {
  const { id, params: p, inputShapes } = node;
  const shape = inputShapes[0];
  const pads = spatial(shape).map((n, i) => samePad(n, at(p.kernelSize, i), at(p.strides, i), at(p.dilationRate, i), p.padding));
  const plan = padPlan(pads);
  const dilated = (p.dilationRate ?? []).some((d) => d > 1);
  const args = [
    `${lastDim(shape)}, ${p.filters}`,
    `kernel_size=${py(p.kernelSize)}`,
    `stride=${py(p.strides)}`,
    ...(pads.some((q) => q.before > 0 || q.after > 0) && !plan.explicit ? [`padding=${plan.moduleArg}`] : []),
    ...(dilated ? [`dilation=${py(p.dilationRate)}`] : []),
    ...(p.useBias ? [] : ['bias=False']),
  ];
  return {
    init: [`self.${id} = nn.Conv${rank}d(${args.join(', ')})`],
    forward: ([x = 'x'], out) =>
      assign(
        out,
        torchActivation(
          p.activation,
          aroundChannelsFirst((y) => `self.${id}(${y})`, x, rank, plan),
        ),
      ),
    weights: [
      { torch: `${id}.weight`, keras: 'kernel', ops: [{ op: 'permute', axes: KERNEL_AXES[rank] }] },
      ...(p.useBias ? [{ torch: `${id}.bias`, keras: 'bias', ops: [] }] : []),
    ],
  };
}

/**
 * Conv2DTranspose. PyTorch's output is (n − 1)·s + k; Keras's is n·s ('same') or n·s + max(k − s, 0) ('valid').
 * The difference is cropped the way TensorFlow pads the matching forward convolution (the odd pixel at the end),
 * or added as output_padding when the kernel is smaller than the stride.
 */
export function convTransposeEmitter(node: EmitNode<ConvParams>): PytorchLayer {
  const { id, params: p, inputShapes, outputShapes } = node;
  const sizes = spatial(inputShapes[0]);
  const wanted = spatial([...(outputShapes[0] ?? []).slice(0, -1), 0]);
  const crops = sizes.map((n, i) => {
    const full = (n - 1) * at(p.strides, i) + at(p.kernelSize, i);
    const extra = Math.max(full - (wanted[i] ?? full), 0);
    return { before: Math.floor(extra / 2), after: extra - Math.floor(extra / 2), grow: Math.max((wanted[i] ?? full) - full, 0) };
  });
  const symmetric = crops.every((c) => c.before === c.after);
  const args = [
    `${lastDim(inputShapes[0])}, ${p.filters}`,
    `kernel_size=${py(p.kernelSize)}`,
    `stride=${py(p.strides)}`,
    ...(symmetric && crops.some((c) => c.before > 0) ? [`padding=${py(crops.map((c) => c.before))}`] : []),
    ...(crops.some((c) => c.grow > 0) ? [`output_padding=${py(crops.map((c) => c.grow))}`] : []),
    ...(p.useBias ? [] : ['bias=False']),
  ];
  const crop = symmetric ? '' : `[:, :, ${crops.map((c, i) => `${c.before}:${c.before + (wanted[i] ?? 0)}`).join(', ')}]`;
  return {
    init: [`self.${id} = nn.ConvTranspose2d(${args.join(', ')})`],
    forward: ([x = 'x'], out) =>
      assign(
        out,
        torchActivation(
          p.activation,
          aroundChannelsFirst((y) => `self.${id}(${y})${crop}`, x, 2, { moduleArg: '0', explicit: null }),
        ),
      ),
    // Keras (h, w, out, in) → PyTorch ConvTranspose2d (in, out, h, w).
    weights: [
      { torch: `${id}.weight`, keras: 'kernel', ops: [{ op: 'permute', axes: [3, 2, 0, 1] }] },
      ...(p.useBias ? [{ torch: `${id}.bias`, keras: 'bias', ops: [] }] : []),
    ],
  };
}

/** The Keras constructor of a convolution, naming only what differs from Keras's defaults. */
export function kerasConv(cls: string, p: ConvParams, name: string): string {
  const dilated = (p.dilationRate ?? []).some((d) => d > 1);
  const args = kwargs({
    kernel_size: p.kernelSize,
    strides: p.strides.some((s) => s !== 1) ? p.strides : undefined,
    padding: p.padding === 'valid' ? undefined : p.padding,
    dilation_rate: dilated ? p.dilationRate : undefined,
    activation: p.activation === 'linear' ? undefined : kerasActivation(p.activation),
    use_bias: p.useBias ? undefined : false,
    name,
  });
  return `layers.${cls}(${p.filters}, ${args})`;
}

interface SeparableParams extends ConvParams {
  readonly depthMultiplier: number;
}

/**
 * SeparableConv2D: a depthwise Conv2d (groups = input channels, depthMultiplier kernels each, no bias, as Keras) then
 * a 1×1 pointwise Conv2d with the bias, so the parameter count is Keras's. Keras's depthwise kernel (kh, kw, in, m)
 * becomes PyTorch's (in·m, 1, kh, kw), output channel c·m + j for kernel j of channel c, which is the order both use.
 */
export function separableEmitter(node: EmitNode<SeparableParams>): PytorchLayer {
  const { id, params: p, inputShapes } = node;
  const shape = inputShapes[0];
  const channels = lastDim(shape);
  const inner = channels * p.depthMultiplier;
  const pads = spatial(shape).map((n, i) => samePad(n, at(p.kernelSize, i), at(p.strides, i), at(p.dilationRate, i), p.padding));
  const plan = padPlan(pads);
  const dilated = (p.dilationRate ?? []).some((d) => d > 1);
  const depthwise = [
    `${channels}, ${inner}`,
    `kernel_size=${py(p.kernelSize)}`,
    `stride=${py(p.strides)}`,
    ...(pads.some((q) => q.before > 0 || q.after > 0) && !plan.explicit ? [`padding=${plan.moduleArg}`] : []),
    ...(dilated ? [`dilation=${py(p.dilationRate)}`] : []),
    `groups=${channels}`,
    'bias=False',
  ];
  const [kh = 1, kw = 1] = p.kernelSize;
  return {
    init: [
      `self.${id} = nn.Sequential(`,
      `    nn.Conv2d(${depthwise.join(', ')}),`,
      `    nn.Conv2d(${inner}, ${p.filters}, kernel_size=1${p.useBias ? '' : ', bias=False'}),`,
      ')',
    ],
    forward: ([x = 'x'], out) =>
      assign(
        out,
        torchActivation(
          p.activation,
          aroundChannelsFirst((y) => `self.${id}(${y})`, x, 2, plan),
        ),
      ),
    weights: [
      {
        torch: `${id}.0.weight`,
        keras: 'depthwise_kernel',
        ops: [
          { op: 'permute', axes: [2, 3, 0, 1] },
          { op: 'reshape', shape: [inner, 1, kh, kw] },
        ],
      },
      { torch: `${id}.1.weight`, keras: 'pointwise_kernel', ops: [{ op: 'permute', axes: [3, 2, 0, 1] }] },
      ...(p.useBias ? [{ torch: `${id}.1.bias`, keras: 'bias', ops: [] }] : []),
    ],
  };
}

/** Keras's SeparableConv2D call: Conv2D's arguments and the depth multiplier. */
export function kerasSeparable(p: SeparableParams, name: string): string {
  const call = kerasConv('SeparableConv2D', p, name);
  return p.depthMultiplier === 1 ? call : call.replace(/, name=/, `, depth_multiplier=${p.depthMultiplier}, name=`);
}
