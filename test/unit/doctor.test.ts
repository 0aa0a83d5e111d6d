import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { doctorTable, type DoctorRow } from '../../main/cli/doctor';
import { probeTorch } from '../../main/python/probe';
import { ROOT } from './helpers';

const doctor = (...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'bin', 'layerlab.mjs'), 'doctor', ...args], { encoding: 'utf8', timeout: 240_000 });

describe('layerlab doctor', () => {
  // One run of the bundled CLI for all checks: the WebGPU parity step on a software adapter takes seconds.
  const run = doctor('--json');
  const rows = run.status === 0 ? (JSON.parse(run.stdout.trim().split('\n').at(-1)!) as DoctorRow[]) : [];
  const find = (engine: DoctorRow['engine'], item?: string) => rows.filter((r) => r.engine === engine && (item === undefined || r.item === item));

  it('exits 0 and reports every engine', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(new Set(rows.map((r) => r.engine))).toEqual(new Set(['tensorflow', 'webgpu', 'wasm', 'cpu', 'pytorch']));
  });

  it('says of both tfjs-node packages whether their native addon loads, and checks for the CUDA libraries', () => {
    for (const pkg of ['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node']) {
      const [row] = find('tensorflow', pkg);
      expect(row, pkg).toBeDefined();
      if (row!.status === 'missing') expect(row!.detail).toMatch(/is not installed|has no native addon/);
      if (row!.status === 'failed') expect(row!.detail.length).toBeGreaterThan(0);
    }
    expect(find('tensorflow').some((r) => r.item.startsWith('CUDA'))).toBe(true);
  });

  it('lists each WebGPU adapter as software or hardware with its parity result, or why there is none', () => {
    const webgpu = find('webgpu');
    expect(webgpu.length).toBeGreaterThan(0);
    const adapters = webgpu.filter((r) => !r.item.startsWith('Dawn'));
    for (const a of adapters) expect(a.detail).toMatch(/^(software|hardware)\b.*parity (passed|FAILED)|^(software|hardware);.*/);
    // Mesa's llvmpipe is here (machine facts): named, software, never automatic, and it computes correctly.
    const llvmpipe = adapters.find((a) => a.item.includes('llvmpipe'));
    if (llvmpipe) {
      expect(llvmpipe.status).toBe('ok');
      expect(llvmpipe.detail).toMatch(/^software \(never chosen automatically.*parity passed/);
    }
    if (adapters.length === 0) expect(webgpu.every((r) => r.status === 'missing')).toBe(true);
  });

  it('reports wasm with its SIMD and thread count', () => {
    expect(find('wasm', 'WebAssembly')[0]).toMatchObject({ status: 'ok' });
    expect(find('wasm', 'SIMD')[0]?.status).toBe('ok');
    expect(find('wasm', 'SIMD')[0]?.detail).toMatch(/^on /);
    expect(find('wasm', 'threads')[0]?.detail).toMatch(/^\d+ of \d+ wanted/);
  });

  it('tries the configured interpreter, python3 and /usr/bin/python3, with PyTorch version, devices and BLAS', () => {
    const items = find('pytorch').map((r) => r.item);
    expect(items.slice(-2)).toEqual(['python3', '/usr/bin/python3']);
    const debian = probeTorch('/usr/bin/python3');
    const row = find('pytorch', '/usr/bin/python3')[0]!;
    if (debian.ok) {
      expect(row.status).toBe('ok');
      expect(row.detail).toContain(`PyTorch ${debian.probe.torch}`);
      expect(row.detail).toMatch(/devices: .*CPU/);
      expect(row.detail).toContain(`BLAS: ${debian.probe.blas.kind}`);
    } else expect(row.status).toBe('missing');
  });

  it('prints the rows as an aligned table', () => {
    const table = doctorTable(rows).split('\n');
    expect(table[0]).toMatch(/^engine\s+item\s+works\s+details$/);
    expect(table).toHaveLength(rows.length + 1);
    const column = table[0]!.indexOf('works');
    for (const line of table.slice(1)) expect(line.slice(column)).toMatch(/^(yes|no|FAILED) /);
  });
});
