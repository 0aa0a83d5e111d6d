import type { MnistDigits } from '../../../app/data/catalog';
import type { Images } from './mnist';

/** MNIST restricted to digits 0–4, or to 5–9 relabelled 0–4 (a new task for a model pretrained on 0–4). */
export function keepDigits(images: Images, which: MnistDigits): Images {
  if (which === 'all') return images;
  const low = which === '0-4' ? 0 : 5;
  const picked: number[] = [];
  for (let i = 0; i < images.count; i++) {
    const label = images.labels[i]!;
    if (label >= low && label < low + 5) picked.push(i);
  }
  const size = images.x.length / images.count;
  const x = new Float32Array(picked.length * size);
  const labels = new Int32Array(picked.length);
  picked.forEach((from, to) => {
    x.set(images.x.subarray(from * size, (from + 1) * size), to * size);
    labels[to] = images.labels[from]! - low;
  });
  return { x, labels, count: picked.length };
}
