import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportProject } from '../../app/export/export';
import { tempDir, template } from './export-helpers';

/**
 * Keras is not installed on these machines, so keras.ops and the layer base class are stood in for by numpy: what
 * this checks is the exported contrastive divergence itself (its algebra and its control flow), not Keras's API.
 */
const NUMPY_KERAS_PY = `
import sys, types
import numpy as np

class Var(np.ndarray):
    def assign(self, value):
        self[...] = value

class Layer:
    def __init__(self, name=None, **kwargs):
        self.name, self.built = name, False
    def add_weight(self, shape, initializer, name):
        values = np.random.normal(0, initializer.stddev, shape) if hasattr(initializer, "stddev") else np.zeros(shape)
        return values.astype("float32").view(Var)
    def __call__(self, x):
        if not self.built:
            self.build(np.shape(x))
            self.built = True
        return self.call(x)
    def get_config(self):
        return {"name": self.name}

class RandomNormal:
    def __init__(self, stddev):
        self.stddev = stddev

keras = types.ModuleType("keras")
keras.layers = types.SimpleNamespace(Layer=Layer)
keras.ops = types.SimpleNamespace(
    sigmoid=lambda x: 1 / (1 + np.exp(-x)), matmul=np.matmul, transpose=np.transpose, mean=np.mean, shape=np.shape,
    cast=lambda x, dtype: np.asarray(x, dtype=dtype),
)
keras.initializers = types.SimpleNamespace(RandomNormal=RandomNormal)
keras.random = types.SimpleNamespace(uniform=lambda shape: np.random.uniform(size=shape))
keras.saving = types.SimpleNamespace(register_keras_serializable=lambda package: (lambda cls: cls))
sys.modules["keras"] = keras
`;

const CHECK_PY = `
${NUMPY_KERAS_PY}
import numpy as np
import keras_model

np.random.seed(3)
# Two prototype patterns of 64 pixels, each example one of them with 5% of its pixels flipped.
prototypes = (np.random.uniform(size=(2, 64)) < 0.5).astype("float32")
x = prototypes[np.random.randint(0, 2, 512)]
x = np.abs(x - (np.random.uniform(size=x.shape) < 0.05)).astype("float32")

rbm = keras_model.RBM(16, name="rbm")
before = rbm.reconstruction_error(x)
assert rbm.kernel.shape == (64, 16) and rbm.visible_bias.shape == (64,) and rbm.hidden_bias.shape == (16,)
for epoch in range(20):
    for start in range(0, len(x), 32):
        rbm.cd_step(x[start : start + 32], 0.1)
after = rbm.reconstruction_error(x)
assert after < 0.5 * before, (before, after)

persistent = keras_model.RBM(8, cd_steps=2, persistent=True, name="pcd")
persistent(x)
persistent.cd_step(x[:32], 0.1)
persistent.cd_step(x[:32], 0.1)
assert persistent.chain is not None and persistent.chain.shape == (32, 64)

class Model:
    pass

model = Model()
model.inputs = ["pixels"]
first = keras_model.RBM(16, name="rbm_1")
first.input = model.inputs[0]
model.layers = [first]
keras_model.pretrain(model, [x], 2, 64, 0.1)
print(f"reconstruction error {before:.4f} -> {after:.4f}")
`;

function exported(name: string): string {
  const result = exportProject(template(name), 'keras', { dataPackages: 'node_modules', withWeights: false });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.files.find((f) => f.path === 'keras_model.py')!.text;
}

describe('Keras export of an RBM project', () => {
  it('pretrains by contrastive divergence, and the exported algebra lowers the reconstruction error', () => {
    const dir = tempDir('keras-rbm');
    writeFileSync(join(dir, 'keras_model.py'), exported('rbm-mnist'));
    writeFileSync(join(dir, 'check.py'), CHECK_PY);
    const r = spawnSync('/usr/bin/python3', ['check.py'], { cwd: dir, encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/epoch 1\/2 pretrain reconstruction_error \d/);
    expect(r.stdout).toMatch(/epoch 2\/2 pretrain reconstruction_error \d/);
  });

  it('an RBM alone is only pretrained; with a head, half the epochs pretrain and fit fine-tunes the rest', () => {
    const alone = exported('rbm-mnist');
    expect(alone).toContain('    pretrained = args.epochs');
    expect(alone).not.toContain('model.fit(');
    const stacked = exported('rbm-pretrain-mnist');
    expect(stacked).toContain('RBM(256, visible_type="binary", cd_steps=1, persistent=False, name="rbm_1")');
    expect(stacked).toContain('    pretrained = max(1, args.epochs // 2)');
    expect(stacked).toContain('        initial_epoch=pretrained,');
  });
});
