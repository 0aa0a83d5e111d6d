import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../app/analysis/analyze';
import { projectSchema } from '../../app/document/schema';
import { DownloadError } from '../../main/downloads/download';
import { buildModel } from '../../main/engine/build-model';
import { useDownloadCache } from '../../main/engine/datasets/cache';
import { loadPretrainedSources } from '../../main/engine/pretrained';
import { dataSettingsSchema } from '../../app/data/catalog';
import type { HostEvent } from '../../app/protocol/events';
import { importUserData } from '../../main/data/complete';
import { train } from '../../main/engine/train';
import { imageFolder, tempDir } from '../fixtures/user-data';
import { template } from './helpers';
import { PYTHON, printedTotal, ROOT, runPython } from './export-helpers';
import { prepareExport, writeExport } from '../../main/export/export-folder';
import { loadModelFile } from '../../main/transfer/read-model';
import { summarizeModel } from '../../main/transfer/summarize';
import { ensureZooModel } from '../../main/transfer/zoo';

/** A tiny model in the zoo's format (model.json + two shards) standing in for MobileNetV2. */
async function tinyModel(): Promise<{ json: Buffer; shards: [Buffer, Buffer] }> {
  const input = tf.input({ shape: [8, 8, 3] });
  const c = tf.layers.conv2d({ filters: 4, kernelSize: 3, activation: 'relu', name: 'conv' }).apply(input) as tf.SymbolicTensor;
  const g = tf.layers.globalAveragePooling2d({ name: 'global_average_pooling2d_1' }).apply(c) as tf.SymbolicTensor;
  const y = tf.layers.dense({ units: 3, activation: 'softmax', name: 'predictions' }).apply(g) as tf.SymbolicTensor;
  let out: tf.io.ModelArtifacts | null = null;
  await tf.model({ inputs: input, outputs: y }).save(
    tf.io.withSaveHandler(async (a) => {
      out = a;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  const a = out as unknown as tf.io.ModelArtifacts;
  const data = Buffer.from(a.weightData as ArrayBuffer);
  const half = 200;
  const json = {
    format: 'layers-model',
    modelTopology: a.modelTopology,
    weightsManifest: [{ paths: ['group1-shard1of2.bin', 'group1-shard2of2.bin'], weights: a.weightSpecs }],
  };
  return { json: Buffer.from(JSON.stringify(json)), shards: [data.subarray(0, half), data.subarray(half)] };
}

let server: Server;
let base = '';
let files: Map<string, Buffer>;
const ranges: string[] = [];
let cutOnce = true;
/** The cache folder of the resume test: the server cuts the connection only once the first bytes are on disk there. */
let cutDir = '';

/** Resolves once `path` holds at least `bytes` (the client wrote what arrived before the cut). */
async function onDisk(path: string, bytes: number): Promise<void> {
  for (let i = 0; i < 1000 && (statSync(path, { throwIfNoEntry: false })?.size ?? 0) < bytes; i++) await new Promise((r) => setTimeout(r, 10));
}

function serve(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
  const m = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
  if (!m) return void res.writeHead(200, { 'content-length': body.length }).end(body);
  const from = Number(m[1]);
  ranges.push(`${req.url ?? ''}@${from}`);
  res.writeHead(206, { 'content-length': body.length - from }).end(body.subarray(from));
}

beforeAll(async () => {
  const m = await tinyModel();
  files = new Map([
    ['model.json', m.json],
    ['group1-shard1of2.bin', m.shards[0]],
    ['group1-shard2of2.bin', m.shards[1]],
  ]);
  server = createServer((req, res) => {
    const [, mode, , name] = (req.url ?? '').split('/');
    const body = files.get(name ?? '');
    if (!body || mode === 'missing') return void res.writeHead(404, 'Not Found').end();
    if (mode === 'corrupt' && name === 'group1-shard2of2.bin') return void res.writeHead(200, { 'content-length': body.length - 8 }).end(body.subarray(8));
    if (mode === 'cut' && name === 'group1-shard2of2.bin' && cutOnce && !req.headers.range) {
      cutOnce = false;
      res.writeHead(200, { 'content-length': body.length });
      res.flushHeaders();
      // Cutting right after writing would race the client: a fetch body that errors drops the chunks it has
      // not handed on yet. Waiting until they are in the partial file makes the cut land mid-transfer every time.
      res.write(body.subarray(0, 100), () => void onDisk(join(cutDir, 'mobilenet-v2', 'group1-shard2of2.bin.part'), 100).then(() => res.socket?.destroy()));
      return;
    }
    serve(req, res, body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
afterEach(() => {
  delete process.env.LAYERLAB_ZOO_URL;
});

const cache = () => mkdtempSync(join(tmpdir(), 'layerlab-zoo-'));

describe('model zoo downloads', () => {
  it('downloads model.json and its shards with progress, caches them, and the model loads', async () => {
    process.env.LAYERLAB_ZOO_URL = `${base}/good`;
    const dir = cache();
    const seen = new Set<string>();
    const path = await ensureZooModel('mobilenet-v2', dir, { onProgress: (p) => seen.add(p.file) });
    expect([...seen].sort()).toEqual(['group1-shard1of2.bin', 'group1-shard2of2.bin', 'model.json']);
    const model = await loadModelFile(tf, path);
    const summary = summarizeModel(model);
    expect(summary.inputShape).toEqual([8, 8, 3]);
    expect(summary.layers.map((l) => l.name)).toContain('global_average_pooling2d_1');
    // Cached: a second call needs no server.
    process.env.LAYERLAB_ZOO_URL = 'http://127.0.0.1:1';
    expect(await ensureZooModel('mobilenet-v2', dir)).toBe(path);
  });

  it('refuses a shard whose size is not what the manifest declares, and removes it', async () => {
    process.env.LAYERLAB_ZOO_URL = `${base}/corrupt`;
    await expect(ensureZooModel('mobilenet-v2', cache())).rejects.toThrow(/damaged/);
  });

  it('resumes a shard whose transfer was cut off', async () => {
    process.env.LAYERLAB_ZOO_URL = `${base}/cut`;
    cutDir = cache();
    const path = await ensureZooModel('mobilenet-v2', cutDir);
    // The second request continued after the 100 bytes that arrived before the cut.
    expect(ranges).toContain('/cut/mobilenet_v2_1.0_224/group1-shard2of2.bin@100');
    await expect(loadModelFile(tf, path)).resolves.toBeDefined();
  });

  it('says which URL answered 404', async () => {
    process.env.LAYERLAB_ZOO_URL = `${base}/missing`;
    await expect(ensureZooModel('mobilenet-v2', cache())).rejects.toThrow(/HTTP 404/);
  });

  it('gives a clear offline message', async () => {
    process.env.LAYERLAB_ZOO_URL = 'http://127.0.0.1:1';
    const error = await ensureZooModel('mobilenet-v2', cache()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DownloadError);
    expect((error as Error).message).toMatch(/cannot be reached.*Connect to the internet/);
  });
});

describe('a zoo model as a frozen feature extractor', () => {
  it('is downloaded by the engine, preprocessed to −1…1, frozen, and a new head trains on it', async () => {
    process.env.LAYERLAB_ZOO_URL = `${base}/good`;
    const downloads = cache();
    const reached = new Set<string>();
    useDownloadCache(downloads, (p) => reached.add(p.file));
    const summary = summarizeModel(await loadModelFile(tf, await ensureZooModel('mobilenet-v2', mkdtempSync(join(tmpdir(), 'layerlab-zoo-')))));
    const node = (id: string, type: string, params: Record<string, unknown>) => ({ id, type, name: id, position: { x: 0, y: 0 }, params });
    const edge = (source: string, target: string) => ({ id: `${source}-${target}`, source, sourceHandle: 'output', target, targetHandle: 'input' });
    const doc = projectSchema.parse({
      format: 'layerlab',
      version: 1,
      name: 'zoo head',
      graph: {
        nodes: [
          node('image', 'InputLayer', { shape: [8, 8, 3] }),
          node('base', 'PretrainedModel', {
            source: { kind: 'zoo', model: 'mobilenet-v2' },
            cutAt: 'global_average_pooling2d_1',
            preprocess: 'scale-1-1',
            summary,
          }),
          node('head', 'Dense', { units: 2, activation: 'softmax', useBias: true }),
        ],
        edges: [edge('image', 'base'), edge('base', 'head')],
      },
    });
    const analysis = analyzeGraph(doc.graph);
    expect(analysis.ok).toBe(true);
    // conv (3·3·3·4 + 4) and the fixed preprocessing (9 + 3) never train; the head (4·2 + 2) does.
    expect(analysis.nonTrainableParams).toBe(112 + 12);
    expect(analysis.trainableParams).toBe(10);
    await loadPretrainedSources(tf, doc);
    // The engine fetched the model into its own cache, through the same download code.
    expect([...reached].sort()).toEqual(['group1-shard1of2.bin', 'group1-shard2of2.bin', 'model.json']);
    const model = buildModel(tf, doc, analysis);
    const inner = model.getLayer('base') as tf.LayersModel;
    const conv = inner.getLayer('conv').getWeights()[0]!.dataSync().slice();
    // White pixels (1) reach the source as 1, black (0) as −1.
    const pre = model.getLayer('base_preprocess');
    const scaled = pre.apply(tf.tensor4d([0, 0.5, 1], [1, 1, 1, 3])) as tf.Tensor;
    expect(Array.from(scaled.dataSync())).toEqual([-1, 0, 1]);
    model.compile({ optimizer: tf.train.adam(0.05), loss: 'categoricalCrossentropy' });
    const x = tf.randomUniform([16, 8, 8, 3]);
    const y = tf.oneHot(
      tf.tensor1d(
        Array.from({ length: 16 }, (_, i) => i % 2),
        'int32',
      ),
      2,
    );
    const h = await model.fit(x, y, { epochs: 3, batchSize: 8, verbose: 0 });
    expect(h.history.loss!.every((l) => Number.isFinite(l as number))).toBe(true);
    expect(Array.from(inner.getLayer('conv').getWeights()[0]!.dataSync())).toEqual(Array.from(conv));
  });
});

describe('the "Teach it your own pictures" template', () => {
  it('says MobileNetV2 must be downloaded, then trains on a picture folder with the tiny stand-in', async () => {
    const doc = template('teach-your-pictures');
    const offline = analyzeGraph(doc.graph);
    expect(offline.issues.map((i) => i.message)).toContain('MobileNetV2 (ImageNet) must be downloaded first (14 MB).');

    // What choosing the source in the inspector does once the download is done: the layers come with it.
    process.env.LAYERLAB_ZOO_URL = `${base}/good`;
    const downloads = cache();
    useDownloadCache(downloads, () => undefined);
    const summary = summarizeModel(await loadModelFile(tf, await ensureZooModel('mobilenet-v2', join(downloads, 'models'))));
    const root = await imageFolder(tempDir(), ['cats', 'dogs'], 8, 8);
    const { settings } = await importUserData(
      'images',
      dataSettingsSchema.parse({ dataset: 'images', source: { path: root, images: { size: [8, 8] } }, split: { validation: 0.25 } }),
    );
    doc.data = settings;
    doc.training = { ...doc.training, epochs: 2, batchSize: 4 };
    doc.graph.nodes = doc.graph.nodes.map((n) =>
      n.type === 'InputLayer' ? { ...n, params: { shape: [8, 8, 3] } } : n.type === 'PretrainedModel' ? { ...n, params: { ...n.params, summary } } : n,
    );
    const analysis = analyzeGraph(doc.graph);
    expect(analysis.issues).toEqual([]);
    expect(analysis.trainableParams).toBe(4 * 2 + 2);

    const events: HostEvent[] = [];
    await train({ runId: 'pictures', document: doc, backend: 'cpu' }, { tf, emit: (e) => events.push(e), stopRequested: () => false });
    expect(events.at(-1)).toMatchObject({ type: 'run.finished', status: 'completed' });
    const losses = events.flatMap((e) => (e.type === 'run.batches' ? e.points.map((p) => p.loss) : []));
    expect(losses.length).toBeGreaterThanOrEqual(6);
    expect(losses.every(Number.isFinite)).toBe(true);

    // The second run of the recipe: unfreeze the top layer with weights at a tenth of the learning rate.
    const tuned = structuredClone(doc);
    tuned.graph.nodes = tuned.graph.nodes.map((n) => (n.type === 'PretrainedModel' ? { ...n, params: { ...n.params, trainMode: 'fineTuneTop', topN: 1 } } : n));
    const tunedAnalysis = analyzeGraph(tuned.graph);
    // Kept up to the pooling, the tiny model's top layer with weights is its convolution (3·3·3·4 + 4).
    expect(tunedAnalysis.trainableParams).toBe(10 + 112);
    const again: HostEvent[] = [];
    await train({ runId: 'pictures-tuned', document: tuned, backend: 'cpu' }, { tf, emit: (e) => again.push(e), stopRequested: () => false });
    expect(again.at(-1)).toMatchObject({ type: 'run.finished', status: 'completed' });

    // It leaves as PyTorch code: the source's layers written out, the preprocessing a fixed 1×1 convolution, the
    // fine-tuned layer at a tenth of the rate, and train.py starting from the downloaded weights.
    if (!PYTHON.python) return;
    const out = tempDir();
    await writeExport(await prepareExport({ doc: tuned, target: 'pytorch', root: ROOT }), out);
    expect(readFileSync(join(out, 'train.py'), 'utf8')).toContain('LAYER_LR = {"conv": 0.1}');
    const check = runPython(['model.py', '--check', '--weights', 'weights'], out);
    expect(check.code, check.out).toBe(0);
    expect(printedTotal(check.out)).toBe(tunedAnalysis.totalParams);
    const step = runPython(['train.py', '--epochs', '1', '--steps', '1'], out, 120_000);
    expect(step.code, step.out).toBe(0);
    expect(step.out).toMatch(/epoch 1\/1 .*loss \d/);
  }, 120_000);

  it('has a from-scratch baseline that trains on the same kind of folder and sees the same data', async () => {
    const pictures = template('teach-your-pictures');
    const scratch = template('teach-your-pictures-scratch');
    // Same data settings, so once both point at one folder their runs share a fingerprint and Evaluate's Head start pairs them.
    expect(scratch.data).toEqual(pictures.data);
    expect(scratch.training).toEqual(pictures.training);
    const root = await imageFolder(tempDir(), ['cats', 'dogs'], 8, 64);
    const { settings } = await importUserData(
      'images',
      dataSettingsSchema.parse({ dataset: 'images', source: { path: root, images: { size: [64, 64], color: 'rgb' } }, split: { validation: 0.25 } }),
    );
    scratch.data = settings;
    scratch.training = { ...scratch.training, epochs: 2, batchSize: 4 };
    scratch.graph.nodes = scratch.graph.nodes.map((n) => (n.type === 'InputLayer' ? { ...n, params: { shape: [64, 64, 3] } } : n));
    expect(analyzeGraph(scratch.graph).issues).toEqual([]);
    const events: HostEvent[] = [];
    await train({ runId: 'scratch', document: scratch, backend: 'cpu' }, { tf, emit: (e) => events.push(e), stopRequested: () => false });
    expect(events.at(-1)).toMatchObject({ type: 'run.finished', status: 'completed' });
    const losses = events.flatMap((e) => (e.type === 'run.batches' ? e.points.map((p) => p.loss) : []));
    expect(losses.length).toBeGreaterThanOrEqual(6);
    expect(losses.every(Number.isFinite)).toBe(true);
  }, 60_000);
});
