import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../app/analysis/analyze';
import type { ProjectDoc } from '../../app/document/schema';
import { exportProject } from '../../app/export/export';
import { buildModel } from '../../main/engine/build-model';
import { registerWasmTrainingKernels } from '../../main/engine/kernels/register';
import { printedTotal, PYTHON, tempDir, template } from './export-helpers';
import { replayInTorch } from './export-torch-replay';

type Node = ProjectDoc['graph']['nodes'][number];

/**
 * Every recurrent case the PyTorch emitters tell apart, in one network: fused nn.GRU / nn.LSTM (forwards, backwards
 * inside Bidirectional, sequences, states handed on as an initial state) beside the written-out cells that PyTorch's
 * modules cannot express (an LSTM with relu, the original GRU).
 */
function recurrentZoo(): ProjectDoc {
  const doc = template('gru-co2');
  const at = { x: 0, y: 0 };
  const node = (id: string, type: string, params: Record<string, unknown>): Node => ({ id, type, name: id, position: at, params }) as Node;
  const edge = (source: string, target: string, sourceHandle = 'output', targetHandle = 'input') => ({
    id: `e_${source}_${sourceHandle}_${target}_${targetHandle}`,
    source,
    sourceHandle,
    target,
    targetHandle,
  });
  const rnn = { activation: 'tanh', returnSequences: false, returnState: false };
  doc.graph.nodes = [
    node('input_1', 'InputLayer', { shape: [12, 3] }),
    node('bi_gru', 'Bidirectional', { layer: 'GRU', units: 6, returnSequences: true, mergeMode: 'concat' }),
    node('lstm_states', 'LSTM', { ...rnn, units: 5, returnSequences: true, returnState: true }),
    node('lstm_relu', 'LSTM', { ...rnn, units: 5, activation: 'relu' }),
    node('gru_fused', 'GRU', { ...rnn, units: 4, returnState: true, resetAfter: true }),
    node('gru_before', 'GRU', { ...rnn, units: 4, resetAfter: false }),
    node('gru_from_state', 'GRU', { ...rnn, units: 5, resetAfter: true }),
    node('bi_lstm', 'Bidirectional', { layer: 'LSTM', units: 3, returnSequences: false, mergeMode: 'sum' }),
    node('concat_1', 'Concatenate', { axis: -1 }),
    node('dense_1', 'Dense', { units: 2, activation: 'linear', useBias: true }),
  ];
  doc.graph.edges = [
    edge('input_1', 'bi_gru'),
    edge('bi_gru', 'lstm_states'),
    edge('lstm_states', 'lstm_relu'),
    edge('lstm_states', 'lstm_relu', 'state_h', 'initial_state'),
    edge('lstm_states', 'lstm_relu', 'state_c', 'initial_state'),
    edge('lstm_states', 'gru_fused'),
    edge('bi_gru', 'gru_before'),
    edge('lstm_states', 'gru_from_state'),
    edge('lstm_states', 'gru_from_state', 'state_h', 'initial_state'),
    edge('input_1', 'bi_lstm'),
    edge('lstm_relu', 'concat_1', 'output', 'inputs'),
    edge('gru_fused', 'concat_1', 'output', 'inputs'),
    edge('gru_before', 'concat_1', 'output', 'inputs'),
    edge('gru_from_state', 'concat_1', 'output', 'inputs'),
    edge('bi_lstm', 'concat_1', 'output', 'inputs'),
    edge('concat_1', 'dense_1'),
  ];
  return doc;
}

describe('recurrent layers leave LayerLab for PyTorch', () => {
  it('as nn.GRU / nn.LSTM where those compute the layer, as written-out cells where they do not', () => {
    const result = exportProject(recurrentZoo(), 'pytorch', { dataPackages: 'node_modules', withWeights: false });
    expect(result.ok, result.ok ? '' : result.errors.join(' ')).toBe(true);
    if (!result.ok) return;
    const code = result.files.find((f) => f.path === 'model.py')!.text;
    expect(code).toContain('self.lstm_states = FusedLSTM(12, 5, return_sequences=True, return_state=True)');
    expect(code).toContain('self.lstm_relu = KerasLSTM(5, 5, activation="relu")');
    expect(code).toContain('self.gru_before = KerasGRU(12, 4, reset_after=False)');
    expect(code).toContain('FusedGRU(3, 6, return_sequences=True, go_backwards=True)');
    expect(code).toContain('self.gru_fused = FusedGRU(5, 4, return_state=True)');
  });

  it.skipIf(!PYTHON.python)(
    `with Keras's parameter count and the same predictions from non-zero weights (${PYTHON.why || PYTHON.python})`,
    async () => {
      // The engine's own backend, with LayerLab's sequence ops, as the app predicts.
      await tf.setBackend('wasm');
      registerWasmTrainingKernels(tf);
      const doc = recurrentZoo();
      const work = tempDir('recurrent');
      const model = buildModel(tf, doc, analyzeGraph(doc.graph));
      // Biases start at zero: random values everywhere, so that a gate or bias put in the wrong place shows.
      model.setWeights(model.getWeights().map((w, i) => tf.randomUniform(w.shape, -0.6, 0.6, 'float32', 11 + i)));
      const x = tf.randomUniform([4, 12, 3], -1, 1, 'float32', 5);
      const want = (model.predict(x) as tf.Tensor).dataSync();

      const { check, compare, got } = await replayInTorch(doc, model, x, work);
      expect(check.code, check.out).toBe(0);
      expect(printedTotal(check.out)).toBe(analyzeGraph(doc.graph).totalParams);
      expect(compare.code, compare.out).toBe(0);
      expect(got.length).toBe(want.length);
      expect(got.reduce((m, v, i) => Math.max(m, Math.abs(v - want[i]!)), 0)).toBeLessThan(1e-4);
      model.dispose();
    },
    120_000,
  );
});
