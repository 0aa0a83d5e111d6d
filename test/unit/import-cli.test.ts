import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProjectText } from '../../app/document/load';
import { importCommand } from '../../main/cli/import';
import { RunStore } from '../../main/service/run-store';
import { tempDir, template } from './export-helpers';
import { exportTfjs, graphShape } from './import-helpers';

describe('layerlab import', () => {
  it('writes the project file and records the weights as its first run', async () => {
    const dir = tempDir('import-cli');
    await exportTfjs(template('mlp-iris'), dir);
    const lines: string[] = [];
    const project = join(dir, 'iris.layerlab.json');
    expect(await importCommand(join(dir, 'model.json'), { out: project, dataDir: join(dir, 'data') }, (l) => lines.push(l))).toBe(0);
    const loaded = loadProjectText(readFileSync(project, 'utf8'));
    if (!loaded.ok) throw new Error(loaded.error);
    expect(graphShape(loaded.doc)).toEqual(graphShape(template('mlp-iris')));
    expect(lines.join('\n')).toContain('131 parameters');
    const runs = await new RunStore(join(dir, 'data')).list(loaded.doc.id!);
    expect(runs).toHaveLength(1);
    expect(lines.join('\n')).toContain(`--run ${runs[0]!.id}`);
  });

  it('refuses a bad file and an existing output, writing nothing', async () => {
    const dir = tempDir('import-cli-bad');
    writeFileSync(join(dir, 'model.json'), '{"modelTopology": 3}');
    await expect(importCommand(join(dir, 'model.json'), { out: join(dir, 'p.layerlab.json'), dataDir: join(dir, 'data') }, () => undefined)).rejects.toThrow(
      /no modelTopology object/,
    );
    expect(existsSync(join(dir, 'p.layerlab.json'))).toBe(false);
    expect(existsSync(join(dir, 'data'))).toBe(false);
    writeFileSync(join(dir, 'p.layerlab.json'), '{}');
    await expect(importCommand(join(dir, 'model.json'), { out: join(dir, 'p.layerlab.json'), dataDir: dir }, () => undefined)).rejects.toThrow(/exists/);
  });
});
