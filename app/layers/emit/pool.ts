import type { EmitNode, PytorchLayer } from '../emit-types';
import { poolStrides } from '../windows';
import type { PoolParams } from '../pooling';
import { assign, kwargs, py } from './python';
import { aroundChannelsFirst, padPlan, samePad, spatial } from './window';

/**
 * Max and average pooling between permutes. 'same' padding: max pooling pads with −∞ (what Keras ignores), average
 * pooling leaves the padding out of the count as Keras does, which PyTorch can only do with symmetric padding.
 */
export function poolEmitter(node: EmitNode<PoolParams>, kind: 'max' | 'average', rank: 1 | 2): PytorchLayer | { error: string } {
  const { id, params: p, inputShapes } = node;
  const strides = poolStrides(p.poolSize, p.strides);
  const pads = spatial(inputShapes[0]).map((n, i) => samePad(n, p.poolSize[i] ?? 1, strides[i] ?? 1, 1, p.padding));
  const plan = padPlan(pads);
  if (kind === 'average' && plan.explicit) {
    return {
      error: `${node.name}: average pooling with uneven 'same' padding (Keras leaves the padding out of each average) has no PyTorch module; use 'valid' padding or an input size the window divides.`,
    };
  }
  const Module = kind === 'max' ? `nn.MaxPool${rank}d` : `nn.AvgPool${rank}d`;
  const args = [
    `kernel_size=${py(p.poolSize)}`,
    `stride=${py(strides)}`,
    ...(plan.moduleArg !== '0' && pads.some((q) => q.before > 0) ? [`padding=${plan.moduleArg}`] : []),
    ...(kind === 'average' && p.padding === 'same' ? ['count_include_pad=False'] : []),
  ];
  return {
    init: [`self.${id} = ${Module}(${args.join(', ')})`],
    forward: ([x = 'x'], out) =>
      assign(
        out,
        aroundChannelsFirst((y) => `self.${id}(${y})`, x, rank, plan, kind === 'max' ? "float('-inf')" : undefined),
      ),
  };
}

export function kerasPool(cls: string, p: PoolParams, name: string): string {
  const strides = poolStrides(p.poolSize, p.strides);
  const sameStrides = strides.every((s, i) => s === p.poolSize[i]);
  return `layers.${cls}(${kwargs({ pool_size: p.poolSize, strides: sameStrides ? undefined : strides, padding: p.padding === 'valid' ? undefined : p.padding, name })})`;
}
