import { UserError } from '../../user-error';

/**
 * torch/mode.ts in the browser's compute worker (scripts/build.mjs swaps it in): PyTorch is a program on
 * the host machine, which a browser cannot start. The host never sends a PyTorch run here; this says so if one came.
 */
export function requireTorch(_python: string | undefined): never {
  throw new UserError('PyTorch runs on the machine LayerLab is installed on, not in the browser: pick PyTorch without “in this browser”.');
}

export function torchMode(_torch: never): never {
  throw new UserError('PyTorch cannot run in the browser.');
}
