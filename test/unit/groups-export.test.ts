import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../app/analysis/analyze';
import { exportProject } from '../../app/export/export';
import { formatSummary } from '../../app/analysis/summary';
import { writeExport } from '../../main/export/export-folder';
import { applyCommand } from '../../renderer/src/store/commands';
import { PYTHON, printedTotal, runPython, tempDir, template } from './export-helpers';

const grouped = () =>
  applyCommand(applyCommand(template('mlp-iris'), { type: 'group', id: 'group_1', name: 'Encoder', nodeIds: ['dense_1', 'dropout_1'] }), {
    type: 'setGroupCollapsed',
    groupId: 'group_1',
    collapsed: true,
  });

const file = (doc: ReturnType<typeof grouped>, target: 'keras' | 'pytorch', path: string) => {
  const r = exportProject(doc, target, { dataPackages: 'node_modules', withWeights: false });
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return { text: r.files.find((f) => f.path === path)!.text, result: r };
};

describe('a block is its layers in export', () => {
  it('Keras and PyTorch code name the block where its layers begin, and are otherwise the same', () => {
    const doc = grouped();
    const plain = template('mlp-iris');
    const keras = file(doc, 'keras', 'keras_model.py').text;
    expect(keras).toContain('# Block "Encoder": dense_1, dropout_1');
    expect(keras.replace(/^ *# Block .*\n/gm, '')).toBe(file(plain, 'keras', 'keras_model.py').text);
    const torch = file(doc, 'pytorch', 'model.py').text;
    expect(torch.match(/# Block "Encoder": dense_1, dropout_1/g)).toHaveLength(2);
    expect(torch.replace(/^ *# Block .*\n/gm, '')).toBe(file(plain, 'pytorch', 'model.py').text);
  });

  it('the summary is unchanged by grouping: the same layers and counts', () => {
    const doc = grouped();
    expect(formatSummary('m', doc.graph, analyzeGraph(doc.graph))).toBe(
      formatSummary('m', template('mlp-iris').graph, analyzeGraph(template('mlp-iris').graph)),
    );
  });

  it.skipIf(!PYTHON.python)(
    `the exported PyTorch model with a block runs and counts LayerLab's parameters (${PYTHON.why || PYTHON.python})`,
    async () => {
      const doc = grouped();
      const { result } = file(doc, 'pytorch', 'model.py');
      const dir = tempDir('pt-block');
      await writeExport({ files: result.files.map((f) => ({ path: f.path, data: f.text })), totalParams: result.totalParams }, dir);
      const r = runPython(['model.py', '--check'], dir);
      expect(r.code, r.out).toBe(0);
      expect(printedTotal(r.out)).toBe(analyzeGraph(doc.graph).totalParams);
    },
    120_000,
  );
});
