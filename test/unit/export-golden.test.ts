import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportProject } from '../../app/export/export';
import type { ExportTarget } from '../../app/export/target';
import { prepareExport, writeExport } from '../../main/export/export-folder';
import { ROOT, tempDir, template } from './export-helpers';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'export');
const OPTIONS = { dataPackages: 'node_modules', withWeights: false };

function file(name: string, target: ExportTarget, path: string): string {
  const result = exportProject(template(name), target, OPTIONS);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  const f = result.files.find((x) => x.path === path);
  if (!f) throw new Error(`${name} export has no ${path}`);
  return f.text;
}

/** Set UPDATE_GOLDEN=1 to rewrite the fixtures after a deliberate change of the emitted code, then read the diff. */
function golden(fixture: string, text: string): void {
  const path = join(FIXTURES, fixture);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) writeFileSync(path, text);
  expect(text).toBe(readFileSync(path, 'utf8'));
}

describe('exported code text', () => {
  for (const name of ['lenet-mnist', 'seq2seq-reverse']) {
    it(`${name}: PyTorch model.py and Keras keras_model.py are fixed by golden files`, () => {
      golden(`${name}.model.py`, file(name, 'pytorch', 'model.py'));
      golden(`${name}.keras_model.py`, file(name, 'keras', 'keras_model.py'));
    });
  }

  it('every template but the GAN exports to Keras code that py_compiles (Keras itself is not needed)', async () => {
    const dir = tempDir('keras');
    for (const f of readdirSync(join(ROOT, 'resources', 'templates'))) {
      const name = f.replace('.layerlab.json', '');
      const doc = template(name);
      if (doc.graph.nodes.some((n) => n.type === 'PretrainedModel')) {
        // Written out as the source's layers, as the menu and the CLI export it; a zoo model must be downloaded first.
        const text = await prepareExport({ doc, target: 'keras', root: ROOT }).then(
          (p) => p.files.find((x) => x.path === 'keras_model.py')!.data as string,
          (e: unknown) => {
            expect((e as Error).message, name).toMatch(/must be downloaded/);
            return null;
          },
        );
        if (text !== null) compiles(dir, name, text);
        continue;
      }
      const result = exportProject(doc, 'keras', OPTIONS);
      if (doc.training.mode === 'gan') {
        expect(result.ok).toBe(false);
        continue;
      }
      if (!result.ok) throw new Error(`${name}: ${result.errors.join('\n')}`);
      compiles(dir, name, result.files.find((x) => x.path === 'keras_model.py')!.text);
    }
  });

  it("a transfer model's Keras script sets the pretrained layers from weights/ and refuses weights no layer takes", async () => {
    const dir = tempDir('keras-transfer');
    await writeExport(await prepareExport({ doc: template('transfer-digits'), target: 'keras', root: ROOT }), dir);
    writeFileSync(join(dir, 'check.py'), STUB_KERAS_PY);
    const r = spawnSync('/usr/bin/python3', ['check.py'], { cwd: dir, encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('set conv1 conv2; head keeps its initialiser; stray weight refused');
  });
});

function compiles(dir: string, name: string, text: string): void {
  const path = join(dir, `${name.replace(/-/g, '_')}.py`);
  writeFileSync(path, text);
  const r = spawnSync('/usr/bin/python3', ['-m', 'py_compile', path], { encoding: 'utf8' });
  expect(r.status, `${name}: ${r.stderr}`).toBe(0);
}

/**
 * Keras is not installed here: a stand-in for the two names load_layerlab_weights uses (layer.name, layer.weights
 * with their names, set_weights), checked against the source model's own weights file.
 */
const STUB_KERAS_PY = `
import json, os, sys, types
import numpy as np
sys.modules["keras"] = types.ModuleType("keras")
sys.modules["keras"].layers = types.ModuleType("keras.layers")
sys.modules["keras.layers"] = sys.modules["keras"].layers
import keras_model

class W:
    def __init__(self, name):
        self.name = name

class Layer:
    def __init__(self, name, weights):
        self.name, self.weights, self.values = name, [W(w) for w in weights], None
    def set_weights(self, values):
        self.values = values

class Model:
    def __init__(self, layers):
        self.layers = layers

layers = [Layer("conv1", ["kernel", "bias"]), Layer("pool1", []), Layer("conv2", ["kernel", "bias"]), Layer("head", ["kernel", "bias"])]
keras_model.load_layerlab_weights(Model(layers), "weights")
source = json.load(open(os.path.join(${JSON.stringify(join(ROOT, 'resources', 'models', 'digits-0-4'))}, "model.json")))
raw = open(os.path.join(${JSON.stringify(join(ROOT, 'resources', 'models', 'digits-0-4'))}, "weights.bin"), "rb").read()
offset = 0
for w in source["weightsManifest"][0]["weights"]:
    count = int(np.prod(w["shape"]))
    want = np.frombuffer(raw, dtype="<f4", count=count, offset=offset).reshape(w["shape"])
    offset += 4 * count
    layer, weight = w["name"].split("/")
    got = next((l for l in layers if l.name == layer), None)
    if got is not None and got.values is not None:
        assert np.array_equal(got.values[["kernel", "bias"].index(weight)], want), w["name"]
assert layers[0].values is not None and layers[2].values is not None and layers[3].values is None
try:
    keras_model.load_layerlab_weights(Model(layers[:1]), "weights")
    raise SystemExit("a weight no layer took was accepted")
except ValueError as e:
    assert "conv2/kernel" in str(e), e
print("set conv1 conv2; head keeps its initialiser; stray weight refused")
`;
