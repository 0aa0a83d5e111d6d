import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserAdapterRow } from '../../renderer/src/run/browserAdapter';

/** The tab's globals the row reads: a secure page with Workers and, where given, navigator.gpu. */
function page(gpu: unknown, secure = true): void {
  vi.stubGlobal('window', { isSecureContext: secure });
  vi.stubGlobal('Worker', function Worker() {});
  vi.stubGlobal('navigator', gpu === undefined ? {} : { gpu });
}

afterEach(() => vi.unstubAllGlobals());

describe("Help → Compute engines: this browser's own WebGPU", () => {
  it('names a hardware adapter and says runs check parity first', async () => {
    const gpu = {
      requestAdapter: () => Promise.resolve({ info: { vendor: 'intel', architecture: 'gen-12lp', device: '', description: 'Intel(R) Iris(R) Xe Graphics' } }),
    };
    page(gpu);
    const row = await browserAdapterRow();
    expect(row).toMatchObject({ engine: 'webgpu', status: 'ok' });
    expect(row.detail).toContain('Intel(R) Iris(R) Xe Graphics');
    expect(row.detail).not.toContain('software');
    expect(row.detail).toContain('checks one training step against the CPU');
  });

  it('marks SwiftShader and fallback adapters as software, from older browsers too', async () => {
    page({
      requestAdapter: () =>
        Promise.resolve({
          requestAdapterInfo: () => Promise.resolve({ vendor: 'google', architecture: 'swiftshader', description: 'SwiftShader Device (Subzero)' }),
        }),
    });
    expect((await browserAdapterRow()).detail).toMatch(/SwiftShader.*a software adapter/);
    page({ requestAdapter: () => Promise.resolve({ isFallbackAdapter: true, info: { vendor: 'x', architecture: '', device: '', description: 'Some GPU' } }) });
    expect((await browserAdapterRow()).detail).toContain('a software adapter');
  });

  it('says why there is nothing: no WebGPU, an insecure page, no adapter, a failing browser', async () => {
    page(undefined);
    expect(await browserAdapterRow()).toMatchObject({ status: 'missing', detail: expect.stringContaining('no WebGPU') as string });
    page({ requestAdapter: () => Promise.resolve(null) }, false);
    expect(await browserAdapterRow()).toMatchObject({ status: 'missing', detail: expect.stringContaining('secure page') as string });
    page({ requestAdapter: () => Promise.resolve(null) });
    expect(await browserAdapterRow()).toMatchObject({ status: 'missing', detail: expect.stringContaining('offers no adapter') as string });
    page({ requestAdapter: () => Promise.reject(new Error('GPU process crashed')) });
    expect(await browserAdapterRow()).toMatchObject({ status: 'failed', detail: expect.stringContaining('GPU process crashed') as string });
  });

  it('gives up on a browser that never answers, after 5 s', async () => {
    vi.useFakeTimers();
    try {
      page({ requestAdapter: () => new Promise(() => undefined) });
      const row = browserAdapterRow();
      await vi.advanceTimersByTimeAsync(5_000);
      expect(await row).toMatchObject({ status: 'failed', detail: expect.stringContaining('within 5 s') as string });
    } finally {
      vi.useRealTimers();
    }
  });
});
