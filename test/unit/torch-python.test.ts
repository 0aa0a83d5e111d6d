import { describe, expect, it } from 'vitest';
import { pythonPathSchema } from '../../app/protocol/backend';
import { REQUESTS } from '../../app/protocol/requests';
import { pythonCandidates, torchTooOld } from '../../main/python/probe';

describe('choosing the Python for PyTorch', () => {
  it('accepts interpreters only, so no request can start another program', () => {
    for (const ok of ['python3', '/usr/bin/python3', '/opt/conda/envs/ml/bin/python', 'C:\\Python311\\python.exe', '~/venv/bin/python3.11'])
      expect(pythonPathSchema.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['/bin/sh', 'bash', 'python3; rm -rf /', 'python3 -c "import os"', '$(reboot)', '/usr/bin/python3/../../bin/sh', ''])
      expect(pythonPathSchema.safeParse(bad).success, bad).toBe(false);
    expect(REQUESTS['run.start'].payload.safeParse({ document: {}, python: '/bin/sh' }).success).toBe(false);
  });

  it('refuses a PyTorch older than 1.13 with how to upgrade, and tries the chosen interpreter first', () => {
    expect(torchTooOld('1.13.0a0')).toBeNull();
    expect(torchTooOld('2.5.1+cu121')).toBeNull();
    expect(torchTooOld('1.12.1')).toMatch(/older than 1\.13.*pip install --upgrade torch/);
    expect(torchTooOld('nightly')).toMatch(/unreadable/);
    expect(pythonCandidates({ LAYERLAB_PYTHON: '/env/python' }, '/mine/python3')).toEqual(['/mine/python3', 'python3', '/usr/bin/python3']);
    expect(pythonCandidates({ LAYERLAB_PYTHON: '/env/python' }, ' ')).toEqual(['/env/python', 'python3', '/usr/bin/python3']);
  });
});
