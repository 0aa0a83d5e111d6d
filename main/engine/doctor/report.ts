import type { Tf } from '../../../app/layers/types';
import type { DoctorRow, EngineReport } from '../../../app/protocol/engines';
import { pytorchProbes, tensorflowRows, torchDevices, wasmRows, webgpuRows } from './checks';

/**
 * Every engine LayerLab can train on and whether it works here: tfjs-node(-gpu) with its libtensorflow and CUDA
 * libraries, each WebGPU adapter (software or hardware, and whether it passed the parity check), wasm with its SIMD
 * and threads, the plain cpu backend, and PyTorch in every interpreter the engine would try. Each check reports
 * rather than throws. `layerlab doctor` prints it; the app shows it under Help → Compute engines.
 */
export async function engineReport(tf: Tf, python?: string): Promise<EngineReport> {
  const rows: DoctorRow[] = [...(await tensorflowRows()), ...(await webgpuRows(tf)), ...(await wasmRows(tf))];
  rows.push({ engine: 'cpu', item: 'plain JavaScript', status: 'ok', detail: 'always available (slowest; the reference the others are checked against)' });
  const torch = pytorchProbes(process.env, python);
  rows.push(...torch.rows);
  const p = torch.usable;
  return {
    rows,
    pytorch: p
      ? { ok: true, python: p.python, version: p.torch, device: torchDevices(p)[0]! }
      : { ok: false, why: torch.rows.map((r) => `${r.item}: ${r.detail}`).join('; ') },
    checkedAt: new Date().toISOString(),
  };
}

const MARK: Record<DoctorRow['status'], string> = { ok: 'yes', missing: 'no', failed: 'FAILED' };

/** The rows as an aligned text table, one engine part per line. */
export function doctorTable(rows: readonly DoctorRow[]): string {
  const cells = [['engine', 'item', 'works', 'details'], ...rows.map((r) => [r.engine, r.item, MARK[r.status], r.detail])];
  const widths = [0, 1, 2].map((i) => Math.max(...cells.map((c) => c[i]!.length)));
  return cells.map((c) => [...c.slice(0, 3).map((v, i) => v.padEnd(widths[i]!)), c[3]].join('  ')).join('\n');
}
