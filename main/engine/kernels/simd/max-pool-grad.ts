import { Code, F32, I32, type WasmFunction } from './wasm-code';
import type { WindowShape } from './window-shape';

/**
 * Generates `maxPoolGrad(x, max, dy, dx)`: for every pooled value, the first input of its window
 * in row-major order that equals the window's maximum gets dY added (the rule of
 * `max-pool-grad.ts`, which the cpu backend follows). The window's taps are unrolled, each a
 * compare that leaves the window on its first match. Every window lies inside the input (no
 * padding: valid pools, and most 'same' ones); `dx` is zeroed by the caller.
 */
export function maxPoolGradKernel(shape: WindowShape): WasmFunction {
  const { n, height, width, channels: c, outHeight: oh, outWidth: ow, strideHeight: sh, strideWidth: sw } = shape;
  const code = new Code(4);
  const [x, max, dy, dx] = [0, 1, 2, 3];
  const window = code.local(I32);
  const toDx = code.local(I32);
  const target = code.local(I32);
  const m = code.local(F32);
  const g = code.local(F32);
  code.get(dx).get(x).sub().set(toDx);
  code.get(x).set(window);
  code.repeat(n, () => {
    code.repeat(oh, () => {
      code.repeat(ow, () => {
        code.repeat(c, () => {
          code.loadF32(max, 0).set(m).loadF32(dy, 0).set(g);
          code.block(() => {
            for (let i = 0; i < shape.windowHeight; i++) {
              for (let j = 0; j < shape.windowWidth; j++) {
                const at = (i * width + j) * c * 4;
                code.loadF32(window, at).get(m).f32Equal();
                code.when(() => {
                  code.get(window).get(toDx).add().set(target);
                  code.loadF32(target, at).get(g).f32('add').set(g).storeF32(target, at, g);
                  code.exit(1);
                });
              }
            }
          });
          code.bump(window, 4).bump(max, 4).bump(dy, 4);
        });
        code.bump(window, (sw - 1) * c * 4);
      });
      code.bump(window, (sh * width - ow * sw) * c * 4);
    });
    code.bump(window, (height - oh * sh) * width * c * 4);
  });
  return { name: 'maxPoolGrad', code };
}
