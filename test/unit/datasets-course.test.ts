import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataSettingsSchema } from '../../app/data/catalog';
import { extractTarGz } from '../../main/downloads/tar';
import { useDownloadCache } from '../../main/engine/datasets/cache';
import { decodeCifarBatches, loadCifar10 } from '../../main/engine/datasets/cifar10';
import { DEBIAN_FASHION_DIR, loadFashionMnist, readIdxPair } from '../../main/engine/datasets/fashion-mnist';
import { loadDataset } from '../../main/engine/datasets';
import { cifarArchive, cifarBatch, idxGz, tarGz } from './archives';

const temp = () => mkdtempSync(join(tmpdir(), 'layerlab-course-data-'));

describe('CIFAR-10', () => {
  it('decodes the binary batch layout into channels-last pixels and labels', () => {
    const { x, labels, count } = decodeCifarBatches([cifarBatch(3), cifarBatch(2, 3)]);
    expect(count).toBe(5);
    expect(Array.from(labels)).toEqual([0, 1, 2, 3, 4]);
    // Example 4, pixel (31, 31): red (4), green (14), blue (24), scaled to 0–1.
    const at = (4 * 1024 + 1023) * 3;
    expect(Array.from(x.subarray(at, at + 3)).map((v) => Math.round(v * 255))).toEqual([4, 14, 24]);
  });

  it('refuses a file that is not whole records, naming it', () => {
    expect(() => decodeCifarBatches([new Uint8Array(100)], ['data_batch_1.bin'])).toThrow(/data_batch_1\.bin is not a CIFAR-10 binary batch: 100 bytes/);
  });

  it('unpacks the official archive from the cache and reads both splits', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'cifar-10-binary.tar.gz'), cifarArchive(4));
    const train = await loadCifar10('train', dir);
    const test = await loadCifar10('test', dir);
    expect(train.count).toBe(20);
    expect(test.count).toBe(4);
    expect(train.x.length).toBe(20 * 32 * 32 * 3);
    expect(Array.from(train.labels.subarray(0, 12))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1]);
  });

  it('trains as a built-in dataset: 32×32×3 inputs and class labels', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'cifar-10-binary.tar.gz'), cifarArchive(2));
    useDownloadCache(dir, () => undefined);
    const data = await loadDataset(dataSettingsSchema.parse({ dataset: 'cifar10' }), 0.1);
    expect(data.count).toBe(10);
    expect(data.inputs[0]!.shape).toEqual([32, 32, 3]);
  });

  it('extracts only the chosen plain names, never a path the archive gives', async () => {
    const dir = temp();
    const archive = join(dir, 'evil.tar.gz');
    writeFileSync(archive, tarGz({ '../../escape.txt': Buffer.from('x'), 'ok/inside.txt': Buffer.from('fine') }));
    const out = join(dir, 'out');
    expect(await extractTarGz(archive, out, (p) => (p.endsWith('inside.txt') ? 'inside.txt' : null))).toEqual(['inside.txt']);
    expect(existsSync(join(dir, 'escape.txt'))).toBe(false);
    await expect(extractTarGz(archive, out, () => '../escape.txt')).rejects.toThrow(/not a plain file name/);
  });

  it('says so when the archive is cut short', async () => {
    const dir = temp();
    const whole = tarGz({ 'a.bin': new Uint8Array(5000) });
    const { gunzipSync, gzipSync } = await import('node:zlib');
    writeFileSync(join(dir, 'cut.tar.gz'), gzipSync(gunzipSync(whole).subarray(0, 2000)));
    await expect(extractTarGz(join(dir, 'cut.tar.gz'), join(dir, 'out'), (p) => p)).rejects.toThrow(/truncated/);
  });
});

describe('Fashion-MNIST', () => {
  it('reads gzipped idx files into typed arrays', async () => {
    const dir = temp();
    const pixels = new Uint8Array(2 * 28 * 28).fill(255);
    writeFileSync(join(dir, 'img.gz'), idxGz([2, 28, 28], pixels));
    writeFileSync(join(dir, 'lab.gz'), idxGz([2], Uint8Array.from([7, 9])));
    const set = await readIdxPair(join(dir, 'img.gz'), join(dir, 'lab.gz'));
    expect(set.count).toBe(2);
    expect(Array.from(set.labels)).toEqual([7, 9]);
    expect(set.x[0]).toBe(1);
  });

  it('refuses images that are not 28×28 and labels that do not match', async () => {
    const dir = temp();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'img.gz'), idxGz([2, 32, 32], new Uint8Array(2 * 32 * 32)));
    writeFileSync(join(dir, 'lab.gz'), idxGz([2], new Uint8Array(2)));
    await expect(readIdxPair(join(dir, 'img.gz'), join(dir, 'lab.gz'))).rejects.toThrow(/32×32, not 28×28/);
    writeFileSync(join(dir, 'img3.gz'), idxGz([3, 28, 28], new Uint8Array(3 * 784)));
    await expect(readIdxPair(join(dir, 'img3.gz'), join(dir, 'lab.gz'))).rejects.toThrow(/3 images but 2 labels/);
  });

  it.skipIf(!existsSync(DEBIAN_FASHION_DIR))("reads the real files of Debian's dataset-fashion-mnist: 60,000 + 10,000, balanced classes", async () => {
    const train = await loadFashionMnist('train', temp());
    const test = await loadFashionMnist('test', temp());
    expect([train.count, test.count]).toEqual([60_000, 10_000]);
    const perClass = new Array<number>(10).fill(0);
    for (const l of train.labels) perClass[l] = perClass[l]! + 1;
    expect(perClass).toEqual(new Array<number>(10).fill(6000));
    expect(Math.max(...train.x.subarray(0, 784 * 10))).toBeLessThanOrEqual(1);
  });
});
