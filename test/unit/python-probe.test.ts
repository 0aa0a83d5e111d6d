import { describe, expect, it } from 'vitest';
import { blasIsFair, classifyBlas, pythonCandidates } from '../../main/python/probe';

describe('the BLAS a Python process loaded, from its mapped files', () => {
  it('finds OpenBLAS behind Debian’s libblas.so.3 alternative', () => {
    const blas = classifyBlas([
      '/usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3',
      '/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblasp-r0.3.21.so',
    ]);
    expect(blas).toMatchObject({ kind: 'openblas', library: '/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblasp-r0.3.21.so' });
    expect(classifyBlas(['/usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3']).kind).toBe('openblas');
    expect(blasIsFair(blas)).toBe(true);
  });

  it('calls Netlib’s reference BLAS what it is, and no ratio against it is fair', () => {
    const blas = classifyBlas(['/usr/lib/x86_64-linux-gnu/blas/libblas.so.3', '/usr/lib/python3/dist-packages/torch/lib/libtorch_cpu.so']);
    expect(blas.kind).toBe('reference');
    expect(blas.note).toContain('libopenblas0-pthread');
    expect(blasIsFair(blas)).toBe(false);
  });

  it('recognises MKL and BLIS, and a wheel that links its BLAS into libtorch_cpu', () => {
    expect(classifyBlas(['/opt/intel/lib/libmkl_rt.so.2']).kind).toBe('mkl');
    expect(classifyBlas(['/usr/lib/x86_64-linux-gnu/libblis.so.4']).kind).toBe('blis');
    expect(classifyBlas(['/usr/lib/x86_64-linux-gnu/blis-openmp/libblas.so.3']).kind).toBe('blis');
    const wheel = classifyBlas(['/home/u/.venv/lib/python3.12/site-packages/torch/lib/libtorch_cpu.so']);
    expect(wheel.kind).toBe('builtin');
    expect(blasIsFair(wheel)).toBe(true);
    expect(classifyBlas([]).kind).toBe('unknown');
  });

  it('tries the configured interpreter first, then python3, then /usr/bin/python3', () => {
    expect(pythonCandidates({ LAYERLAB_PYTHON: '/opt/py/bin/python' })).toEqual(['/opt/py/bin/python', 'python3', '/usr/bin/python3']);
    expect(pythonCandidates({})).toEqual(['python3', '/usr/bin/python3']);
  });
});
