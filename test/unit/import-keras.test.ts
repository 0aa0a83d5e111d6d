import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../app/analysis/analyze';
import { importModelFile } from '../../main/import/import-file';
import { RunStore } from '../../main/service/run-store';
import { ROOT, tempDir, template } from './export-helpers';
import { exportTfjs, graphShape } from './import-helpers';
import { makeZip } from './web-zip';

// What Keras 3's model.to_json() writes for LeNet-5 (dtype policies, initializer objects, __keras_tensor__ call args).
const LENET_KERAS3 = join(ROOT, 'test', 'fixtures', 'import', 'lenet-keras3.json');

describe('Keras model configs', () => {
  it('a Keras 3 to_json() of LeNet imports as the LeNet template', async () => {
    const { doc, report } = await importModelFile(LENET_KERAS3, null);
    expect(report.source).toBe('a Keras 3 model config');
    expect(report.gaps).toEqual([]);
    expect(graphShape(doc)).toEqual(graphShape(template('lenet-mnist')));
    expect(report.totalParams).toBe(analyzeGraph(template('lenet-mnist').graph).totalParams);
    expect(report.weightsRun).toBeNull();
  });

  it('a .keras archive imports from its config.json and says its HDF5 weights stay behind', async () => {
    const dir = tempDir('import-keras-archive');
    const path = join(dir, 'lenet.keras');
    writeFileSync(
      path,
      makeZip([
        { name: 'metadata.json', data: '{"keras_version": "3.6.0", "date_saved": "2026-11-30@10:00:00"}' },
        { name: 'config.json', data: readFileSync(LENET_KERAS3) },
        { name: 'model.weights.h5', data: Buffer.alloc(1024, 1), stored: true },
      ]),
    );
    const { doc, report } = await importModelFile(path, null);
    expect(graphShape(doc)).toEqual(graphShape(template('lenet-mnist')));
    expect(report.weightsNote).toMatch(/HDF5/);
  });

  it('a Keras 2 Sequential config, whose first layer carries the input shape, gets an Input and a chain', async () => {
    const dir = tempDir('import-keras2');
    const dense = (name: string, units: number, activation: string, extra: object = {}) => ({
      class_name: 'Dense',
      config: {
        name,
        units,
        activation,
        use_bias: true,
        trainable: true,
        kernel_initializer: { class_name: 'GlorotUniform', config: { seed: null } },
        ...extra,
      },
    });
    const config = {
      class_name: 'Sequential',
      keras_version: '2.15.0',
      backend: 'tensorflow',
      config: {
        name: 'mlp',
        layers: [dense('hidden', 128, 'relu', { batch_input_shape: [null, 784] }), dense('out', 10, 'softmax', { kernel_regularizer: { class_name: 'L2' } })],
      },
    };
    writeFileSync(join(dir, 'model.json'), JSON.stringify(config));
    const { doc, report } = await importModelFile(join(dir, 'model.json'), null);
    expect(graphShape(doc)).toEqual({
      nodes: [
        { name: 'hidden', type: 'Dense', params: { units: 128, activation: 'relu', useBias: true }, trainable: true },
        { name: 'mlp_input', type: 'InputLayer', params: { shape: [784] }, trainable: true },
        { name: 'out', type: 'Dense', params: { units: 10, activation: 'softmax', useBias: true }, trainable: true },
      ],
      edges: ['hidden:output → out:input', 'mlp_input:output → hidden:input'],
    });
    expect(report.warnings).toEqual(['out: kernel_regularizer is not kept (LayerLab has no such setting).']);
  });
});

describe('a model with a layer LayerLab lacks', () => {
  it('lists it by name and class, imports the rest and leaves the gap open', async () => {
    const dir = tempDir('import-gap');
    await exportTfjs(template('lenet-mnist'), dir);
    const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as {
      modelTopology: { config: { layers: { name: string; class_name: string; inbound_nodes: unknown }[] } };
    };
    const layers = json.modelTopology.config.layers;
    const at = layers.findIndex((l) => l.name === 'dense_2');
    layers.splice(at, 0, {
      class_name: 'ThresholdedReLU',
      name: 'thresholded',
      config: { name: 'thresholded', theta: 1 },
      inbound_nodes: [[['dense_1', 0, 0, {}]]],
    } as never);
    layers[at + 1]!.inbound_nodes = [[['thresholded', 0, 0, {}]]];
    writeFileSync(join(dir, 'model.json'), JSON.stringify(json));
    const dataDir = join(dir, 'data');
    mkdirSync(dataDir);
    const store = new RunStore(dataDir);
    const { doc, report } = await importModelFile(join(dir, 'model.json'), store);

    expect(report.gaps).toEqual([{ name: 'thresholded', className: 'ThresholdedReLU', reason: 'LayerLab has no ThresholdedReLU layer' }]);
    expect(doc.graph.nodes.map((n) => n.name)).toEqual(template('lenet-mnist').graph.nodes.map((n) => n.name));
    const dense2 = doc.graph.nodes.find((n) => n.name === 'dense_2')!;
    expect(doc.graph.edges.filter((e) => e.target === dense2.id)).toEqual([]);
    expect(analyzeGraph(doc.graph).issues.some((i) => i.nodeId === dense2.id)).toBe(true);
    expect(doc.description).toContain('thresholded (ThresholdedReLU');
    // Weights for a graph with a hole would belong to another network: none are recorded.
    expect(report.weightsRun).toBeNull();
    expect(report.weightsNote).toMatch(/not attached/);
    expect(await store.list(doc.id!)).toEqual([]);
  });
});

describe("a saved LeakyReLU (how LayerLab's leaky-ReLU Activation is built)", () => {
  it("imports as that Activation at LayerLab's slope 0.2, and as a gap that says why at another", async () => {
    const dir = tempDir('import-leaky');
    await exportTfjs(template('lenet-mnist'), dir);
    const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as {
      modelTopology: { config: { layers: { name: string; class_name: string; config: Record<string, unknown>; inbound_nodes: unknown }[] } };
    };
    const layers = json.modelTopology.config.layers;
    const at = layers.findIndex((l) => l.name === 'dense_2');
    layers.splice(at, 0, { class_name: 'LeakyReLU', name: 'leaky', config: { name: 'leaky', alpha: 0.2 }, inbound_nodes: [[['dense_1', 0, 0, {}]]] });
    layers[at + 1]!.inbound_nodes = [[['leaky', 0, 0, {}]]];
    const write = () => {
      writeFileSync(join(dir, 'model.json'), JSON.stringify({ modelTopology: json.modelTopology }));
      return importModelFile(join(dir, 'model.json'), null);
    };
    const same = await write();
    expect(same.report.gaps).toEqual([]);
    expect(same.doc.graph.nodes.find((n) => n.name === 'leaky')).toMatchObject({ type: 'Activation', params: { activation: 'leakyRelu' } });
    layers[at]!.config.alpha = 0.3;
    const other = await write();
    expect(other.report.gaps).toEqual([{ name: 'leaky', className: 'LeakyReLU', reason: "a leaky ReLU with slope 0.3; LayerLab's has 0.2" }]);
  });
});
