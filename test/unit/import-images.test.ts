import * as tf from '@tensorflow/tfjs';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataSettingsSchema, type DataSettings } from '../../app/data/catalog';
import { dataSpec } from '../../app/data/spec';
import { loadUserData } from '../../main/data';
import { importUserData } from '../../main/data/complete';
import { batchStream, openStreamingData } from '../../main/engine/pipeline';
import { inspectData } from '../../main/data/jobs';
import { imageFolder, pngBytes, tempDir } from '../fixtures/user-data';

const settingsFor = (path: string, images: Record<string, unknown> = {}): DataSettings =>
  dataSettingsSchema.parse({ dataset: 'images', source: { path, images: { size: [8, 8], ...images } }, split: { validation: 0.25 } });
const failure = async (p: Promise<unknown>) =>
  (
    await p.then(
      () => null,
      (e: unknown) => e as Error,
    )
  )?.message;
const drain = async (it: AsyncGenerator) => {
  for await (const _ of it);
};

beforeAll(() => tf.setBackend('cpu'));

describe('image folder import', () => {
  it('finds classes and counts, decodes to 0–1 floats at the chosen size and colour, stratified', async () => {
    const root = await imageFolder(tempDir(), ['cats', 'dogs'], 6);
    const { settings, summary, problems } = await importUserData('images', settingsFor(root, { color: 'grayscale' }));
    expect(problems).toEqual([]);
    expect(summary.classes).toEqual([
      { label: 'cats', count: 6 },
      { label: 'dogs', count: 6 },
    ]);
    expect(settings.source!.images.classes).toEqual(['cats', 'dogs']);
    expect(settings.fingerprint!.files.map((f) => [f.path, f.count])).toEqual([
      ['cats', 6],
      ['dogs', 6],
    ]);
    expect(dataSpec(settings)).toMatchObject({ task: 'classification', classes: 2, inputs: [{ shape: [8, 8, 1] }] });
    const data = await loadUserData('images', settings, 0.25);
    expect(data.inputs[0]!.shape).toEqual([8, 8, 1]);
    expect(data.inputs[0]!.data.length).toBe(12 * 64);
    expect(Math.max(...data.inputs[0]!.data)).toBeLessThanOrEqual(1);
    expect(data.partition!.validation.length).toBe(4);
    expect([...data.partition!.validation].map((i) => data.target.data[i]).sort()).toEqual([0, 0, 1, 1]);
    const rgb = await loadUserData('images', { ...settings, source: { ...settings.source!, images: { ...settings.source!.images, color: 'rgb' } } }, 0.25);
    expect(rgb.inputs[0]!.shape).toEqual([8, 8, 3]);
  });

  it('previews samples as PNG data URLs with labels, class balance and augmented copies', async () => {
    const root = await imageFolder(tempDir(), ['a', 'b'], 3);
    const reply = await inspectData(settingsFor(root, { augment: { flip: true, shift: 0.1, rotate: 10 } }));
    expect(reply.status).toEqual({ state: 'new' });
    expect(reply.classBalance).toEqual([
      { label: 'a', count: 3 },
      { label: 'b', count: 3 },
    ]);
    const preview = reply.preview!;
    if (preview.kind !== 'images') throw new Error(preview.kind);
    expect(preview.samples).toHaveLength(6);
    expect(preview.samples[0]!.dataUrl).toMatch(/^data:image\/png;base64,/);
    expect(preview.augmented.length).toBeGreaterThan(0);
  });
});

describe('image folder bad input', () => {
  it('asks for class subfolders when there are none', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'one.png'), await pngBytes(8, 0, 0));
    expect(await failure(importUserData('images', settingsFor(dir)))).toBe(
      `${dir} has no subfolders. Put the images of each class in a folder of its own, e.g. ${join(dir, 'cats')} and ${join(dir, 'dogs')}.`,
    );
  });

  it('names a class with one image', async () => {
    const root = await imageFolder(tempDir(), ['cats', 'dogs'], 3);
    rmSync(join(root, 'dogs', '00001.png'));
    rmSync(join(root, 'dogs', '00002.png'));
    expect(await failure(importUserData('images', settingsFor(root)))).toBe(
      `Class "dogs" has only 1 image; each class needs at least 2 (one to train on, one to check).`,
    );
  });

  it('lists corrupt and odd files and carries on without them', async () => {
    const root = await imageFolder(tempDir(), ['cats', 'dogs'], 3);
    writeFileSync(join(root, 'cats', 'broken.png'), Buffer.from('not a png at all'));
    writeFileSync(join(root, 'dogs', 'notes.txt'), 'hello');
    const { summary, problems } = await importUserData('images', settingsFor(root));
    expect(summary.examples).toBe(6);
    expect(problems.map((p) => p.message)).toEqual([
      `${root}/dogs/notes.txt is not a PNG or JPEG image; skipped.`,
      expect.stringMatching(new RegExp(`^${root}/cats/broken.png cannot be read as an image \\(.+\\); skipped.$`)),
    ]);
    expect(problems.every((p) => p.severity === 'warning')).toBe(true);
  });

  it('stops with the file named when an image disappears mid-training', async () => {
    const root = await imageFolder(tempDir(), ['cats', 'dogs'], 4);
    const { settings } = await importUserData('images', settingsFor(root));
    const data = await openStreamingData(settings, 0.25);
    rmSync(join(root, 'cats', '00002.png'));
    const all = Uint32Array.from({ length: data.source.count }, (_, i) => i);
    const stream = batchStream(data.source, all, { batchSize: 2, shuffle: false, seed: 0, epoch: 0, augment: false, prefetch: 2, concurrency: 2 });
    expect(await failure(drain(stream))).toBe(
      `${root}/cats/00002.png disappeared while it was being read (moved or deleted?). Put it back, or import the folder again.`,
    );
  });

  it('says a moved folder is gone, and notices a changed one', async () => {
    const dir = tempDir();
    const root = await imageFolder(dir, ['cats', 'dogs'], 3);
    const { settings } = await importUserData('images', settingsFor(root));
    mkdirSync(join(root, 'birds'));
    writeFileSync(join(root, 'birds', 'x.png'), await pngBytes(8, 2, 0));
    const changed = await inspectData(settings);
    expect(changed.status).toEqual({
      state: 'changed',
      message: `The data at ${root} changed since it was imported: ${root}/birds is new. Import it again to update its settings.`,
    });
    rmSync(root, { recursive: true });
    const gone = await inspectData(settings);
    expect(gone.preview).toBeNull();
    expect(gone.problems[0]!.message).toBe(`The data at ${root} is gone — was it moved? Choose its new location.`);
  });
});
