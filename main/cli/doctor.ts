import type { Tf } from '../../app/layers/types';
import { pytorchRows, tensorflowRows, wasmRows, webgpuRows, type DoctorRow } from './doctor-checks';

export type { DoctorRow } from './doctor-checks';

/**
 * Every engine LayerLab can train on and whether it works here: tfjs-node(-gpu) with its
 * libtensorflow and CUDA libraries, each WebGPU adapter (software or hardware, and whether it
 * passed the parity check), wasm with its SIMD and threads, the plain cpu backend, and PyTorch in
 * every interpreter the engine would try. Each check reports rather than throws.
 */
export async function doctorRows(tf: Tf): Promise<DoctorRow[]> {
  const rows = [...(await tensorflowRows()), ...(await webgpuRows(tf)), ...(await wasmRows(tf))];
  rows.push({ engine: 'cpu', item: 'plain JavaScript', status: 'ok', detail: 'always available (slowest; the reference the others are checked against)' });
  rows.push(...pytorchRows());
  return rows;
}

const MARK: Record<DoctorRow['status'], string> = { ok: 'yes', missing: 'no', failed: 'FAILED' };

/** The rows as an aligned text table, one engine part per line. */
export function doctorTable(rows: readonly DoctorRow[]): string {
  const cells = [['engine', 'item', 'works', 'details'], ...rows.map((r) => [r.engine, r.item, MARK[r.status], r.detail])];
  const widths = [0, 1, 2].map((i) => Math.max(...cells.map((c) => c[i]!.length)));
  return cells.map((c) => [...c.slice(0, 3).map((v, i) => v.padEnd(widths[i]!)), c[3]].join('  ')).join('\n');
}

/** `layerlab doctor [--json]`: prints the table (or the rows as JSON); exits 0 however many engines are missing. */
export async function doctorCommand(json: boolean, out: (line: string) => void): Promise<number> {
  const tf = (await import('@tensorflow/tfjs')) as unknown as Tf;
  const rows = await doctorRows(tf);
  if (json) out(JSON.stringify(rows));
  else out(doctorTable(rows));
  return 0;
}
